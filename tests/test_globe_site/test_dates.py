"""Dates read in each language's long form, and carry a machine-readable datetime."""

from __future__ import annotations

import datetime as dt

import pytest
from built_site import article_paths, soup

# Written out here, not asked of Babel: the expected text must not come from the code under test.
MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_article_date_is_the_locale_long_form_of_its_datetime(sample_site, lang):
    paths = article_paths(sample_site, lang)
    assert len(paths) >= 3, "the sample site must have articles in every language"
    for path in paths:
        time = soup(sample_site, path).select_one("main article header time")
        day = dt.datetime.fromisoformat(time["datetime"]).date()
        expected = f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
        assert time.get_text(strip=True) == expected, path


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
