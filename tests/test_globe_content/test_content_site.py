"""The trilingual site built by real Pelican runs: listings, translations, figures, feeds, URLs."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from contentkit import article, page, write_image, write_tree
from PIL import Image

ATOM = "{http://www.w3.org/2005/Atom}"


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def small_site(tmp_path, build_site):
    content = tmp_path / "content"
    write_image(content / "images/2021/ankara.jpg")
    write_tree(content, {
        "articles/2021/ankara.fr.md": article(
            "ankara", "fr", "Visite à Ankara", date="2021-11-18 09:30",
            category="Relations bilatérales", tags="Turquie, Mission",
            image="images/2021/ankara.jpg", image_alt="La délégation devant le centre",
            image_caption="La délégation à Ankara", image_credit="© Brussels International",
            body="Premier paragraphe sur Ankara.\n\n"
                 "![Le maire et la délégation](../../images/2021/ankara.jpg"
                 ' "Rencontre à la mairie")'
                 "\n\nVoir aussi [le webinaire]({filename}/articles/2020/webinar.fr.md)."),
        "articles/2021/ankara.nl.md": article(
            "ankara", "nl", "Bezoek aan Ankara", date="2021-11-18 09:30",
            category="bilateral", image="images/2021/ankara.jpg",
            image_alt="De delegatie", body="Eerste alinea over Ankara."),
        "articles/2021/ankara.en.md": article(
            "ankara", "en", "Visit to Ankara", date="2021-11-18 09:30",
            category="bilateral", body="First paragraph about Ankara."),
        "articles/2020/webinar.fr.md": article(
            "webinar", "fr", "Le webinaire", date="2020-04-21", category="varia",
            summary="Un résumé **écrit**."),
        "articles/2019/only-dutch.nl.md": article(
            "only-dutch", "nl", "Alleen in het Nederlands", date="2019-05-02",
            category="europe"),
        "articles/2022/secret.fr.md": article(
            "secret", "fr", "Brouillon secret", date="2022-01-01", category="varia",
            status="draft"),
        "pages/about.fr.md": page("about", "fr", "À propos"),
        "pages/about.nl.md": page("about", "nl", "Over ons"),
        "pages/about.en.md": page("about", "en", "About us"),
    })
    result = build_site(content)
    assert result.ok, "\n".join(map(str, result.problems))
    return tmp_path / "output"


def titles_on(path):
    return [a.get_text(strip=True) for a in soup(path).select("main h2 a")]


def test_each_language_home_lists_only_its_own_articles(small_site):
    assert titles_on(small_site / "index.html") == ["Visite à Ankara", "Le webinaire"]
    assert titles_on(small_site / "nl/index.html") == ["Bezoek aan Ankara",
                                                       "Alleen in het Nederlands"]
    assert titles_on(small_site / "en/index.html") == ["Visit to Ankara"]


def test_article_urls_keep_the_french_pattern_and_prefix_other_languages(small_site):
    assert (small_site / "2021/11/ankara/index.html").is_file()
    assert (small_site / "nl/2021/11/ankara/index.html").is_file()
    assert (small_site / "en/2021/11/ankara/index.html").is_file()
    assert (small_site / "nl/2019/05/only-dutch/index.html").is_file()
    assert not (small_site / "2019/05/only-dutch/index.html").exists()


def test_language_versions_link_to_each_other_with_hreflang(small_site):
    head = soup(small_site / "nl/2021/11/ankara/index.html").head
    links = {link["hreflang"]: link["href"]
             for link in head.select('link[rel="alternate"][hreflang]')}
    base = "http://127.0.0.1:8000"
    assert links == {"fr": f"{base}/2021/11/ankara/", "nl": f"{base}/nl/2021/11/ankara/",
                     "en": f"{base}/en/2021/11/ankara/", "x-default": f"{base}/2021/11/ankara/"}
    assert not any("../" in href for href in links.values())


def test_switcher_lists_each_version_in_its_own_language(small_site):
    switcher = soup(small_site / "2021/11/ankara/index.html").select_one(".language-switcher")
    entries = {a["lang"]: (a.get_text(strip=True), a["href"]) for a in switcher.select("a")}
    assert entries["nl"] == ("Nederlands", "http://127.0.0.1:8000/nl/2021/11/ankara/")
    assert entries["en"][0] == "English"
    assert switcher.select_one('a[aria-current]')["lang"] == "fr"


def test_an_article_missing_in_a_language_gets_no_hreflang_but_a_way_home(small_site):
    html = soup(small_site / "nl/2019/05/only-dutch/index.html")
    hreflangs = [link["hreflang"] for link in html.select("link[hreflang]")]
    assert hreflangs == ["nl"]
    # The switcher stays: French and English lead to their home pages and say why,
    # each in its own language (no hreflang: there is no such version).
    links = {a["lang"]: a for a in html.select(".language-switcher a")}
    assert links["fr"]["href"] == "http://127.0.0.1:8000/" and "hreflang" not in links["fr"].attrs
    assert "Cette page n'existe pas en français" in links["fr"].get_text()
    assert links["en"]["href"] == "http://127.0.0.1:8000/en/"
    assert "This page is not available in English" in links["en"].get_text()
    assert links["nl"]["aria-current"] == "true"
    webinar = soup(small_site / "2020/04/webinar/index.html")
    assert [link["hreflang"] for link in webinar.select("link[hreflang]")] == ["fr", "x-default"]


def test_lone_images_become_figures_with_captions_and_site_paths(small_site):
    body = soup(small_site / "2021/11/ankara/index.html").select_one("main")
    inline = [f for f in body.select("figure") if f.img["alt"] == "Le maire et la délégation"]
    assert len(inline) == 1
    figure = inline[0]
    assert figure.figcaption.get_text(strip=True) == "Rencontre à la mairie"
    # the largest published width of the image (images.py), never the original file
    assert figure.img["src"] == "http://127.0.0.1:8000/images/2021/ankara-1600w.jpg"
    assert (figure.img["width"], figure.img["height"]) == ("1600", "900")
    assert not figure.img.has_attr("title")
    assert (small_site / "images/2021/ankara-1600w.jpg").is_file()


def test_hero_image_has_alt_caption_and_credit(small_site):
    page_html = soup(small_site / "2021/11/ankara/index.html")
    hero = [f for f in page_html.select("figure")
            if f.img["alt"] == "La délégation devant le centre"]
    assert hero, "hero figure missing"
    caption = hero[0].figcaption.get_text(" ", strip=True)
    assert "La délégation à Ankara" in caption and "© Brussels International" in caption


def test_filename_links_resolve_to_the_target_url(small_site):
    links = [a["href"] for a in soup(small_site / "2021/11/ankara/index.html").select("main a")]
    assert "http://127.0.0.1:8000/2020/04/webinar/" in links


def test_categories_are_named_in_each_language_and_accept_labels(small_site):
    fr = soup(small_site / "category/bilateral/index.html")
    nl = soup(small_site / "nl/category/bilateral/index.html")
    assert fr.h1.get_text(strip=True) == "Relations bilatérales"
    # soft hyphens let long words break with a hyphen; they are invisible otherwise
    assert nl.h1.get_text(strip=True).replace("\u00ad", "") == "Bilaterale betrekkingen"
    assert titles_on(small_site / "nl/category/bilateral/index.html") == ["Bezoek aan Ankara"]
    assert not (small_site / "en/category/varia/index.html").exists()


def test_tags_and_yearly_archives_per_language(small_site):
    assert titles_on(small_site / "tag/turquie/index.html") == ["Visite à Ankara"]
    assert titles_on(small_site / "archives/2020/index.html") == ["Le webinaire"]
    assert titles_on(small_site / "nl/archives/2019/index.html") == ["Alleen in het Nederlands"]
    archive = soup(small_site / "nl/archives/index.html").select_one("main").get_text(" ")
    assert "Bezoek aan Ankara" in archive and "Le webinaire" not in archive


def test_dates_are_written_in_each_locale(small_site):
    def date_text(path):
        return soup(path).select_one("main time").get_text(strip=True)

    assert date_text(small_site / "2021/11/ankara/index.html") == "18 novembre 2021"
    assert date_text(small_site / "nl/2021/11/ankara/index.html") == "18 november 2021"
    assert date_text(small_site / "en/2021/11/ankara/index.html") == "18 November 2021"
    assert soup(small_site / "2021/11/ankara/index.html").select_one("main time")[
        "datetime"].startswith("2021-11-18T09:30:00+01:00")


def test_feeds_per_language_and_per_category(small_site):
    def entries(path):
        feed = ET.parse(path).getroot()
        return [e.find(f"{ATOM}title").text for e in feed.iter(f"{ATOM}entry")]

    assert entries(small_site / "feeds/all.atom.xml") == ["Visite à Ankara", "Le webinaire"]
    assert entries(small_site / "nl/feeds/all.atom.xml") == ["Bezoek aan Ankara",
                                                            "Alleen in het Nederlands"]
    assert entries(small_site / "en/feeds/bilateral.atom.xml") == ["Visit to Ankara"]
    assert entries(small_site / "feeds/varia.atom.xml") == ["Le webinaire"]


def test_summary_defaults_to_first_paragraph(small_site):
    item = soup(small_site / "nl/index.html").select("main .content-item")
    assert "Eerste alinea over Ankara." in item[0].get_text(" ")
    fr_items = soup(small_site / "index.html").select("main .content-item")
    assert "Un résumé écrit." in fr_items[1].get_text(" ", strip=True).replace(" .", ".")


def test_links_of_a_summary_taken_from_the_body_are_rewritten_in_feeds(tmp_path, build_site):
    # Pelican memoizes `.summary`, and rewrites its links only once every file is known:
    # read earlier, the feed kept `href="{static}/…"` (a broken link)
    content = tmp_path / "content"
    write_image(content / "images/2021/ankara.jpg")
    write_tree(content, {"articles/2021/ankara.fr.md": article(
        "ankara", "fr", body="Voir [la photo]({static}/images/2021/ankara.jpg) et "
                             "[le webinaire]({filename}webinar.fr.md).\n\nSuite."),
        "articles/2021/webinar.fr.md": article("webinar", "fr")})
    result = build_site(content, SITEURL="https://example.org")
    assert result.ok, "\n".join(map(str, result.problems))
    feed = ET.parse(tmp_path / "output/feeds/all.atom.xml").getroot()
    summary = next(entry.find(f"{ATOM}summary").text for entry in feed.iter(f"{ATOM}entry")
                   if entry.find(f"{ATOM}title").text == "Article ankara (fr)")
    assert 'href="https://example.org/images/2021/ankara.jpg"' in summary, summary
    assert 'href="https://example.org/2021/10/webinar/"' in summary, summary


def test_drafts_are_never_listed(small_site):
    for listing in ("index.html", "archives/index.html", "feeds/all.atom.xml"):
        assert "Brouillon secret" not in (small_site / listing).read_text(encoding="utf-8")


def test_pages_exist_per_language_and_link_their_translations(small_site):
    assert soup(small_site / "about/index.html").h1.get_text(strip=True) == "À propos"
    nl = soup(small_site / "nl/about/index.html")
    assert nl.h1.get_text(strip=True) == "Over ons"
    hreflangs = {link["hreflang"] for link in nl.select("link[hreflang]")}
    assert hreflangs == {"fr", "nl", "en", "x-default"}


def test_listings_paginate_per_language(tmp_path, build_site):
    content = tmp_path / "content"
    write_tree(content, {f"articles/2020/item-{n}.en.md": article(
        f"item-{n}", "en", f"Item {n:02d}", date=f"2020-01-{n:02d}", category="varia")
        for n in range(1, 13)})
    result = build_site(content)
    assert result.ok, result.problems
    output = tmp_path / "output"
    assert len(titles_on(output / "en/index.html")) == 10
    assert titles_on(output / "en/page/2/index.html") == ["Item 02", "Item 01"]
    first = soup(output / "en/index.html")
    assert first.select_one('a[rel="next"]')["href"].endswith("/en/page/2/")


def test_production_build_leaves_drafts_out(tmp_path, build_site):
    content = write_tree(tmp_path / "content", {
        "articles/2021/secret.fr.md": article("secret", "fr", status="draft"),
        "articles/2021/public.fr.md": article("public", "fr"),
    })
    assert build_site(content, production=True).ok
    output = tmp_path / "output"
    assert not list(output.rglob("secret*"))
    assert (output / "2021/10/public/index.html").is_file()
    assert "https://international.brussels/2021/10/public/" in (
        output / "index.html").read_text(encoding="utf-8")


def test_draft_previews_in_dev_builds_are_kept_out_of_search_engines(small_site):
    draft = soup(small_site / "drafts/secret/index.html")
    assert draft.h1.get_text(strip=True) == "Brouillon secret"
    assert draft.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    assert soup(small_site / "2021/11/ankara/index.html").select_one('meta[name="robots"]') is None


def test_images_resolve_in_pages_and_image_only_articles_with_spaces_in_names(tmp_path,
                                                                             build_site):
    content = tmp_path / "content"
    write_image(content / "images/my photo.jpg", size=(120, 80))
    write_tree(content, {
        "pages/about.fr.md": page("about", "fr", body='![Le bâtiment](../images/my%20photo.jpg)'),
        "articles/2021/only-image.fr.md": article(
            "only-image", "fr", body='![Une photo](<../../images/my photo.jpg> "Légende")'),
    })
    result = build_site(content)
    assert result.ok, result.problems
    for path in ("about/index.html", "2021/10/only-image/index.html"):
        img = soup(tmp_path / "output" / path).select_one("main figure img")
        assert img["src"] == "http://127.0.0.1:8000/images/my%20photo-120w.jpg"
        assert (tmp_path / "output/images/my photo-120w.jpg").is_file()


def test_listing_cards_use_cached_thumbnails_of_large_hero_images(tmp_path, build_site):
    content = tmp_path / "content"
    write_image(content / "images/2021/big.jpg", size=(1600, 900))
    write_image(content / "images/2021/small.jpg", size=(600, 400))
    write_tree(content, {
        "articles/2021/big.fr.md": article("big", "fr", image="images/2021/big.jpg",
                                           image_alt="Une grande image"),
        "articles/2021/small.fr.md": article("small", "fr", image="images/2021/small.jpg",
                                             image_alt="Une petite image"),
    })
    cache = tmp_path / "cache"
    assert build_site(content, GLOBE_THUMBNAIL_CACHE=str(cache)).ok
    output = tmp_path / "output"
    cards = {img["src"].rsplit("/", 1)[-1]: img
             for img in soup(output / "index.html").select("img.card__image")}
    assert set(cards) == {"big-800w.jpg", "small.jpg"}
    assert cards["big-800w.jpg"]["srcset"] == (
        "http://127.0.0.1:8000/thumbnails/2021/big-800w.jpg 800w, "
        "http://127.0.0.1:8000/images/2021/big.jpg 1600w")
    assert not cards["small.jpg"].has_attr("srcset")
    with Image.open(output / "thumbnails/2021/big-800w.jpg") as thumbnail:
        assert (thumbnail.format, thumbnail.size) == ("JPEG", (800, 450))

    # The next build takes the thumbnail from the cache instead of encoding it again.
    [cached] = list(cache.glob("*.jpg"))
    cached.write_bytes(b"from the cache")
    assert build_site(content, GLOBE_THUMBNAIL_CACHE=str(cache), output=tmp_path / "again").ok
    assert (tmp_path / "again/thumbnails/2021/big-800w.jpg").read_bytes() == b"from the cache"


def test_relative_links_to_markdown_files_become_article_urls(tmp_path, build_site):
    content = tmp_path / "content"
    write_tree(content, {
        "articles/2020/first.fr.md": article("first", "fr", date="2020-03-02"),
        "articles/2021/second.fr.md": article(
            "second", "fr", body="Lire [le premier](../2020/first.fr.md#suite) et "
                                 "[le même]({filename}/articles/2020/first.fr.md)."),
    })
    assert build_site(content).ok
    links = [a["href"] for a in soup(tmp_path / "output/2021/10/second/index.html")
             .select("main .article__body a, main article p a")]
    assert "http://127.0.0.1:8000/2020/03/first/#suite" in links
    assert "http://127.0.0.1:8000/2020/03/first/" in links


def test_each_language_feed_says_its_language_and_links_to_its_home(small_site):
    nl = ET.parse(small_site / "nl/feeds/all.atom.xml").getroot()
    assert nl.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert nl.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://127.0.0.1:8000/nl/"
    fr = ET.parse(small_site / "feeds/bilateral.atom.xml").getroot()
    assert fr.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert fr.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://127.0.0.1:8000/"
