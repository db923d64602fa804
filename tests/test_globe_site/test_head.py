"""What search engines and social networks read in <head>."""

from __future__ import annotations

import json
import re

import pytest
from built_site import LANGUAGES, SITEURL, prefix, soup, trilingual_article, url_to_file

from globe_site.sharing import json_ld


@pytest.fixture(scope="module")
def article_url_path(sample_site):
    return trilingual_article(sample_site)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_has_absolute_canonical_url_of_itself(sample_site, article_url_path, lang):
    path = prefix(lang) + article_url_path
    canonical = soup(sample_site, path).select('link[rel="canonical"]')
    assert len(canonical) == 1
    assert canonical[0]["href"] == f"{SITEURL}/{path}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hreflang_links_name_every_version_itself_and_x_default(
        sample_site, article_url_path, lang):
    path = prefix(lang) + article_url_path
    links = {link["hreflang"]: link["href"]
             for link in soup(sample_site, path).select('head link[rel="alternate"][hreflang]')}
    assert links == {"fr": f"{SITEURL}/{article_url_path}",
                     "nl": f"{SITEURL}/nl/{article_url_path}",
                     "en": f"{SITEURL}/en/{article_url_path}",
                     "x-default": f"{SITEURL}/{article_url_path}"}
    assert links[lang] == f"{SITEURL}/{path}"  # itself included
    for url in links.values():
        assert "../" not in url and url.startswith("https://")
        assert url_to_file(sample_site, url).is_file()


def test_hreflang_of_listings_is_absolute_everywhere(sample_site):
    for path in ("", "nl/", "en/", "archives/", "nl/archives/"):
        for link in soup(sample_site, path).select('link[rel="alternate"][hreflang]'):
            assert link["href"].startswith(SITEURL + "/"), (path, link)
            assert "../" not in link["href"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_has_open_graph_and_twitter_card_with_hero_image(
        sample_site, article_url_path, lang):
    page = soup(sample_site, prefix(lang) + article_url_path)
    og = {m["property"]: m["content"] for m in page.select("meta[property]")}
    tw = {m["name"]: m["content"] for m in page.select('meta[name^="twitter:"]')}
    title = page.select_one("h1").get_text(strip=True).replace("\u00ad", "")  # soft hyphens aside
    hero = page.select_one("main figure img")["src"]
    assert og["og:type"] == "article"
    assert og["og:title"] == title
    assert og["og:url"] == f"{SITEURL}/{prefix(lang)}{article_url_path}"
    # the page shows a width of the hero picked for the screen; the card gets the original
    assert hero.startswith(SITEURL + "/")
    assert re.sub(r"-\d+w\.(jpg|png)$", "", hero) == og["og:image"].rsplit(".", 1)[0]
    assert og["og:locale"].startswith(lang + "_")
    alternates = {m["content"][:2] for m in page.select('meta[property="og:locale:alternate"]')}
    assert alternates == set(LANGUAGES) - {lang}
    assert og["og:description"]
    assert og["og:image:alt"] == page.select_one("main figure img")["alt"]
    assert tw["twitter:card"] == "summary_large_image"
    assert tw["twitter:image"] == og["og:image"] and tw["twitter:title"] == title
    assert url_to_file(sample_site, hero).is_file()
    assert url_to_file(sample_site, og["og:image"]).is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_has_news_article_json_ld(sample_site, article_url_path, lang):
    page = soup(sample_site, prefix(lang) + article_url_path)
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == page.select_one("h1").get_text(strip=True).replace("\u00ad", "")
    assert data["inLanguage"] == lang
    assert data["mainEntityOfPage"] == f"{SITEURL}/{prefix(lang)}{article_url_path}"
    assert data["datePublished"] == page.select_one("main time")["datetime"]
    og_image = page.select_one('meta[property="og:image"]')["content"]
    assert data["image"] == [og_image]
    assert data["publisher"]["name"] == "Brussels International"


def test_json_ld_cannot_close_its_script_element():
    text = json_ld({"headline": "</script><script>alert(1)</script>"})
    assert "</script" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script>"


def test_listing_pages_have_canonical_and_website_card(sample_site):
    for path in ("", "nl/", "en/archives/"):
        page = soup(sample_site, path)
        assert page.select_one('link[rel="canonical"]')["href"] == f"{SITEURL}/{path}"
        assert page.select_one('meta[property="og:type"]')["content"] == "website"
        assert page.select_one('meta[name="twitter:card"]')


def test_not_found_pages_are_not_indexed(sample_site):
    for lang in LANGUAGES:
        page = soup(sample_site, f"{prefix(lang)}404.html")
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"
        assert page.html["lang"] == lang
