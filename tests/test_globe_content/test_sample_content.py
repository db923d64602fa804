"""The project's own sample content meets the content model's promises."""

from __future__ import annotations

from collections import defaultdict

from bs4 import BeautifulSoup
from support import SAMPLE_CONTENT

from globe_core.categories import CATEGORY_LABELS

PAGES = ("about", "policy-areas", "subscribe", "contact", "privacy", "accessibility")


def metadata(path):
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    return fields


def published_articles():
    items = [metadata(p) for p in (SAMPLE_CONTENT / "articles").rglob("*.md")]
    return [m for m in items if m.get("status", "published") == "published"]


def test_sample_articles_cover_years_categories_and_languages():
    articles = published_articles()
    languages = defaultdict(set)
    for item in articles:
        languages[item["slug"]].add(item["lang"])
    assert len(languages) >= 12
    assert {item["category"] for item in articles} == set(CATEGORY_LABELS)
    assert len({item["date"][:4] for item in articles}) >= 5
    assert sum(1 for langs in languages.values() if langs == {"fr", "nl", "en"}) >= 4
    assert sum(1 for item in articles if item.get("image")) >= 10


def test_every_page_exists_in_three_languages(sample_site):
    for slug in PAGES:
        for prefix in ("", "nl/", "en/"):
            html = (sample_site / f"{prefix}{slug}/index.html").read_text(encoding="utf-8")
            assert BeautifulSoup(html, "html.parser").h1.get_text(strip=True)


def test_sample_site_has_inline_figures_with_captions(sample_site):
    captions = 0
    for path in sample_site.glob("**/20*/*/*/index.html"):
        body = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("main")
        for figure in body.select("figure:has(img)"):
            assert figure.img.get("alt"), f"image without alt in {path}"
            captions += bool(figure.figcaption)
    assert captions >= 10
