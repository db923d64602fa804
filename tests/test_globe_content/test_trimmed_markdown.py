"""Markdown without the syntax a text cannot use writes the same HTML."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown
from support import SAMPLE_CONTENT, SAMPLE_EDITIONS

from globe import build as builds
from globe_content.trimmed_markdown import (
    BLOCK_NEEDS,
    INLINE_NEEDS,
    KEPT_INSTANCES,
    TREE_NEEDS,
    TrimmedMarkdown,
)
from globe_core.source import split_source

EXTENSIONS = builds.load_settings(SAMPLE_CONTENT, SAMPLE_EDITIONS)["MARKDOWN"]["extensions"]


def full() -> Markdown:
    return Markdown(extensions=EXTENSIONS, output_format="html5")


# Pieces that start and end every inline pattern and block, and what could trip a
# character test: tabs and "\r" before a line end or as indentation, entities, raw HTML.
PIECES = st.lists(st.sampled_from(
    list("`\\[]()!<>&*_ \t\r\n#-=+|:^{}.@xy1") +
    ["``", "\\`", "[^1]", "[^1]: note\n", "![alt](/a.png)", "[link](/b)", "[ref]",
     "[ref]: /c\n", "<b>", "</b>", "<http://a.b/c>", "<x@y.be>", "&amp;", "&#123;", "  \n",
     "\t\n", " \r\n", "**", "__", "*em*", "_em_", "\n\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
     "a|b\n-|-\n", "{: .lead }", "## T {#v}\n", "1. ", "- ", "* ", "+ ", "> ", "    code\n",
     "\tcode\n", "# ", "## T\n", "T\n===\n", "T\n---\n", "***\n", "___\n", "<div>\n", "</div>\n",
     "word"]),
    max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(PIECES)
def test_any_text_converts_as_with_all_the_syntax(text):
    assert TrimmedMarkdown(full).convert(text) == full().convert(text)


def test_the_sample_articles_convert_as_with_all_the_syntax():
    trimmed, bodies = TrimmedMarkdown(full), 0
    for path in sorted(SAMPLE_CONTENT.rglob("*.md")):
        source, _problems = split_source(str(path), path.read_text(encoding="utf-8"))
        assert trimmed.convert(source.body) == full().convert(source.body), path
        bodies += 1
    assert bodies >= 16


def kept(markdown: Markdown) -> set[str]:
    return ({name for name in INLINE_NEEDS if name in markdown.inlinePatterns}
            | {name for name in BLOCK_NEEDS if name in markdown.parser.blockprocessors}
            | {name for name in TREE_NEEDS if name in markdown.treeprocessors})


def test_a_text_is_converted_without_the_syntax_it_cannot_use():
    trimmed = TrimmedMarkdown(full)
    plain = trimmed.instance_for("Une visite à Hanoï, en *mai*.\n\n- un\n- deux")
    assert {"em_strong", "ulist", "olist"} <= kept(plain)
    assert not {"backtick", "link", "html", "entity", "escape", "table", "quote", "code",
                "hashheader", "attr_list"} & kept(plain)
    rich = trimmed.instance_for("## Voir {: #v }\n\n> `code` & [le site](/) <b>ici</b> | x")
    assert {"backtick", "link", "html", "entity", "table", "quote", "hashheader",
            "attr_list"} <= kept(rich)
    assert trimmed.instance_for("Une autre visite, en *juin*.\n\n- trois") is plain  # kept


def test_texts_made_to_vary_do_not_multiply_instances():
    trimmed, pieces = TrimmedMarkdown(full), ["`a`", "[b](/c)", "<i>d</i>", "&amp;", "> e",
                                              "| f |\n|---|", "# g", "\\*"]
    texts = ["\n\n".join(p for bit, p in enumerate(pieces) if n >> bit & 1) + "\n\nh"
             for n in range(2 ** len(pieces))]
    for text in texts:
        assert trimmed.convert(text) == full().convert(text), text
    assert len({id(trimmed.instance_for(text)) for text in texts}) <= KEPT_INSTANCES
