"""The email quality gate: every rule fails on an email broken in that one way, and every
email the build writes (tiny site and the project's sample editions) passes all of them."""

from __future__ import annotations

import html as html_module
import io
import os
import re

import pytest
from contentkit import write_image
from PIL import Image

from globe_core.problems import Problem
from globe_newsletter.email_check import EmailProblem, check_email, check_mjml
from globe_newsletter.render import compile_mjml, inline_css

from .kit import (
    edition,
    email_html,
    entry,
    manifest,
    spec_for,
    strip_conditional_comments,
    write_site,
)


def rules(problems) -> set[str]:
    return {p.rule for p in problems}


@pytest.fixture(scope="module")
def good(tiny_site):
    """The built French email of the tiny site and what it must be."""
    item = entry(tiny_site, "2021-15", "fr")
    return email_html(tiny_site, item), spec_for(tiny_site, item, production=True)


def test_every_built_email_of_the_tiny_site_passes_the_gate(tiny_site):
    for item in manifest(tiny_site)["editions"]:
        problems = check_email(email_html(tiny_site, item), spec_for(tiny_site, item, True))
        assert problems == [], (item["paths"]["html"], problems)


def test_every_built_email_of_the_sample_editions_passes_the_gate(sample_site):
    items = manifest(sample_site)["editions"]
    assert len({e["lang"] for e in items}) == 3, "the sample editions cover fr, nl and en"
    for item in items:
        problems = check_email(email_html(sample_site, item), spec_for(sample_site, item, True))
        assert problems == [], (item["paths"]["html"], problems)


def replace(html: str, old: str, new: str, count: int = -1) -> str:
    assert old in html, f"the email no longer contains {old!r}: update the test"
    return html.replace(old, new, count)


def insert_in_body(html: str, fragment: str) -> str:
    return replace(html, "</body>", fragment + "</body>", 1)


def sub(pattern: str, new: str, html: str, count: int = 0) -> str:
    changed, done = re.subn(pattern, new, html, count=count, flags=re.DOTALL)
    assert done, f"the email no longer matches {pattern!r}: update the test"
    return changed


BROKEN = {
    "lang": lambda h: sub(r'<html lang="fr"', '<html lang="und"', h),
    "table-role": lambda h: replace(h, 'role="presentation"', ""),
    "one-h1:none": lambda h: sub(r"<h1\b(.*?)</h1>", r"<p\1</p>", h),
    "one-h1:two": lambda h: insert_in_body(h, "<h1>Encore un titre</h1>"),
    "article-h2": lambda h: sub(r"<h2\b(.*?)</h2>", r"<h3\1</h3>", h),
    "img-alt": lambda h: sub(r'(<img[^>]*?)\salt="[^"]*"', r"\1", h, 1),
    "tracking-pixel": lambda h: insert_in_body(
        h, '<img src="https://international.brussels/o.gif" width="1" height="1" alt="">'),
    "email-image": lambda h: insert_in_body(
        h, '<img src="https://international.brussels/images/x.jpg" alt="x" width="600">'),
    "absolute-url": lambda h: sub(r'href="https://international\.brussels/',
                                  'href="/', h, 1),
    "https": lambda h: insert_in_body(h, '<a href="http://example.org/">un lien</a>'),
    "site-url": lambda h: insert_in_body(
        h, '<a href="http://international.brussels/x/?utm_source=newsletter&amp;utm_medium='
           'email&amp;utm_campaign=2021-15">x</a>'),
    "utm": lambda h: sub(r"utm_medium=email", "utm_medium=web", h, 1),
    "unsubscribe:missing": lambda h: replace(h, 'href="{{ UnsubscribeURL }}"', 'href="#"'),
    "unsubscribe:tracked": lambda h: replace(
        h, 'href="{{ UnsubscribeURL }}"', 'href="{{ UnsubscribeURL }}?utm_source=newsletter"'),
    "forbidden-element:script": lambda h: insert_in_body(h, "<script>alert(1)</script>"),
    "forbidden-element:iframe": lambda h: insert_in_body(
        h, '<iframe src="https://international.brussels/"></iframe>'),
    "forbidden-element:form": lambda h: insert_in_body(h, "<form><p>x</p></form>"),
    "forbidden-element:object": lambda h: insert_in_body(h, "<object></object>"),
    "third-party:font": lambda h: replace(
        h, "</head>", '<link href="https://fonts.googleapis.com/css?family=Roboto" '
                      'rel="stylesheet"></head>', 1),
    "third-party:image": lambda h: insert_in_body(
        h, '<img src="https://tracker.example/banner.png" alt="" width="600">'),
    "third-party:import": lambda h: replace(
        h, "</head>", "<style>@import url(https://fonts.example/a.css);</style></head>", 1),
    "html-weight": lambda h: insert_in_body(h, "<p>" + "Texte " * 16000 + "</p>"),
    "style-weight": lambda h: replace(
        h, "</head>", "<style>" + ".x{color:#000}" * 1300 + "</style></head>", 1),
    "nested-at-rule": lambda h: replace(
        h, "</head>", "<style>@media screen { @supports (display:grid) { .a { color: red } } }"
                      "</style></head>", 1),
    "inline-css": lambda h: sub(r'(<p class="summary") style="[^"]*"', r"\1", h, 1),
    "font-size:small": lambda h: sub(r'(<p class="summary" style="[^"]*?)font-size: ?16px',
                                     r"\1font-size: 12px", h, 1),
    "font-size:body-at-15": lambda h: sub(r'(<p class="summary" style="[^"]*?)font-size: ?16px',
                                          r"\1font-size: 15px", h, 1),
    "preheader:missing": lambda h: sub(r'<div style="display:none;[^"]*">.*?</div>', "", h, 1),
    "dark-mode:meta": lambda h: sub(r'<meta name="color-scheme"[^>]*>', "", h),
    "dark-mode:styles": lambda h: replace(h, "prefers-color-scheme: dark",
                                          "prefers-contrast: more"),
    "background": lambda h: sub(r'(<body style="[^"]*?)background-color:[^;"]*;?', r"\1", h, 1),
    "conditional-comments:gone": strip_conditional_comments,
    "conditional-comments:unbalanced": lambda h: replace(h, "<!--<![endif]-->", "", 1),
    "merge-tags": lambda h: insert_in_body(h, "<p>Bonjour {{ .Subscriber.Name }}</p>"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_rule_fails_on_an_email_broken_in_that_way(good, case):
    html, spec = good
    assert check_email(html, spec) == [], "the unbroken email must pass"
    broken = BROKEN[case](html)
    rule = case.split(":")[0]
    found = check_email(broken, spec)
    assert rule in rules(found), found


def test_a_preheader_that_repeats_the_subject_fails(good):
    html, spec = good
    preheader = re.search(r'<div style="display:none;[^"]*">(.*?)</div>', html, re.DOTALL)
    text = html_module.unescape(preheader.group(1)).strip("\u034f\u200c\u00a0 ")
    same = spec.__class__(**{**spec.__dict__, "subject": text})
    assert "preheader" in rules(check_email(html, same))


def jpeg_bytes(size, noise=False) -> bytes:
    picture = Image.effect_noise(size, 120).convert("RGB") if noise else Image.new("RGB", size)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG" if noise else "JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize("rule, data", [
    ("image-width", lambda: jpeg_bytes((1600, 900))),
    ("image-weight", lambda: jpeg_bytes((1200, 900), noise=True)),
    ("image-format", lambda: _webp()),  # noqa: PLW0108 — _webp is defined below
])
def test_email_images_must_be_jpeg_png_gif_1200px_200kb_at_most(good, rule, data):
    html, spec = good
    url = next(iter(spec.images))
    broken = spec.__class__(**{**spec.__dict__, "images": {**spec.images, url: data()}})
    found = [p for p in check_email(html, broken) if p.rule == rule]
    assert found and found[0].article == spec.image_articles[url]


def _webp() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 300)).save(buffer, "WEBP")
    return buffer.getvalue()


def test_http_links_are_allowed_in_dev_builds_only(good):
    html, spec = good
    broken = BROKEN["https"](html)
    dev = spec.__class__(**{**spec.__dict__, "production": False})
    assert "https" not in rules(check_email(broken, dev))
    assert "https" in rules(check_email(broken, spec))


def test_an_mj_image_without_alt_is_caught_before_compiling(good):
    _, spec = good
    mjml = ('<mjml><mj-head><mj-attributes><mj-image padding="0" /></mj-attributes></mj-head>'
            '<mj-body><mj-section><mj-column><mj-image src="https://international.brussels/'
            'a.jpg" /></mj-column></mj-section></mj-body></mjml>')
    assert rules(check_mjml(mjml, spec)) == {"img-alt"}
    assert check_mjml(mjml.replace("a.jpg\" />", "a.jpg\" alt=\"A\" />"), spec) == []
    # ...because mjml-python indeed drops it:
    assert "alt=" not in compile_mjml(mjml).split("<body", 1)[1]


def test_inlining_keeps_outlook_conditional_comments_and_the_style_blocks():
    mjml = ('<mjml lang="fr"><mj-head><mj-style>@media (prefers-color-scheme: dark) '
            '{ .x { color: #fff !important; } }</mj-style></mj-head><mj-body><mj-section>'
            '<mj-column><mj-text><p class="x">Bonjour</p></mj-text></mj-column></mj-section>'
            '</mj-body></mjml>')
    compiled = compile_mjml(mjml)
    inlined = inline_css(compiled, ".x { color: #123456; font-size: 16px; }")
    assert compiled.count("<!--[if") > 0
    assert inlined.count("<!--[if") == compiled.count("<!--[if")
    assert inlined.count("<![endif]-->") == compiled.count("<![endif]-->")
    assert "prefers-color-scheme: dark" in inlined
    assert re.search(r'<p class="x" style="color: ?#123456;\s*font-size: ?16px;?"', inlined)
    assert "fonts.googleapis" not in compiled


def test_a_gate_failure_is_a_build_error_naming_the_edition_and_the_article(tmp_path,
                                                                         build_site):
    content, editions = write_site(tmp_path, {"2021-15.fr.md": edition(status="ready")})
    write_image(content / "images/beta.png", size=(1, 1))  # an article image 1 px wide
    os.replace(content / "images/beta.png", content / "images/beta.jpg")
    path = content / "articles/beta.fr.md"
    path.write_text(path.read_text().replace("images/beta.png", "images/beta.jpg"))
    result = build_site(content, editions=editions, production=True)
    assert not result.ok
    gate = [p for p in result.problems if "quality gate" in p.message]
    assert gate, result.problems
    assert gate[0].path.endswith("editions/2021-15.fr.md") and gate[0].line == 5
    assert "(tracking-pixel)" in gate[0].message and "article `beta`" in gate[0].message
    assert "real picture as its `Image:`" in gate[0].fix  # the fix is the article's image
    assert not (tmp_path / "output").exists()  # nothing published


def test_an_email_problem_without_an_article_points_at_the_number_line():
    class Edition:
        path, lang = "editions/2021-15.fr.md", "fr"

        def line_of(self, key):
            return {"number": 1, "articles": 5}[key]

    problem = EmailProblem("html-weight", "the HTML weighs 95 KB").to_problem(Edition())
    assert isinstance(problem, Problem) and problem.line == 1
    assert str(problem).startswith("editions/2021-15.fr.md:1: error: the fr email fails")
