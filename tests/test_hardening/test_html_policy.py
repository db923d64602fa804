"""Issue 8.4: raw HTML in Markdown: an allow-list; anything else a path:line error."""

from __future__ import annotations

import pytest
from contentkit import article, write_tree

from globe_core.html_policy import BODY, sanitise, violations

from .kit import A, assert_reported, check

# Line 7 is the body's first line in contentkit.article().
REFUSED = {
    "script": ('Texte.\n\n<script>alert(1)</script>', 9, "`<script>` is not allowed"),
    "style block": ("<style>body{display:none}</style>", 7, "`<style>` is not allowed"),
    "event attribute": ('<p onclick="alert(1)">Texte</p>', 7, "`onclick` on <p>"),
    "event via attr_list": ("Un paragraphe.\n{: onmouseover=\"alert(1)\" }", 8,
                            "`onmouseover` on <p>"),
    "style attribute": ('Intro.\n\n<span style="position:fixed">x</span>', 9,
                        "`style` on <span>"),
    "javascript link": ("[clic](javascript:alert(1))", 7, "`javascript:alert(1)`"),
    "javascript entity link": ('<a href="&#106;avascript:alert(1)">x</a>', 7,
                               "`javascript:alert(1)`"),
    "data link": ("[x](data:text/html;base64,PHNjcmlwdD4=)", 7, "`data:text/html"),
    "form": ('<form action="/x"><input name="q"></form>', 7, "`<form>` is not allowed"),
    "object": ('<object data="x.swf"></object>', 7, "`<object>` is not allowed"),
    "svg": ('<svg><script>alert(1)</script></svg>', 7, "`<svg>` is not allowed"),
    "video": ('<video src="clip.mp4"></video>', 7, "`<video>` is not allowed"),
    "http iframe": ('<iframe src="http://example.org/embed"></iframe>', 7,
                    "must load an https:// address"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://x.example">', 7,
                     "`<meta>` is not allowed"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_html_outside_the_policy_is_an_error_on_its_line(tmp_path, name):
    body, line, message = REFUSED[name]
    write_tree(tmp_path, {A: article("visit", "fr", body=body)})
    assert_reported(check(tmp_path), f"{A}:{line}: error:", message)


def test_the_error_says_what_to_write_instead(tmp_path):
    write_tree(tmp_path, {A: article("visit", "fr", body='<video src="a.mp4"></video>\n\n'
                                                         '<img src="x.jpg" alt="x">')})
    assert_reported(check(tmp_path), "<iframe> embed code", "![what the image shows]")


def test_what_officers_paste_from_word_passes(tmp_path):
    body = ('<span lang="en">Brussels</span> <sup>2</sup> <u>souligné</u><br>\n\n'
            '<table><caption>Budget</caption><tr><th scope="col">An</th></tr>'
            '<tr><td colspan="2">2021</td></tr></table>\n\n'
            '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Vidéo"></iframe>'
            '\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n'
            'Note[^1] et [lien](https://be.brussels) et [mail](mailto:info@x.be).\n\n'
            '[^1]: Une note.')
    write_tree(tmp_path, {A: article("visit", "fr", body=body)})
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_sanitiser_keeps_nothing_outside_the_policy():
    dirty = ('<p onclick="x()">a<script>alert(1)</script><a href="javascript:x()">b</a>'
             '<span style="color:red">c</span><td style="text-align: left;">d</td></p>')
    clean = sanitise(dirty, BODY)
    assert "script" not in clean and "onclick" not in clean and "javascript" not in clean
    assert "style" not in clean
    assert violations(clean, BODY) == []


def test_markup_never_shown_is_an_error_not_a_silent_loss(tmp_path):
    """nh3 drops processing instructions and declarations with what they hold: a pasted
    `<?php … ?>` block or a CDATA section vanished from the page without a word."""
    write_tree(tmp_path, {
        A: article("visit", "fr", body="Texte.\n\n<?php echo 'x'; ?>\n\n<!DOCTYPE html>\n\n"
                                       "Suite <![CDATA[ un texte ]]> ici."),
        "content/articles/2021/b.fr.md": article("b", "fr", summary="Voir <?xml x?> ici"),
        "content/articles/2021/c.fr.md": article("c", "fr"),
        "editions/2026-01.fr.md": "Number: 2026-01\nDate: 2026-01-10\nLang: fr\n"
                                  "Subject: Essai\nArticles: c\n\nBonjour.\n\n<!DOCTYPE html>\n"})
    assert_reported(check(tmp_path), f"{A}:9: error: `<?php…` is not allowed in the text: "
                    "it is never shown", f"{A}:11: error: `<!DOCTYPE…`", f"{A}:13: error: "
                    "`<![CDATA…`", "content/articles/2021/b.fr.md:6: error: `<?xml…` is not "
                    "allowed in the summary", "editions/2026-01.fr.md:9: error: `<!DOCTYPE…`")


def test_a_heading_an_unclosed_html_block_keeps_as_text_is_an_error(tmp_path):
    """An unclosed <div> keeps Markdown out of the rest of the text: `## Title` was
    published as typed. `\\## text` is text on purpose."""
    write_tree(tmp_path, {
        A: article("visit", "fr", body="Intro.\n\n<div>\n\nTexte\n\n## Un titre\n\nFin."),
        "content/articles/2021/b.fr.md": article(
            "b", "fr", body="Intro\n\\## pas un titre\n\n<div>Bloc</div>\n\n## Titre\n\n"
                            "```\n## code\n```")})
    result = check(tmp_path)
    assert_reported(result, f"{A}:13: error: the heading `## Un titre` is inside an HTML "
                    "block, so it would be shown as typed")
    assert "b.fr.md" not in result.stderr


def test_a_marked_section_no_parser_reads_is_an_error_on_its_line(tmp_path):
    """`<![<table>` kept raw in an HTML block made Python's HTML parsers raise: a bare
    AssertionError, or `the build stopped` naming no file."""
    write_tree(tmp_path, {
        A: article("visit", "fr", body="Intro.\n\n<div>\n<![<x>\n</div>"),
        "content/articles/2021/b.fr.md": article(
            "b", "fr", body="<iframe src=\"https://www.youtube.com/embed/x\" title=\"t\">"
                            "<![foo[</iframe>"),
        "content/articles/2021/c.fr.md": article("c", "fr", body="Ok <![CDATA[ x ]]> non."),
        "content/articles/2021/d.fr.md": article("d", "fr")})
    result = check(tmp_path)
    assert_reported(result, f"{A}:10: error: `<![` starts no markup a browser knows",
                    "content/articles/2021/b.fr.md:7: error: `<![` starts no markup",
                    "content/articles/2021/c.fr.md:7: error: `<![CDATA…`")
    assert "Error" not in result.stderr and "d.fr.md" not in result.stderr
