"""Gettext catalogues (.po) compiled in memory by Babel, so no built .mo file is committed."""

from __future__ import annotations

import io
import os
from functools import lru_cache

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations


@lru_cache(maxsize=32)
def load_translations(translations_dir: str, lang: str, domain: str) -> NullTranslations:
    """`<translations_dir>/<lang>/LC_MESSAGES/<domain>.po`; untranslated if it is missing."""
    path = os.path.join(translations_dir, lang, "LC_MESSAGES", f"{domain}.po")
    if not os.path.exists(path):
        return NullTranslations()
    with open(path, "rb") as po:
        catalog = read_po(po, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=domain)

