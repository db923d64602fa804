"""Performance budgets, measured on the built files (gzip, level 9 as a server would)."""

from __future__ import annotations

from built_site import CSS_JS_BUDGET, HTML_BUDGET, LANGUAGES, article_paths, assets_of, gzipped


def test_css_and_js_of_every_article_page_fit_30_kb_compressed(sample_site):
    sizes = {}
    for lang in LANGUAGES:
        for path in article_paths(sample_site, lang):
            assets = assets_of(sample_site, path)
            assert any(a.suffix == ".css" for a in assets)
            sizes[path] = sum(gzipped(asset) for asset in assets)
    assert sizes
    worst = max(sizes, key=sizes.get)
    assert sizes[worst] <= CSS_JS_BUDGET, f"{worst}: {sizes[worst]} bytes"


def test_html_of_every_article_page_fits_40_kb_compressed(sample_site):
    sizes = {path: gzipped(sample_site / path / "index.html")
             for lang in LANGUAGES for path in article_paths(sample_site, lang)}
    assert sizes
    worst = max(sizes, key=sizes.get)
    assert sizes[worst] <= HTML_BUDGET, f"{worst}: {sizes[worst]} bytes"


def test_no_web_fonts_are_loaded(sample_site):
    css = "".join(p.read_text(encoding="utf-8") for p in (sample_site / "theme").rglob("*.css"))
    assert "@font-face" not in css and "@import" not in css
    assert not list((sample_site / "theme").rglob("*.woff*"))
