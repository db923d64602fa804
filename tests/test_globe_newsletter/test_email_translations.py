"""Every string of the email templates is translated in the `email` catalogue (fr, nl, en)."""

from __future__ import annotations

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from .kit import ROOT

TEMPLATES = ROOT / "theme" / "email"
METHODS = [("**.mjml", "jinja2"), ("**.txt", "jinja2"), ("**.html", "jinja2")]
OPTIONS = {pattern: {"extensions": "jinja2.ext.i18n"} for pattern, _ in METHODS}


def email_msgids() -> set[str]:
    return {message for _f, _l, message, _c, _x in
            extract_from_dir(str(TEMPLATES), METHODS, OPTIONS)}


def catalogue(lang):
    with open(ROOT / f"theme/translations/{lang}/LC_MESSAGES/email.po", "rb") as po:
        return read_po(po, locale=lang)


def test_the_email_templates_have_strings_to_translate():
    assert {"Unsubscribe", "Read the article", "Edition %(number)s · %(date)s"} <= email_msgids()


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_every_email_string_is_translated_with_matching_placeholders(lang):
    cat = catalogue(lang)
    messages = {m.id: m for m in cat if m.id}
    missing = [m for m in sorted(email_msgids()) if not (messages.get(m) and messages[m].string)]
    assert not missing, missing
    assert not [m.id for m, errors in cat.check()]
    unused = set(messages) - email_msgids()
    assert not unused, f"entries no template uses: {sorted(unused)}"


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_french_and_dutch_strings_differ_from_the_english(lang):
    cat = catalogue(lang)
    same = [m.id for m in cat if m.id and m.string == m.id and len(m.id) > 6]
    assert not same, same
