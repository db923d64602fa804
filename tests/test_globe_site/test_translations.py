"""Every string a visitor reads is translated in fr, nl and en, and nothing English leaks."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from built_site import LANGUAGES, article_paths, prefix, soup

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "theme" / "translations"


def extracted_msgids() -> set:
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def catalogue(lang):
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po, locale=lang)


def test_the_templates_and_plugin_have_strings_to_translate():
    msgids = extracted_msgids()
    assert "Skip to main content" in msgids and "Play the video" in msgids
    assert len(msgids) > 40


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_msgid_is_translated_and_not_fuzzy(lang):
    messages = {m.id: m for m in catalogue(lang) if m.id}
    problems = []
    for msgid in sorted(extracted_msgids(), key=str):
        message = messages.get(msgid)
        if message is None:
            problems.append(f"missing: {msgid!r}")
        elif message.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        elif not (all(message.string) if isinstance(message.string, tuple) else message.string):
            problems.append(f"untranslated: {msgid!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_placeholders_match_their_msgids(lang):
    cat = catalogue(lang)
    errors = [(message.id, [str(e) for e in errs]) for message, errs in cat.check()]
    assert not errors


def english_only_strings():
    """Visible msgids whose French and Dutch translations differ from the English."""
    fr, nl = ({m.id: m.string for m in catalogue(lang) if m.id} for lang in ("fr", "nl"))
    return [msgid for msgid in extracted_msgids()
            if isinstance(msgid, str) and "%" not in msgid and len(msgid) > 5
            and fr.get(msgid) != msgid and nl.get(msgid) != msgid]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_no_english_theme_string_leaks_into_the_french_and_dutch_site(sample_site, lang):
    english = english_only_strings()
    assert "Skip to main content" in english
    paths = [prefix(lang), f"{prefix(lang)}archives/", f"{prefix(lang)}404.html",
             article_paths(sample_site, lang)[0]]
    for path in paths:
        page = soup(sample_site, path)
        for other in page.select(f"body [lang]:not([lang={lang}])"):
            other.decompose()  # marked as another language: not a leak (language switcher)
        text = page.get_text(" ")
        attributes = " ".join(str(v) for el in page.find_all(True) for k, v in el.attrs.items()
                              if k in ("aria-label", "title", "alt"))
        leaks = [s for s in english if s in text or s in attributes]
        assert not leaks, f"{path}: {leaks}"
