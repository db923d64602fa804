"""Markdown without the inline patterns a text cannot match writes the same HTML."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown
from support import SAMPLE_CONTENT, SAMPLE_EDITIONS

from globe import build as builds
from globe_content.inline_patterns import NEEDS, TrimmedMarkdown
from globe_core.source import split_source

EXTENSIONS = builds.load_settings(SAMPLE_CONTENT, SAMPLE_EDITIONS)["MARKDOWN"]["extensions"]


def full() -> Markdown:
    return Markdown(extensions=EXTENSIONS, output_format="html5")


# Pieces of Markdown that start and end every inline pattern, and what could trip a
# character test: tabs and "\r" before a line end, entities, escapes, raw HTML.
PIECES = st.lists(st.sampled_from(
    list("`\\[]()!<>&*_ \t\r\n#-|:^{}.@xy1") +
    ["``", "\\`", "[^1]", "[^1]: note\n", "![alt](/a.png)", "[link](/b)", "[ref]",
     "[ref]: /c\n", "<b>", "</b>", "<http://a.b/c>", "<x@y.be>", "&amp;", "&#123;", "  \n",
     "\t\n", " \r\n", "**", "__", "*em*", "_em_", "\n\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
     "{: .lead }", "1. ", "- ", "> ", "    code\n", "word"]),
    max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(PIECES)
def test_any_text_converts_as_with_every_pattern(text):
    assert TrimmedMarkdown(full).convert(text) == full().convert(text)


def test_the_sample_articles_convert_as_with_every_pattern():
    trimmed, bodies = TrimmedMarkdown(full), 0
    for path in sorted(SAMPLE_CONTENT.rglob("*.md")):
        source, _problems = split_source(str(path), path.read_text(encoding="utf-8"))
        assert trimmed.convert(source.body) == full().convert(source.body), path
        bodies += 1
    assert bodies >= 16


def test_a_text_is_converted_without_the_patterns_it_cannot_use():
    trimmed = TrimmedMarkdown(full)
    plain = trimmed.instance_for("Une visite à Hanoï, en *mai*.")
    assert "em_strong" in plain.inlinePatterns
    assert not {"backtick", "link", "html", "entity", "escape"} & {
        name for name in NEEDS if name in plain.inlinePatterns}
    rich = trimmed.instance_for("Voir `code` & [le site](/) <b>ici</b>.")
    assert {"backtick", "link", "html", "entity"} <= {
        name for name in NEEDS if name in rich.inlinePatterns}
    assert trimmed.instance_for("Une autre visite, en *juin*.") is plain  # kept
