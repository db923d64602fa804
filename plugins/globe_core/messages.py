"""The messages officers read in the terminal, in French, Dutch or English.

The language is chosen once per process, like other command-line tools: `GLOBE_LANG`
(fr|nl|en) if set, else the first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that names
one of those languages; English otherwise. Catalogues: translations/<lang>/LC_MESSAGES/
globe.po, compiled in memory (see catalogues.py).

Wrap each message where it is made, its values as placeholders:
    Problem(path, line, _("unknown category `%(value)s`", value=category), ...)
Extract and update: see the commands in babel.cfg (run from plugins/).
"""

from __future__ import annotations

import os
from functools import lru_cache

from babel.numbers import format_decimal

from .catalogues import load_translations
from .languages import LANGUAGES

DOMAIN = "globe"
TRANSLATIONS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "translations")
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@lru_cache(maxsize=1)
def cli_language() -> str:
    """fr, nl or en, from the environment; cached (tests clear it with cache_clear())."""
    chosen = os.environ.get("GLOBE_LANG", "").strip().lower()[:2]
    if chosen in LANGUAGES:
        return chosen
    for name in _LOCALE_VARIABLES:
        # LANGUAGE may list several, e.g. "nl_BE:fr"; the first one that is ours wins
        for value in os.environ.get(name, "").split(":"):
            lang = value.strip().lower()[:2]
            if lang in LANGUAGES:
                return lang
    return "en"


def translations(lang: str):
    return load_translations(TRANSLATIONS_DIR, lang, DOMAIN)


def _(message: str, /, **params) -> str:
    """The message in the user's language, its `%(name)s` placeholders filled in."""
    text = translations(cli_language()).ugettext(message)
    return text % params if params else text


def decimal(value: float) -> str:
    """A number with one decimal, written the way the user's language writes it."""
    return format_decimal(value, format="0.0", locale=cli_language())
