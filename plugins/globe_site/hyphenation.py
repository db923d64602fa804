"""Soft hyphens in long words of headings, from the language's hyphenation patterns (Pyphen).

Headings never split a word without a hyphen (CSS `overflow-wrap: normal`); browsers that
hyphenate the page's `lang` themselves (`hyphens: auto`) do, and the soft hyphens are the
fallback for those that cannot: a long Dutch compound breaks as "Ontwikkelings-
samenwerking", never as "Ontwikkelingssamenwer|king".
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import pyphen
from markupsafe import Markup

from globe_core.languages import BABEL_LOCALES

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 12  # shorter words fit a heading line, even on a phone
_LONG_WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")
_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&#?\w+;)")


@lru_cache(maxsize=8)
def _dictionary(lang: str) -> pyphen.Pyphen | None:
    name = pyphen.language_fallback(BABEL_LOCALES.get(lang, lang))
    return pyphen.Pyphen(lang=name) if name else None


@lru_cache(maxsize=4096)
def _hyphenated_word(word: str, lang: str) -> str:
    dictionary = _dictionary(lang)
    return dictionary.inserted(word, hyphen=SOFT_HYPHEN) if dictionary else word


def soft_hyphens(text: str, lang: str) -> Markup:
    """A heading's text (HTML allowed, plain text escaped) with soft hyphens in long words."""
    fragment = str(text) if isinstance(text, Markup) else html.escape(str(text), quote=False)
    parts = _TAG_OR_ENTITY.split(fragment)
    for index in range(0, len(parts), 2):  # text between tags and entities
        parts[index] = _LONG_WORD.sub(lambda m: _hyphenated_word(m.group(), lang), parts[index])
    return Markup("".join(parts))
