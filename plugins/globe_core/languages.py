"""The site's languages: which exist, where each lives in the URL space, how dates read."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date

LANGUAGES = ("fr", "nl", "en")
DEFAULT_LANG = "fr"

# Babel locales: Belgian French and Dutch; British English writes "18 November 2021".
BABEL_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}

# Each language named in itself, as a language switcher must show it.
NATIVE_NAMES = {"fr": "Français", "nl": "Nederlands", "en": "English"}


def lang_prefix(lang: str, default_lang: str = DEFAULT_LANG) -> str:
    """URL prefix of a language: the default language lives at the root."""
    return "" if lang == default_lang else f"{lang}/"


@lru_cache(maxsize=4096)
def _long_date(day: dt.date, lang: str) -> str:
    return format_date(day, format="long", locale=BABEL_LOCALES.get(lang, lang))


def long_date(value: dt.date | dt.datetime, lang: str) -> str:
    """'18 novembre 2021' / '18 november 2021' / '18 November 2021'."""
    day = value.date() if isinstance(value, dt.datetime) else value
    return _long_date(day, lang)
