"""Post bodies to Markdown, on plain values: odd and hostile HTML gives clean Markdown."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown

from globe_wordpress.html_to_markdown import BodyContext, to_markdown
from globe_wordpress.media import MediaStore
from globe_wordpress.shortcodes import embed_url, expand

SITE = "http://international.brussels"


def convert(html: str, tmp_path) -> tuple[str, BodyContext]:
    context = BodyContext(str(tmp_path), str(tmp_path / "articles/2020"), "2020", "fr",
                          MediaStore(str(tmp_path), SITE), lambda url: "",
                          lambda url, year: None)
    return to_markdown(expand(html, 1, {}, {}).html, context), context


def test_wordpress_paragraphs_lists_and_tables(tmp_path):
    text, _context = convert("Un.\n\nDeux <em>mots</em>.\n\n<ul><li>a</li><li>b</li></ul>"
                             "<table><tr><th>x</th></tr><tr><td>1</td></tr></table>",
                             tmp_path)
    assert text.startswith("Un.\n\nDeux *mots*.\n\n- a\n- b\n")
    assert "| x |" in text and "| 1 |" in text


def test_shortcodes_inside_shortcodes_and_brackets_in_text(tmp_path):
    text, _context = convert('[column][button url="/x"]Go[/button] [1] [FR][/column]',
                             tmp_path)
    assert text.strip() == "Go [1] [FR]"


def test_words_that_look_like_markdown_stay_words(tmp_path):
    text, _context = convert("<p># un</p><p>- deux</p><p>3. trois</p><p>&gt; quatre</p>"
                             "<p>cinq<br>=====</p>", tmp_path)
    rendered = Markdown().convert(text)
    assert re.findall(r"<(\w+)", rendered) == ["p"] * 5, rendered
    assert "# un" in rendered and "3. trois" in rendered and "&gt; quatre" in rendered


def test_embed_addresses_become_privacy_enhanced_players():
    assert embed_url("https://youtu.be/dQw4w9WgXcQ?t=3") == \
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert embed_url("https://www.youtube.com/embed/dQw4w9WgXcQ") == \
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert embed_url("https://vimeo.com/channels/staff/76979871") == \
        "https://player.vimeo.com/video/76979871"
    assert embed_url("https://example.com/watch?v=dQw4w9WgXcQ") is None


HOSTILE = st.lists(st.sampled_from(
    list("<>/=\"' \n[]&#;*_`!()abpimgscriptframeonload:") +
    ["<p>", "</p>", "<script>", "<iframe src=", "<img src=", "[caption]", "[/caption]",
     "[gallery]", "javascript:", "&lt;", "<h1>", "</h1>", "\u202e", "{{", "}}"]),
    max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(HOSTILE)
def test_any_body_gives_markdown_with_no_html_but_embeds(tmp_path_factory, html):
    text, _context = convert(html, tmp_path_factory.mktemp("body"))
    rendered = Markdown(extensions=["markdown.extensions.tables"]).convert(text)
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", rendered))
    assert tags <= {"p", "em", "strong", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
                    "code", "pre", "blockquote", "hr", "br", "a", "iframe", "table",
                    "thead", "tbody", "tr", "th", "td"}, (html, text, rendered)
    assert "javascript:" not in rendered.lower() or "href=\"javascript" not in rendered
