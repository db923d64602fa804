"""Dates read in each language's long form, and carry a machine-readable datetime."""

from __future__ import annotations

import datetime as dt

import pytest

from globe_core.languages import long_date
from theme.pages import article_paths, soup


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_article_date_is_the_locale_long_form_of_its_datetime(sample_site, lang):
    for path in article_paths(sample_site, lang):
        time = soup(sample_site, path).select_one("main article header time")
        day = dt.datetime.fromisoformat(time["datetime"]).date()
        assert time.get_text(strip=True) == long_date(day, lang), path


@pytest.mark.parametrize("lang,expected", [("fr", "29 octobre 2021"),
                                           ("nl", "29 oktober 2021"),
                                           ("en", "29 October 2021")])
def test_dates_read_naturally_in_each_language(sample_site, lang, expected):
    texts = {time.get_text(strip=True)
             for path in article_paths(sample_site, lang)
             for time in soup(sample_site, path).select("main time")}
    listing = soup(sample_site, {"fr": "", "nl": "nl/", "en": "en/"}[lang] + "archives/")
    texts |= {time.get_text(strip=True) for time in listing.select("main time")}
    assert expected in texts
