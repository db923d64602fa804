"""The metadata rules shared by articles and editions, on plain values: fast, no build."""

from __future__ import annotations

import datetime as dt

import pytest

from globe_core.dates import (
    NOT_A_DATE,
    NOT_IN_BRUSSELS,
    NOT_IN_CALENDAR,
    date_error,
    parse_date,
    parse_day,
)
from globe_core.source import split_source
from globe_core.validators import check_date, check_keys


@pytest.mark.parametrize("value,with_time,error", [
    ("2021-11-18", True, None), ("2021-11-18 09:30", True, None),
    ("2021-11-18T09:30", True, None), ("2021-11-18", False, None),
    ("2021-11-18 09:30", False, NOT_A_DATE), ("18/11/2021", True, NOT_A_DATE),
    ("2021-02-30", True, NOT_IN_CALENDAR), ("2021-02-30", False, NOT_IN_CALENDAR),
    ("2021-11-18 25:00", True, NOT_IN_CALENDAR),
    # the spring clock change skips 02:00-02:59 in Brussels; the autumn one repeats them
    ("2026-03-29 02:30", True, NOT_IN_BRUSSELS), ("2026-03-29 03:00", True, None),
    ("2026-10-25 02:30", True, None),
    # years other checks refuse: no overflow here
    ("0001-01-01 00:00", True, None), ("9999-12-31 23:59", True, None),
    ("\u0662\u0660\u0662\u0661-11-18", True, NOT_A_DATE)])
def test_date_errors(value, with_time, error):
    assert date_error(value, with_time) == error


def test_dates_parse_as_written():
    assert parse_date("2021-11-18 09:30") == dt.datetime(2021, 11, 18, 9, 30)
    assert parse_date("2021-11-18") == dt.datetime(2021, 11, 18)
    assert parse_date("2021-02-30") is None and parse_date(None) is None
    assert parse_day("2021-11-18") == dt.date(2021, 11, 18)
    assert parse_day("2021-11-18 09:30") is None
    assert parse_day("2021-11-18 09:30", leading=True) == dt.date(2021, 11, 18)


def source(text: str):
    found, problems = split_source("a.md", text)
    assert not problems
    return found


def collect():
    found = []
    return found, lambda key, message, fix="": found.append((key, message, fix))


def test_check_date_names_the_key_and_the_fix():
    found, problem = collect()
    check_date(source("Date: 18/11/2021\n\nBody"), "date", problem, with_time=True, fix="F")
    assert [(k, f) for k, _m, f in found] == [("date", "F")]
    found, problem = collect()
    check_date(source("Date: 2021-02-30\n\nBody"), "date", problem, with_time=False, fix="F")
    assert found and "calendar" in found[0][1]
    found, problem = collect()
    check_date(source("Title: x\n\nBody"), "date", problem, with_time=True, fix="F")
    assert found == []  # a missing date is check_keys' business


def test_check_keys_suggests_the_close_key_and_names_missing_ones():
    problems = check_keys(source("Titel: x\nLang: fr\n\nBody"), {"title": True, "lang": True})
    messages = [p.message for p in problems]
    assert any("Titel" in m for m in messages) and any("Title" in m for m in messages)
    assert {p.line for p in problems} == {1}
    assert check_keys(source("Title: x\nLang: fr\n\nBody"), {"title": True, "lang": True}) == []
