"""Screenshots for people to look at: home, an article and a listing, phone and desktop.

Written to tests/screenshots/ (git-ignored) as <lang>-<kind>-<width>.png, light scheme,
plus the article in the dark scheme.
"""

from __future__ import annotations

import pytest

from browser.support import SCREENSHOTS
from browser.test_pages import load_every_image
from globe_core.languages import LANGUAGES

WIDTHS = (375, 1280)




@pytest.mark.parametrize("lang", LANGUAGES)
def test_screenshots_of_home_article_and_listing_are_written(
        lang, site_pages, served_sample_site, browser):
    SCREENSHOTS.mkdir(exist_ok=True)
    wanted = {page.kind: page for page in site_pages
              if page.lang == lang and page.kind in ("home", "article", "category")}
    written = []
    for width in WIDTHS:
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": width, "height": 900},
                                          color_scheme=scheme)
            for kind, site_page in wanted.items():
                if scheme == "dark" and kind != "article":
                    continue
                page = context.new_page()
                page.goto(site_page.url(served_sample_site.url))
                load_every_image(page)
                suffix = "-dark" if scheme == "dark" else ""
                path = SCREENSHOTS / f"{lang}-{kind}-{width}{suffix}.png"
                page.screenshot(path=str(path), full_page=True)
                written.append(path)
                page.close()
            context.close()
    assert len(written) == 8
    for path in written:
        assert path.stat().st_size > 10_000, f"{path.name} looks blank"
