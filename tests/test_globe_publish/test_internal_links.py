"""Production builds fail on any broken internal link, naming the file that holds it."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from contentkit import article, write_tree
from globe_publish.internal_links import _site_path, broken_links, html_links, xml_links
from globe_publish.plugin import _line_of
from test_globe_newsletter.kit import edition, write_site

SITE = "https://international.brussels"


def problems_text(result) -> str:
    return "\n".join(map(str, result.problems))


def test_a_broken_link_in_an_article_fails_the_production_build_and_names_the_file(
        build_site, tmp_path):
    content = write_tree(tmp_path / "content", {
        "articles/visit.fr.md": article(body="Un paragraphe.\n\n"
                                        f"Voir [l'ancien article]({SITE}/2019/01/disparu/)."),
        "articles/other.fr.md": article("other", date="2021-10-19"),
    })
    result = build_site(content, production=True)
    assert not result.ok
    text = problems_text(result)
    assert "articles/visit.fr.md:9" in text and "/2019/01/disparu/" in text
    assert text.count("/2019/01/disparu/") == 1  # once, not again for each listing and feed
    assert not (tmp_path / "output").exists()  # nothing half-built is published


def test_the_same_content_builds_for_development_where_links_are_not_checked(
        build_site, tmp_path):
    content = write_tree(tmp_path / "content", {
        "articles/visit.fr.md": article(body=f"[x]({SITE}/2019/01/disparu/)"),
    })
    assert build_site(content).ok


def test_a_broken_link_made_by_the_templates_names_the_output_page(build_site, tmp_path):
    content = write_tree(tmp_path / "content", {"articles/visit.fr.md": article()})
    # a search link in the navigation, but no search page was built
    result = build_site(content, production=True, GLOBE_SEARCH_URL="{lang_prefix}search/",
                        GLOBE_SEARCH_INDEX=False)
    assert not result.ok
    text = problems_text(result)
    assert text.startswith("theme/templates: ")
    assert "international.brussels/search/ (in " in text and "/nl/search/" in text


def test_a_broken_link_in_a_newsletter_email_names_the_edition_file(build_site, tmp_path):
    content, editions = write_site(tmp_path, {"2021-15.fr.md": edition(
        f"Voir [la page disparue]({SITE}/nulle-part/).", status="ready")})
    result = build_site(content, editions, production=True)
    assert not result.ok
    text = problems_text(result)
    assert "editions/2021-15.fr.md" in text and "/nulle-part/" in text


def test_every_kind_of_output_file_is_read(tmp_path):
    output = write_tree(tmp_path / "out", {
        "index.html": f'<img srcset="{SITE}/a.jpg 1x, {SITE}/b.jpg 2x" src="/c.jpg">'
                      f'<meta property="og:image" content="{SITE}/d.png">'
                      '<a href="x/">x</a><a href="https://other.example/">o</a>'
                      '<a href="{{ UnsubscribeURL }}">u</a><a href="mailto:a@b.be">m</a>',
        "x/index.html": "<p>ok</p>",
        "feeds/all.atom.xml": '<feed xmlns="http://www.w3.org/2005/Atom">'
                              f'<link href="{SITE}/feeds/all.atom.xml" rel="self"/>'
                              '<entry><content type="html">&lt;a href="/e/"&gt;e&lt;/a&gt;'
                              '</content></entry></feed>',
        "sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                       f'<url><loc>{SITE}/f/</loc></url></urlset>',
        "newsletter/1/email.txt": f"Lire : {SITE}/g/?utm_source=newsletter\n",
        "newsletter/editions.json": f'{{"editions": [{{"web": "{SITE}/h/"}}]}}',
    })
    found = sorted((b.page, b.url.replace(SITE, "")) for b in broken_links(str(output), SITE))
    assert found == [
        ("feeds/all.atom.xml", "/e/"),
        ("index.html", "/a.jpg"), ("index.html", "/b.jpg"), ("index.html", "/c.jpg"),
        ("index.html", "/d.png"),
        ("newsletter/1/email.txt", "/g/?utm_source=newsletter"),
        ("newsletter/editions.json", "/h/"),
        ("sitemap.xml", "/f/"),
    ]


def test_link_extraction_unescapes_attributes():
    assert html_links('<a href="/a?x=1&amp;y=2">') == ["/a?x=1&y=2"]
    assert xml_links('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                     '<url><loc> /x/ </loc></url></urlset>') == ["/x/"]


@pytest.mark.parametrize("url", [
    f"{SITE}/2021/10/visit/", f"{SITE}", f"{SITE}/", f"{SITE}?lang=nl", f"{SITE}#top",
    f"{SITE}/a/../b/", f"{SITE}/./feeds/all.atom.xml", f"{SITE}/a%20b/?q=1#x",
    f"{SITE}/a\\b", f"{SITE}.evil.example/x", f"{SITE}:8443/x", f"{SITE}x/",
    "https://other.example/", "/theme/css/site.css", "../../images/a.jpg", "page/2/",
    "mailto:info@international.brussels", "//international.brussels/x/",
    "#main-content", "tel:+3228001234", f"https://other.example/share?url={SITE}/x/",
    f"https://user@{SITE.split('://')[1]}/x/", f"http://{SITE.split('://')[1]}/x/",
])
def test_the_shortcut_for_the_site_s_own_links_agrees_with_urljoin(url):
    page_url = f"{SITE}/nl/2021/10/visit/index.html"
    origin, netloc = SITE, SITE.split("://", 1)[1]
    joined = urlsplit(urljoin(page_url, url))
    expected = joined.path if joined.scheme in ("http", "https") and \
        joined.netloc == netloc else None
    assert _site_path(url, page_url, origin, netloc) == expected


def test_each_page_s_links_are_checked_from_that_page(tmp_path):
    """Absolute addresses are worked out once for the whole site; a relative one leads
    somewhere else from each folder, and a broken link is reported on every page."""
    output = write_tree(tmp_path / "out", {
        "a/index.html": f'<a href="x/">x</a><a href="{SITE}/gone/">g</a><a href="{SITE}/a/">',
        "a/x/index.html": "<p>ok</p>",
        "b/index.html": f'<a href="x/">x</a><a href="{SITE}/gone/">g</a><a href="{SITE}/a/">',
    })
    found = sorted((b.page, b.url.replace(SITE, "")) for b in broken_links(str(output), SITE))
    assert found == [("a/index.html", "/gone/"), ("b/index.html", "/gone/"),
                     ("b/index.html", "x/")]


@pytest.mark.parametrize("written, url", [
    ("Voir [x](../../images/x.jpg).", "https://international.brussels/images/x.jpg"),
    ("Voir [x](/2019/01/disparu/).", "/2019/01/disparu/"),
    ("Voir [x][b].\n\n[b]: [a]", "[a]"),  # a reference definition
    ("Voir [x](<plan b.html>).", "plan b.html"),  # angle brackets, reported decoded
    ("Voir [x](<plan b.html>).", "plan%20b.html"),
    ('Voir <a href="perdu.html">x</a>.', "perdu.html"),  # raw HTML
])
def test_a_broken_link_is_found_on_the_line_that_writes_it(tmp_path, written, url):
    source = tmp_path / "visit.fr.md"
    source.write_text("Title: Visite\nLang: fr\n\nUn paragraphe.\n\n" + written + "\n",
                      encoding="utf-8")
    expected = 6 + written.count("\n") if written.startswith("Voir [x][b]") else 6
    assert _line_of(str(source), url) == expected


def test_a_word_of_the_text_is_not_taken_for_a_link(tmp_path):
    source = tmp_path / "visit.fr.md"
    source.write_text("Title: Visite\n\nNous avons parlé de search et de about.\n",
                      encoding="utf-8")
    assert _line_of(str(source), "https://international.brussels/search/") == 0
