"""The served sample site in Chromium: accessibility, keyboard, layout, privacy, languages.

Every check runs on every page type in fr, nl and en (see browser.pages.discover_pages).
"""

from __future__ import annotations

import pytest

from browser.axe import WCAG_AA, describe, run_axe
from browser.support import RequestLog
from globe_core.languages import LANGUAGES


def load_every_image(page):
    """Load every image, lazy ones included, and wait until each has loaded (or failed)."""
    page.evaluate("""async () => {
        const images = [...document.images];
        images.forEach(img => { img.loading = 'eager'; });
        await Promise.all(images.map(img => img.decode().catch(() => null)));
    }""")


def pages_of(site_pages, lang):
    return [page for page in site_pages if page.lang == lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_wcag21_aa_violation_in_light_and_dark_scheme(
        lang, site_pages, served_sample_site, context):
    failures = []
    page = context.new_page()
    for site_page in pages_of(site_pages, lang):
        page.goto(site_page.url(served_sample_site.url))
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            violations = run_axe(page, tags=WCAG_AA)
            if violations:
                failures.append(f"{site_page.kind} {site_page.path} [{scheme}]:\n"
                                f"{describe(violations)}")
        page.emulate_media(color_scheme="light")
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_tab_focuses_the_skip_link_and_its_target_exists(
        lang, site_pages, served_sample_site, context):
    failures = []
    page = context.new_page()
    for site_page in pages_of(site_pages, lang):
        page.goto(site_page.url(served_sample_site.url))
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement;
            const href = el.getAttribute('href') || '';
            const target = href.startsWith('#') && document.getElementById(href.slice(1));
            return {cls: el.className, visible: el.getBoundingClientRect().top >= 0,
                    href, target: target ? target.tagName : null};
        }""")
        if "skip-link" not in focused["cls"] or not focused["target"]:
            failures.append(f"{site_page.path}: {focused}")
            continue
        if not focused["visible"]:
            failures.append(f"{site_page.path}: the focused skip link is off screen")
        page.keyboard.press("Enter")
        moved = page.evaluate("() => document.activeElement.id")
        if moved != focused["href"][1:]:
            failures.append(f"{site_page.path}: Enter on the skip link focused {moved!r}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", [320, 1280])
def test_no_horizontal_scrolling(lang, width, site_pages, served_sample_site, browser):
    context = browser.new_context(viewport={"width": width, "height": 800})
    failures = []
    try:
        page = context.new_page()
        for site_page in pages_of(site_pages, lang):
            page.goto(site_page.url(served_sample_site.url))
            sizes = page.evaluate("""() => ({scroll: document.documentElement.scrollWidth,
                                              client: document.documentElement.clientWidth})""")
            if sizes["scroll"] > sizes["client"]:
                failures.append(f"{site_page.path}: {sizes['scroll']}px wide at {width}px")
    finally:
        context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_request_nothing_from_other_hosts_and_set_no_cookie(
        lang, site_pages, served_sample_site, context):
    log = RequestLog(served_sample_site.url)
    context.on("request", log.record)
    page = context.new_page()
    for site_page in pages_of(site_pages, lang):
        page.goto(site_page.url(served_sample_site.url))
        load_every_image(page)
    assert len(log.urls) > len(pages_of(site_pages, lang)), "no request was recorded"
    assert log.foreign() == []
    assert context.cookies() == []


@pytest.mark.parametrize("source,target", [("fr", "nl"), ("fr", "en"), ("nl", "en"),
                                           ("en", "fr")])
def test_language_switcher_leads_to_the_same_article(
        source, target, site_pages, served_sample_site, context):
    article = next(p for p in site_pages if p.lang == source and p.kind == "article")
    page = context.new_page()
    page.goto(article.url(served_sample_site.url))
    source_url = page.url
    switcher = page.locator(".language-switcher")
    link = switcher.locator(f'a[hreflang="{target}"]')
    assert link.get_attribute("lang") == target
    link.click()
    page.wait_for_load_state()
    assert page.evaluate("() => document.documentElement.lang") == target
    assert page.url != source_url
    # The page reached names the page we came from as its version in the source language.
    back = page.locator(f'link[rel="alternate"][hreflang="{source}"]').get_attribute("href")
    assert back == source_url
    assert page.locator("main h1").count() == 1
    assert page.locator("main > article").evaluate("e => e.tagName.toLowerCase()") == "article"


def test_dark_colour_scheme_darkens_the_page(site_pages, served_sample_site, context):
    article = next(p for p in site_pages if p.lang == "fr" and p.kind == "article")
    page = context.new_page()
    page.goto(article.url(served_sample_site.url))
    colours = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        colours[scheme] = page.evaluate("""() => {
            const rgb = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
            return (rgb[0] + rgb[1] + rgb[2]) / 3;
        }""")
    assert colours["light"] > 200 and colours["dark"] < 60, colours


def test_focus_indicator_is_visible_on_links(site_pages, served_sample_site, context):
    article = next(p for p in site_pages if p.lang == "fr" and p.kind == "article")
    page = context.new_page()
    page.goto(article.url(served_sample_site.url))
    link = page.locator(".breadcrumbs a").first
    before = link.evaluate("e => getComputedStyle(e).backgroundColor")
    page.keyboard.press("Tab")  # skip link
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    style = link.evaluate("""e => ({bg: getComputedStyle(e).backgroundColor,
                                    shadow: getComputedStyle(e).boxShadow,
                                    focused: document.activeElement === e})""")
    assert style["focused"]
    assert style["bg"] != before and style["bg"] == "rgb(255, 209, 0)"
    assert style["shadow"] != "none"


def test_print_stylesheet_keeps_the_article_and_drops_the_navigation(
        site_pages, served_sample_site, context):
    article = next(p for p in site_pages if p.lang == "nl" and p.kind == "article")
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(article.url(served_sample_site.url))
    assert page.locator("main h1").is_visible()
    assert page.locator(".article__body").is_visible()
    for hidden in (".main-nav", ".language-switcher", ".share", ".breadcrumbs"):
        assert page.locator(hidden).first.is_hidden(), hidden


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_type_is_among_the_pages_checked(lang, site_pages):
    """The checks above cover every page type: none silently drops out of the sample."""
    kinds = {page.kind for page in pages_of(site_pages, lang)}
    assert {"home", "article", "page", "category", "tag", "archives", "year", "404",
            "newsletter", "edition"} <= kinds
