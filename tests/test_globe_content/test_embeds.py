"""An <iframe> in Markdown loads nothing until asked; tables scroll within a named region."""

from __future__ import annotations

from bs4 import BeautifulSoup
from contentkit import article, write_tree

from globe_content.body import prepare_body, source_link

VIDEO = ('<iframe src="https://www.youtube-nocookie.com/embed/abc123XYZ" '
         'title="Brussels Days at Expo 2020" width="560" height="315"></iframe>')
MAP = '<iframe src="https://www.openstreetmap.org/export/embed.html?bbox=4.3,50.8,4.4,50.9"></iframe>'
TABLE = "| Year | Budget |\n|---|---|\n| 2021 | 303 |\n"


def build_article(build_site, tmp_path, body):
    content = write_tree(tmp_path / "content", {
        "articles/visit.fr.md": article(body=body),
        "articles/visit.en.md": article(lang="en", body=body),
    })
    result = build_site(content)
    assert result.ok, result.problems
    return tmp_path / "output"


def test_iframe_becomes_a_click_to_load_placeholder_with_a_plain_link(build_site, tmp_path):
    output = build_article(build_site, tmp_path,
                           f"Avant la vidéo.\n\n{VIDEO}\n\nAprès.\n\n{MAP}\n")
    page = BeautifulSoup((output / "2021/10/visit/index.html").read_text(), "html.parser")
    body = page.select_one(".article__body")
    # No iframe is live: each waits, inert, in a <template>.
    assert all(frame.find_parent("template") for frame in page.find_all("iframe"))
    embeds = body.select("figure.embed")
    assert len(embeds) == 2
    video, osm = embeds
    assert video.select_one(".embed__title").get_text() == "Brussels Days at Expo 2020"
    link = video.select_one("a.embed__link")
    assert link["href"] == "https://www.youtube.com/watch?v=abc123XYZ"
    assert "youtube-nocookie.com" in link.get_text()
    assert video.select_one("button.embed__load").has_attr("hidden")  # shown by JS only
    assert video.template.iframe["src"] == "https://www.youtube-nocookie.com/embed/abc123XYZ"
    assert osm.select_one(".embed__title").get_text() == "Contenu intégré"  # French default
    assert osm.select_one("a.embed__link")["href"].startswith("https://www.openstreetmap.org/#map=")
    # The script that swaps the iframe in is loaded only where there is an embed.
    assert page.select_one('script[src*="/theme/js/embed."]')


def test_placeholder_texts_are_in_the_article_language(build_site, tmp_path):
    output = build_article(build_site, tmp_path, VIDEO)
    french = BeautifulSoup((output / "2021/10/visit/index.html").read_text(), "html.parser")
    english = BeautifulSoup((output / "en/2021/10/visit/index.html").read_text(), "html.parser")
    assert french.select_one(".embed__load").get_text().startswith("Lire la vidéo")
    assert english.select_one(".embed__load").get_text().startswith("Play the video")


def test_pages_without_embeds_load_no_script(build_site, tmp_path):
    output = build_article(build_site, tmp_path, "Texte.")
    page = BeautifulSoup((output / "2021/10/visit/index.html").read_text(), "html.parser")
    assert not page.select("script[src]")


def test_table_sits_in_a_focusable_named_scroll_region(build_site, tmp_path):
    output = build_article(build_site, tmp_path, TABLE)
    page = BeautifulSoup((output / "2021/10/visit/index.html").read_text(), "html.parser")
    region = page.select_one(".article__body table").parent
    assert region["class"] == ["table-scroll"]
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert region["aria-label"].startswith("Tableau 1")


def test_table_region_is_named_by_the_caption_when_there_is_one():
    html = prepare_body("<table><caption>Budget</caption><tr><td>1</td></tr></table>", str)
    region = BeautifulSoup(html, "html.parser").div
    caption = BeautifulSoup(html, "html.parser").caption
    assert region["aria-labelledby"] == caption["id"]


def test_source_links_open_the_page_rather_than_the_player():
    assert source_link("https://player.vimeo.com/video/42") == "https://vimeo.com/42"
    assert source_link("https://example.org/widget") == "https://example.org/widget"
