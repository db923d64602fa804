"""Titles and summaries as one line of text: without markup, exactly what parsing gives."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from globe_newsletter.plain_text import inline_text


def parsed(fragment: str) -> str:
    text = BeautifulSoup(fragment, "html.parser").get_text(" ")
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab é\t\n\r\x00\x0b\x0c\xa0\u2028>;#'\"/=!-") +
                                ["<b>", "</b>", "&amp;", "&lt;", "&", "<", "<!--"]))
       .map("".join))
def test_a_title_reads_as_its_parsed_text(fragment):
    assert inline_text(fragment) == parsed(fragment)


def test_markup_and_entities_become_text():
    assert inline_text("Visite <em>officielle</em> &amp; accord\n  signé") == \
        "Visite officielle & accord signé"
    assert inline_text(None) == ""
