"""Issue 8.5: nothing loads from another host: checked on every way an image can be written,
and on what the build writes (pages, feeds, emails, stylesheets)."""

from __future__ import annotations

import pytest
from contentkit import article, write_tree

from globe_core.foreign_resources import foreign_load_problems, html_urls
from globe_newsletter.email_check import _foreign_loads

from .kit import A, assert_reported, check

EVIL = "https://tracker.example/pixel.png"
CASES = {
    "single-quoted title": (f"![Vue]({EVIL} 'Titre')", 7, "is on another site"),
    "no title": (f"Texte.\n\n![Vue]({EVIL})", 9, "is on another site"),
    "angle brackets": (f"![Vue](<{EVIL}>)", 7, "is on another site"),
    "reference style": (f"![Vue][pixel]\n\n[pixel]: {EVIL} \"Titre\"", 9,
                        "is on another site"),
    "raw img": (f'<img src="{EVIL}" alt="x">', 7, "`<img>` is not allowed"),
    "video poster": (f'<video poster="{EVIL}"></video>', 7, "`<video>` is not allowed"),
    "picture source": (f'<picture><source srcset="{EVIL} 2x"></picture>', 7,
                       "`<picture>` is not allowed"),
    "link": (f'<link rel="stylesheet" href="{EVIL}">', 7, "`<link>` is not allowed"),
    "css url": (f'<span style="background:url({EVIL})">x</span>', 7, "`style` on <span>"),
    "css import": (f"<style>@import '{EVIL}';</style>", 7, "`<style>` is not allowed"),
}


@pytest.mark.parametrize("name", CASES)
def test_every_way_of_loading_from_another_host_is_an_error(tmp_path, name):
    body, line, message = CASES[name]
    write_tree(tmp_path, {A: article("visit", "fr", body=body)})
    assert_reported(check(tmp_path), f"{A}:{line}: error:", message)


def test_an_image_in_the_summary_is_an_error_on_the_summary_line(tmp_path):
    write_tree(tmp_path, {A: article("visit", "fr", summary=f"Voir ![x]({EVIL})")})
    assert_reported(check(tmp_path), f"{A}:6: error: `<img>` is not allowed in the summary")


def test_the_output_scan_reads_every_loading_attribute():
    html = f"""<html><head><link rel="icon" href="{EVIL}?icon">
    <link rel="canonical" href="https://elsewhere.example/page">
    <style>body {{ background: url("{EVIL}?style") }} @import '{EVIL}?import';</style></head>
    <body background="{EVIL}?background"><img src="/local.jpg" srcset="/a.jpg 1x, {EVIL}?srcset 2x">
    <picture><source srcset="{EVIL}?source"></picture><video poster="{EVIL}?poster"></video>
    <object data="{EVIL}?data"></object><svg><image href="{EVIL}?svg"/>
    <use xlink:href="{EVIL}?use"/></svg><p style="background:u\\72l({EVIL}?escaped)">x</p>
    <a href="https://elsewhere.example/">a link is not a load</a>
    <template class="embed__frame"><iframe src="https://video.example/embed"></iframe></template>
    <iframe src="{EVIL}?iframe"></iframe><base href="{EVIL}?base">
    <div style='background: image-set("{EVIL}?imageset" 1x)'></div>
    <p style="background:&#117;rl({EVIL}?reference)">x</p>
    <p style="background:URL({EVIL}?upper)">x</p></body></html>"""
    found = {url.split("?", 1)[1] for url in html_urls(html) if url.startswith(EVIL)}
    assert found == {"icon", "style", "import", "background", "srcset", "source", "poster",
                     "data", "svg", "use", "escaped", "iframe", "base", "imageset", "reference",
                     "upper"}
    assert not [u for u in html_urls(html) if "elsewhere" in u or "video.example" in u]


def test_foreign_loads_in_the_output_are_reported_on_the_source_line(tmp_path):
    output, content = tmp_path / "output", tmp_path / "content"
    write_tree(tmp_path, {
        "output/feeds/all.atom.xml": f'<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        f'<content type="html">&lt;img src="{EVIL}"&gt;</content></entry></feed>',
        "output/theme/site.css": "body { background: url(https://fonts.example/a.woff) }",
        "content/articles/x.fr.md": f"Title: X\n\nLine two\nThe image: {EVIL}\n"})
    problems = foreign_load_problems(str(output), "https://international.brussels",
                                     [str(content)], str)
    places = {(p.path, p.line) for p in problems}
    assert (str(content / "articles/x.fr.md"), 4) in places
    assert ("theme/site.css", 0) in places


def test_the_email_gate_reads_srcset_sources_and_svg_images():
    html = (f'<img src="https://site.example/a.jpg" srcset="{EVIL} 2x">'
            f'<picture><source srcset="{EVIL}"></picture><svg><image href="{EVIL}"/></svg>')

    class Spec:
        siteurl = "https://site.example"
        merge_tags = ()

    problems = list(_foreign_loads(html, None, Spec))
    assert problems and all(p.rule == "third-party" for p in problems)
