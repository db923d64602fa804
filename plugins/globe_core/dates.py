"""Dates as officers write them: `YYYY-MM-DD`, articles may add ` HH:MM`. Parsed here only."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

# ASCII digits only: `\d` alone also takes ٢٠٢٦ (Arabic-Indic), which Python reads as 2026
_DATE_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$", re.ASCII)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
_LEADING_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})", re.ASCII)

NOT_A_DATE = "not a date"
NOT_IN_CALENDAR = "not in the calendar"
NOT_IN_BRUSSELS = "not a time in Brussels"  # skipped when the clocks go forward


def _parts(pattern: re.Pattern, value: str | None):
    match = pattern.match((value or "").strip())
    return [int(part) for part in match.groups(default="0")] if match else None


def date_error(value: str, with_time: bool) -> str | None:
    """What is wrong with a written date: NOT_A_DATE, NOT_IN_CALENDAR, or None."""
    parts = _parts(_DATE_TIME if with_time else _DAY, value)
    if parts is None:
        return NOT_A_DATE
    try:
        written = dt.datetime(*parts)
    except ValueError:
        return NOT_IN_CALENDAR
    if with_time and not exists_in_brussels(written):
        return NOT_IN_BRUSSELS
    return None


def exists_in_brussels(written: dt.datetime) -> bool:
    """False for a time the spring clock change skips (02:00-02:59 on its Sunday): read as
    Brussels time and back, it comes out an hour later."""
    there = written.replace(tzinfo=BRUSSELS)
    try:
        back = there.astimezone(dt.UTC).astimezone(BRUSSELS).replace(tzinfo=None)
    except (OverflowError, ValueError):  # year 1 or 9999: other checks refuse those
        return True
    return back == written


def parse_date(value: str | None) -> dt.datetime | None:
    """`YYYY-MM-DD` or `YYYY-MM-DD HH:MM` as a (naive, Brussels) datetime; None if invalid."""
    parts = _parts(_DATE_TIME, value)
    try:
        return dt.datetime(*parts) if parts else None
    except ValueError:
        return None


def parse_day(value: str | None, leading: bool = False) -> dt.date | None:
    """`YYYY-MM-DD` as a date (leading=True: at the start of a longer value); None if not."""
    parts = _parts(_LEADING_DAY if leading else _DAY, value)
    try:
        return dt.date(*parts) if parts else None
    except ValueError:
        return None


BRUSSELS = ZoneInfo("Europe/Brussels")


def brussels_now() -> dt.datetime:
    """Now as article dates are written: naive, Brussels time."""
    return dt.datetime.now(BRUSSELS).replace(tzinfo=None)


def is_scheduled(date: dt.datetime | None, now: dt.datetime | None = None) -> bool:
    """A date still to come: the article waits for it (previews show it meanwhile)."""
    return date is not None and date > (now or brussels_now())
