"""The components on the built pages: skip link, header, switcher, breadcrumbs, items, footer."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from built_site import LANGUAGES, SITEURL, article_paths, prefix, soup, trilingual_article
from contentkit import article, write_tree


def languages_of(output, path_without_prefix):
    return [lang for lang in LANGUAGES
            if (output / prefix(lang) / path_without_prefix / "index.html").is_file()]


@pytest.mark.parametrize("path", ["", "nl/archives/", "en/404.html"])
def test_skip_link_comes_first_and_targets_the_one_main(sample_site, path):
    page = soup(sample_site, path)
    first = page.body.find(["a", "button", "input", "select", "textarea", "summary"])
    assert "skip-link" in first["class"]
    mains = page.select("main")
    assert len(mains) == 1 and first["href"] == "#" + mains[0]["id"]
    assert len(page.select("h1")) == 1


def test_language_switcher_offers_every_language_and_hreflang_only_real_versions(sample_site):
    seen_partial = seen_single = False
    for lang in LANGUAGES:
        for path in article_paths(sample_site, lang):
            bare = path.removeprefix(prefix(lang))
            available = languages_of(sample_site, bare)
            switcher = soup(sample_site, path).select_one("nav.language-switcher")
            links = switcher.select("a")
            assert [a["lang"] for a in links] == list(LANGUAGES), path  # always all three
            versions = [a for a in links if a.has_attr("hreflang")]
            assert [a["hreflang"] for a in versions] == available, path
            assert all(a["lang"] == a["hreflang"] for a in versions)
            for missing in (a for a in links if not a.has_attr("hreflang")):
                # that language's home, and a note in that language
                assert missing["href"] == f"https://international.brussels/{prefix(missing['lang'])}"
                assert missing.select_one(".language-switcher__note").get_text(strip=True)
            names = {a["lang"]: a.find(string=True, recursive=False).strip() for a in links}
            assert set(names.values()) == {"Français", "Nederlands", "English"}
            assert switcher.select_one(f'a[lang="{lang}"][aria-current]'), path
            seen_partial |= len(available) == 2
            seen_single |= len(available) == 1
    assert seen_partial and seen_single, "the sample site needs articles in one and two languages"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_breadcrumbs_lead_from_home_to_the_current_article(sample_site, lang):
    path = prefix(lang) + trilingual_article(sample_site)
    page = soup(sample_site, path)
    nav = page.select_one("nav.breadcrumbs")
    assert nav["aria-label"]
    items = nav.select("ol > li")
    assert len(items) == 3
    assert items[0].a["href"] == f"{SITEURL}/{prefix(lang)}"
    assert items[1].a["href"] == page.select_one(".article__category a")["href"]
    assert items[-1]["aria-current"] == "page" and items[-1].a is None
    assert items[-1].get_text(strip=True) == page.h1.get_text(strip=True).replace("\u00ad", "")


def test_breadcrumbs_on_listings_and_pages(sample_site):
    year = min(p.name for p in (sample_site / "nl/archives").iterdir() if p.is_dir())
    for path, depth in (("archives/", 2), (f"nl/archives/{year}/", 3), ("en/about/", 2),
                        ("category/europe/", 2)):
        nav = soup(sample_site, path).select_one("nav.breadcrumbs[aria-label] ol")
        assert len(nav.select("li")) == depth, path
        assert nav.select("li")[-1]["aria-current"] == "page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_page_shows_category_title_date_author_hero_tags_and_shares(sample_site, lang):
    page = soup(sample_site, prefix(lang) + trilingual_article(sample_site))
    article = page.select_one("main article")
    assert article.select_one(".article__category a").get_text(strip=True)
    time = article.select_one("header time")
    assert re.match(r"\d{4}-\d{2}-\d{2}T", time["datetime"])
    hero = article.select_one("figure.hero")
    assert hero.img["alt"] and hero.figcaption.select_one(".figure__credit")
    assert article.select(".tag-list a")
    shares = article.select(".share a")
    assert len(shares) >= 3
    assert all(a["href"].startswith(("https://", "mailto:")) for a in shares)
    canonical = quote(page.select_one('link[rel="canonical"]')["href"], safe="")
    assert all(canonical in a["href"] for a in shares), canonical
    versions = article.select(".language-versions a")
    assert sorted(a["hreflang"] for a in versions) == sorted(set(LANGUAGES) - {lang})


def test_article_pages_link_older_and_newer_articles_of_their_category(sample_site):
    linked = 0
    for path in article_paths(sample_site, "fr"):
        page = soup(sample_site, path)
        category = page.select_one(".article__category a")["href"]
        for link in page.select("nav.neighbours a"):
            other = soup(sample_site, link["href"].removeprefix(SITEURL + "/"))
            assert other.select_one(".article__category a")["href"] == category
            assert link["rel"] in (["prev"], ["next"])
            linked += 1
    assert linked > 0


def test_article_pages_load_no_script_but_their_own(sample_site):
    paths = [path for lang in LANGUAGES for path in article_paths(sample_site, lang)]
    assert len(paths) >= 3, "the sample site must have article pages to check"
    for path in paths:
        for script in soup(sample_site, path).select("script"):
            assert script.get("type") == "application/ld+json" or \
                script["src"].startswith(SITEURL + "/theme/"), (path, script)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_lists_content_items_with_image_category_date_title_summary(sample_site, lang):
    page = soup(sample_site, prefix(lang))
    items = page.select("main ul.content-items > li.content-item")
    assert items
    for item in items:
        assert item.select_one(".card__meta a.tag-label").get_text(strip=True)
        assert item.select_one(".card__meta time[datetime]").get_text(strip=True)
        assert item.select_one("h2 a")["href"].startswith(SITEURL + "/" + prefix(lang))
        assert item.select_one(".card__summary").get_text(strip=True)
    assert any(item.select_one("img.card__image") for item in items)


def test_pagination_marks_current_page_and_links_prev_next(sample_site):
    first = soup(sample_site, "").select_one("nav.pagination")
    assert first is not None, "the sample home page has more than one page"
    assert first.select_one('a[aria-current="page"]').get_text(strip=True).endswith("1")
    assert first.select_one('a[rel="next"]')["href"] == f"{SITEURL}/page/2/"
    assert first.select_one('a[rel="prev"]') is None
    second = soup(sample_site, "page/2/").select_one("nav.pagination")
    assert second.select_one('a[rel="prev"]')["href"] == f"{SITEURL}/"
    assert second.select_one('a[aria-current="page"]').get_text(strip=True).endswith("2")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_footer_has_contact_legal_pages_newsletter_feed_and_social(sample_site, lang):
    footer = soup(sample_site, prefix(lang)).select_one("footer.site-footer")
    hrefs = [a["href"] for a in footer.select("a")]
    assert "mailto:info@international.brussels" in hrefs
    for slug in ("accessibility", "privacy", "subscribe", "contact"):
        assert f"{SITEURL}/{prefix(lang)}{slug}/" in hrefs, slug
    assert f"{SITEURL}/{prefix(lang)}feeds/all.atom.xml" in hrefs
    assert any("facebook.com" in h for h in hrefs) and any("instagram.com" in h for h in hrefs)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_main_navigation_has_policy_areas_topics_and_newsletter(sample_site, lang):
    nav = soup(sample_site, prefix(lang)).select_one("nav.main-nav")
    hrefs = [a["href"] for a in nav.select("a")]
    assert f"{SITEURL}/{prefix(lang)}policy-areas/" in hrefs
    assert f"{SITEURL}/{prefix(lang)}newsletter/" in hrefs
    assert any(h.startswith(f"{SITEURL}/{prefix(lang)}category/") for h in hrefs)
    assert nav.select_one("details summary")  # topics work without JavaScript


def test_pages_load_nothing_from_other_hosts(sample_site):
    for html in sample_site.glob("**/index.html"):
        if "email" in html.name:
            continue
        page = soup(sample_site, html.relative_to(sample_site).as_posix())
        for tag, attr in (("img", "src"), ("script", "src"), ("link", "href"),
                          ("iframe", "src"), ("source", "src"), ("video", "src")):
            for element in page.select(f"{tag}[{attr}]"):
                if element.find_parent("template"):
                    continue
                if tag == "link" and element.get("rel") in (["alternate"], ["canonical"]):
                    continue
                assert element[attr].startswith(SITEURL + "/"), (html, element)


def test_search_link_appears_in_the_navigation_when_configured(build_site, tmp_path):
    content = write_tree(tmp_path / "content", {"articles/visit.nl.md": article(lang="nl")})
    result = build_site(content, GLOBE_SEARCH_URL="{lang_prefix}search/")
    assert result.ok, result.problems
    nav = soup(tmp_path / "output", "nl/").select_one("nav.main-nav")
    link = nav.select_one('a[href$="/nl/search/"]')
    assert link is not None and link.get_text(strip=True) == "Zoeken"


def test_every_page_links_a_print_stylesheet(sample_site):
    page = soup(sample_site, "")
    print_css = page.select_one('link[rel="stylesheet"][media="print"]')
    assert print_css
    assert (sample_site / print_css["href"].split("/", 3)[3]).is_file()
