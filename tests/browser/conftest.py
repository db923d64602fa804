"""Browser fixtures: one Chromium (Debian's /usr/bin/chromium) for the whole session.

`browser` is shared with the newsletter tests; keep its name stable. Pages of the served
sample site are discovered from its output folder, so page types that appear later (the
newsletter archive and editions) are checked as soon as they are built.
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import sync_playwright

from browser.pages import SitePage, discover_pages
from globe_core.languages import LANGUAGES

CHROMIUM = os.environ.get("GLOBE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_pages(served_sample_site) -> list[SitePage]:
    pages = discover_pages(served_sample_site.output)
    kinds = {(page.lang, page.kind) for page in pages}
    for lang in LANGUAGES:  # the sample content must offer every core page type
        for kind in ("home", "article", "page", "category", "tag", "archives", "year", "404"):
            assert (lang, kind) in kinds, f"the sample site has no {kind} page in {lang}"
    return pages


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def nginx_site_pages(nginx_site) -> list[SitePage]:
    """One page of every type in every language of the nginx-served sample site."""
    return discover_pages(nginx_site.built)
