"""What a build writes for each edition: email, plain text, web page, archive, manifest."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

from globe import build as builds
from globe import cli
from globe_core.languages import long_date

from .kit import edition, email_html, entry, manifest, tiny_editions, write_site

SITEURL = "https://international.brussels"
URL = re.compile(r"(https?://\S+|\{\{[^}]*\}\})")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_each_edition_and_language_gets_email_text_and_web_page_under_its_language(tiny_site):
    for folder in ("newsletter/2021-15", "en/newsletter/2021-15"):
        for name in ("email.html", "email.txt", "index.html"):
            assert (tiny_site / folder / name).is_file(), f"{folder}/{name}"
    assert not (tiny_site / "nl/newsletter/2021-15").exists()


def test_the_email_is_in_the_editions_language_with_translated_strings_and_babel_dates(
        tiny_site):
    fr, en = (email_html(tiny_site, entry(tiny_site, "2021-15", lang)) for lang in ("fr", "en"))
    assert '<html lang="fr"' in fr and '<html lang="en"' in en
    assert "Lire l’article" in fr and "Se désabonner" in fr and "Read the article" not in fr
    assert "Read the article" in en and "Unsubscribe" in en
    day = dt.date(2021, 11, 18)
    assert long_date(day, "fr") == "18 novembre 2021" and long_date(day, "fr") in fr
    assert long_date(day, "en") in en and long_date(day, "fr") not in en


def test_the_email_shows_masthead_introduction_lead_and_other_articles_and_footer(tiny_site):
    item = entry(tiny_site, "2021-15", "fr")
    page = BeautifulSoup(email_html(tiny_site, item), "html.parser")
    text = page.get_text(" ")
    assert page.h1.get_text(strip=True) == "The Brussels Globe"
    assert "Édition 2021-15" in text
    assert "nos nouvelles" in text  # the introduction, Markdown made HTML
    titles = [h.get_text(strip=True) for h in page.find_all("h2")]
    assert titles == [a["title"] for a in item["articles"]]
    assert "Place Saint-Lazare 2, 1035 Bruxelles" in text
    hrefs = [a["href"] for a in page.find_all("a", href=True)]
    assert "{{ UnsubscribeURL }}" in hrefs and "{{ ManageURL }}" in hrefs
    assert any(h.startswith(f"{SITEURL}/privacy/?") for h in hrefs)
    assert any(h.startswith(f"{SITEURL}/newsletter/2021-15/?") for h in hrefs)
    assert "https://www.facebook.com/brusselsinternational" in hrefs
    # The lead has a hero image and a button; the introduction's relative link is absolute.
    assert page.find("img")["src"].startswith(f"{SITEURL}/newsletter/images/")
    assert any(h.startswith(f"{SITEURL}/archives/?utm_source=") for h in hrefs)


def test_email_images_are_resized_for_a_600px_slot_at_2x_and_under_200kb(tiny_site):
    item = entry(tiny_site, "2021-15", "fr")
    images = [a["image"] for a in item["articles"] if a["image"]]
    assert len(images) == 2  # gamma has none
    for url in images:
        data = (tiny_site / url[len(SITEURL) + 1:]).read_bytes()
        with Image.open(io.BytesIO(data)) as picture:
            assert picture.format in ("JPEG", "PNG", "GIF")
            assert picture.width == 1200  # sources are 2400 and 1600 px wide
        assert len(data) <= 200 * 1024


def test_plain_text_has_masthead_intro_each_article_and_the_service_links(tiny_site):
    item = entry(tiny_site, "2021-15", "fr")
    text = (tiny_site / item["paths"]["text"]).read_text(encoding="utf-8")
    assert text.startswith("The Brussels Globe\n")  # no leading blank line
    assert not re.search(r"</?[a-z][a-z0-9]*[ />]", text), "HTML tag in the plain text"
    assert "&amp;" not in text and "&#" not in text
    assert "Édition 2021-15 · 18 novembre 2021" in text
    assert "Chères lectrices, chers lecteurs : voici nos nouvelles." in text
    assert f"les archives ({SITEURL}/archives/?utm_source=newsletter" in " ".join(text.split())
    for article in item["articles"]:
        assert article["title"] in text
        assert re.search(re.escape(article["url"]) + r"\?utm_source=newsletter", text)
    assert "Une délégation bruxelloise s'est rendue en Turquie (fr)" in text
    assert item["web_url"] in text
    assert "\n{{ UnsubscribeURL }}\n" in text


def test_plain_text_lines_are_wrapped_at_78_characters_except_urls(tiny_site):
    for item in manifest(tiny_site)["editions"]:
        text = (tiny_site / item["paths"]["text"]).read_text(encoding="utf-8")
        long_lines = [line for line in text.splitlines() if len(line) > 78]
        assert long_lines, "the sample should have long URLs to prove they are kept whole"
        for line in long_lines:
            assert URL.search(line), f"a line over 78 characters without a URL: {line!r}"
            rest = URL.sub("", line)
            assert len(rest) <= 78
        assert not text.startswith("\n")


def test_the_manifest_lists_every_edition_and_language_with_paths_and_articles(tiny_site):
    data = manifest(tiny_site)
    assert data["siteurl"] == SITEURL
    assert [(e["number"], e["lang"]) for e in data["editions"]] == [("2021-15", "en"),
                                                                     ("2021-15", "fr")]
    en = entry(tiny_site, "2021-15", "en")
    assert en["date"] == "2021-11-18" and en["status"] == "ready"
    assert en["subject"] == "News from Türkiye and Île-de-France"
    assert en["preheader"].startswith("A Brussels delegation in Istanbul")
    assert en["web_url"] == f"{SITEURL}/en/newsletter/2021-15/"
    assert en["paths"] == {"web": "en/newsletter/2021-15/index.html",
                           "html": "en/newsletter/2021-15/email.html",
                           "text": "en/newsletter/2021-15/email.txt"}
    for path in en["paths"].values():
        assert (tiny_site / path).is_file()
    assert [a["slug"] for a in en["articles"]] == ["alpha", "beta"]
    assert en["articles"][0]["url"].startswith(f"{SITEURL}/en/2021/10/alpha/")
    assert en["articles"][0]["title"] == "Mission à Istanbul (en)"


def test_without_a_preheader_line_the_lead_summary_is_used(tiny_site):
    fr = entry(tiny_site, "2021-15", "fr")
    assert fr["preheader"].startswith("Une délégation bruxelloise s'est rendue en Turquie (fr)")
    assert len(fr["preheader"]) <= 100


def test_the_web_version_uses_the_site_theme_with_alternates_and_its_articles(tiny_site):
    page = soup(tiny_site / "newsletter/2021-15/index.html")
    assert page.html["lang"] == "fr"
    hreflangs = {link["hreflang"]: link["href"]
                 for link in page.find_all("link", rel="alternate", hreflang=True)}
    assert hreflangs["fr"] == f"{SITEURL}/newsletter/2021-15/"
    assert hreflangs["en"] == f"{SITEURL}/en/newsletter/2021-15/"
    assert "nl" not in hreflangs
    assert page.h1.get_text(strip=True) == "Nouvelles de Turquie et d'Île-de-France"
    links = [a["href"] for a in page.find_all("a", href=True)]
    assert f"{SITEURL}/2021/10/alpha/" in links and f"{SITEURL}/2021/11/gamma/" in links
    assert not any("utm_" in link for link in links)


def test_each_language_has_a_newsletter_archive_listing_its_editions(tiny_site):
    for prefix, expected in (("", ["/newsletter/2021-15/"]), ("en/", ["/en/newsletter/2021-15/"]),
                             ("nl/", [])):
        page = soup(tiny_site / prefix / "newsletter/index.html")
        listed = [a["href"][len(SITEURL):] for a in page.select(".edition-list a")]
        assert listed == expected
        hreflangs = {link["hreflang"] for link in page.find_all("link", rel="alternate",
                                                                hreflang=True)}
        assert {"fr", "nl", "en"} <= hreflangs
    empty = soup(tiny_site / "nl/newsletter/index.html").get_text(" ")
    assert "Er is nog geen editie in deze taal verschenen." in empty  # messages.po, nl


def test_production_builds_have_no_preview_and_dev_builds_do(tmp_path, tiny_site):
    assert not list(tiny_site.rglob("preview.html"))
    content, editions = write_site(tmp_path)
    output = tmp_path / "dev"
    result = builds.build(builds.load_settings(content, editions), str(output))
    assert result.ok, result.problems
    preview = (output / "newsletter/2021-15/preview.html").read_text(encoding="utf-8")
    frames = BeautifulSoup(preview, "html.parser").find_all("iframe")
    assert [f["width"] for f in frames] == ["375", "600"]
    assert all(f["src"] == "email.html" for f in frames)
    assert "<pre>" in preview and "The Brussels Globe" in preview
    web = soup(output / "newsletter/2021-15/index.html")
    assert web.select_one(".edition-preview-link a")["href"].endswith(
        "/newsletter/2021-15/preview.html")
    assert not soup(tiny_site / "newsletter/2021-15/index.html").select(".edition-preview-link")


def test_merge_tag_syntax_in_an_article_cannot_reach_the_mailing_service(tmp_path,
                                                                       build_site):
    hostile = "Win {{ UnsubscribeURL }} and {{{ .Subscriber.Email }}}"
    content, editions = write_site(tmp_path, {"2021-15.fr.md": edition(articles="alpha, gamma",
                                                                       status="ready")})
    path = content / "articles/gamma.fr.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Title: Article gamma (fr)", f"Title: {hostile}"), encoding="utf-8")
    result = build_site(content, editions=editions, production=True)
    assert result.ok, result.problems
    output = Path(result.output)
    item = entry(output, "2021-15", "fr")
    html = email_html(output, item)
    text = (output / item["paths"]["text"]).read_text(encoding="utf-8")
    for part in (html, text):
        tags = re.findall(r"\{\{.*?\}\}", part)
        assert sorted(set(tags)) == ["{{ ManageURL }}", "{{ UnsubscribeURL }}"]
        assert "Win { { UnsubscribeURL } } and { { { .Subscriber.Email } } }" in part
    # The real unsubscribe link is the only one: one in the HTML, one in the text.
    assert html.count("{{ UnsubscribeURL }}") == 1 and text.count("{{ UnsubscribeURL }}") == 1


def test_draft_editions_are_checked_but_only_ready_ones_are_published(tmp_path, build_site):
    content, editions = write_site(tmp_path, {
        "2021-15.fr.md": edition(status="ready"),
        "2021-16.fr.md": edition(number="2021-16", status="draft", articles="alpha, gamma"),
    })
    result = build_site(content, editions=editions, production=True)
    assert result.ok, result.problems
    output = Path(result.output)
    assert (output / "newsletter/2021-15/email.html").is_file()
    assert not (output / "newsletter/2021-16").exists()
    assert [e["number"] for e in manifest(output)["editions"]] == ["2021-15"]
    assert "2021-16" not in (output / "newsletter/index.html").read_text(encoding="utf-8")

    dev = build_site(content, editions=editions, output=tmp_path / "dev")
    assert dev.ok and (tmp_path / "dev/newsletter/2021-16/email.html").is_file()

    broken = editions / "2021-16.fr.md"
    broken.write_text(edition(number="2021-16", status="draft", articles="alpha, nope"),
                      encoding="utf-8")
    assert not build_site(content, editions=editions, production=True,
                          output=tmp_path / "again").ok


def test_a_production_build_renders_only_the_emails_it_publishes(tmp_path, build_site,
                                                                 capsys):
    """A draft's email is rendered and gated by `globe check` (CI's first step) and dev
    builds; a production build, which does not publish it, does not render it."""
    content, editions = write_site(tmp_path, {
        "2021-15.fr.md": edition(status="ready"),
        "2021-16.fr.md": edition("Voir [notre ancien site](http://example.org/).",
                                 number="2021-16", status="draft", articles="alpha, gamma"),
    })
    production = build_site(content, editions=editions, production=True)
    assert production.ok, production.problems
    assert (Path(production.output) / "newsletter/2021-15/email.html").is_file()

    assert cli.main(["check", "--content", str(content), "--editions", str(editions)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    assert len(errors) == 1 and "2021-16.fr.md:8:" in errors[0], errors  # its line
    assert "http://example.org/" in errors[0]


def test_worker_processes_build_the_same_emails_and_report_the_same_problems(tmp_path,
                                                                          tiny_site):
    """An archive's emails are rendered in worker processes: same bytes, same gate."""
    root = tmp_path / "site"
    content, editions = write_site(root, tiny_editions())
    settings = builds.load_settings(content, editions, production=True,
                                    overrides={"GLOBE_NEWSLETTER_PARALLEL_MIN": 1})
    result = builds.build(settings, str(tmp_path / "output"))
    assert result.ok, result.problems
    for item in manifest(tiny_site)["editions"]:
        for kind in ("html", "text"):
            path = item["paths"][kind]
            assert (tmp_path / "output" / path).read_bytes() == (tiny_site / path).read_bytes()

    insecure = builds.load_settings(content, editions, production=True, overrides={
        "GLOBE_NEWSLETTER_PARALLEL_MIN": 1, "SITEURL": "http://international.brussels"})
    failed = builds.build(insecure, str(tmp_path / "insecure"))
    assert {Path(p.path).name for p in failed.problems} == {"2021-15.fr.md", "2021-15.en.md"}
    assert all("(https)" in p.message for p in failed.problems)
