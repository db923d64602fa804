"""Search in the browser: Pagefind's index and interface, served from the site itself.

"Ankara" occurs in one sample article, written in fr, nl and en: each language's search
page must find that article in its own language, and only there.
"""

from __future__ import annotations

import re
import threading

import pytest
from contentkit import article, write_tree
from support import free_port

from browser.axe import WCAG_AA, describe, run_axe
from browser.support import RequestLog
from globe.serve import make_server
from globe_core.languages import LANGUAGES

WORD = "Ankara"
ARTICLE = re.compile(r"/(?:(nl|en)/)?2021/\d\d/mission-istanbul-ankara/$")
LABELS = {"fr": ("Publication", "Catégorie"), "nl": ("Gepubliceerd", "Categorie"),
          "en": ("Published", "Category")}


def search(page, site_url, lang):
    prefix = "" if lang == "fr" else f"{lang}/"
    page.goto(f"{site_url}/{prefix}search/?q={WORD}")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_page_finds_the_article_in_its_own_language_only(
        lang, served_sample_site, context):
    page = context.new_page()
    requests = RequestLog(served_sample_site.url)
    page.on("request", requests.record)
    search(page, served_sample_site.url, lang)
    links = page.eval_on_selector_all(".pagefind-ui__result-link",
                                      "links => links.map(a => a.href)")
    assert len(links) == 1, links
    found = ARTICLE.search(links[0])
    assert found, links[0]
    assert (found.group(1) or "fr") == lang, f"{lang} search page found {links[0]}"
    result = page.inner_text(".pagefind-ui__result")
    date_label, category_label = LABELS[lang]
    assert f"{date_label}: " in result and f"{category_label}: " in result, result
    assert page.inner_text(".pagefind-ui__result-excerpt").strip()
    assert page.get_attribute("html", "lang") == lang
    assert not page.is_visible("#search-fallback"), "the no-JS text should hide"
    assert not requests.foreign(), requests.foreign()


def test_search_page_without_javascript_points_to_archives_and_categories(
        browser, served_sample_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_sample_site.url}/en/search/")
    assert page.is_visible("#search-fallback")
    hrefs = page.eval_on_selector_all("#search-fallback a", "links => links.map(a => a.href)")
    assert any(href.endswith("/en/archives/") for href in hrefs), hrefs
    assert any("/en/category/" in href for href in hrefs), hrefs
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_page_with_results_passes_axe(lang, served_sample_site, context):
    page = context.new_page()
    search(page, served_sample_site.url, lang)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        violations = run_axe(page, tags=WCAG_AA)
        assert not violations, f"[{scheme}]\n{describe(violations)}"


def test_header_links_to_the_search_page_of_its_language(served_sample_site, context):
    page = context.new_page()
    page.goto(f"{served_sample_site.url}/nl/")
    link = page.get_attribute(".main-nav__item--search a", "href")
    assert link == f"{served_sample_site.url}/nl/search/"


# Markup an officer typed as text (a title, a tag, text written with entities, code): the
# page shows it escaped, and so must the search results, which Pagefind's interface
# inserts as HTML (titles and excerpts with their <mark>s).
HOSTILE = '<img src=x onerror="window.pwned=1">'


@pytest.fixture
def hostile_search_site(build_site, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    body = ("Le mot zanzibarquux apparait ici, avec &lt;img src=y onerror=\"window.pwned=2\"&gt; "
            "et `<img src=z onerror=window.pwned=3>` écrits comme du texte.")
    content = write_tree(tmp_path / "content", {"articles/visit.fr.md": article(
        title=f"Titre {HOSTILE} zanzibarquux", tags=f"visite {HOSTILE}", body=body)})
    result = build_site(content, production=True, SITEURL=url)
    assert result.ok, result.problems
    server = make_server(str(tmp_path / "output"), port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()
    server.server_close()


def test_search_results_show_typed_markup_as_text(hostile_search_site, context):
    page = context.new_page()
    page.goto(f"{hostile_search_site}/search/?q=zanzibarquux")
    page.wait_for_selector(".pagefind-ui__result-excerpt mark", timeout=15000)
    results = page.locator(".pagefind-ui__results")
    assert "onerror" in results.inner_text()  # shown, as text
    assert results.locator("img").count() == 0
    assert page.evaluate("window.pwned") is None
