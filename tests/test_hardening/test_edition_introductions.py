"""Links an edition's introduction writes to the site's own files, as articles do: Pelican
never reads an introduction, so `{filename}/…` reached the page and the email as typed
(`https://…/{filename}/articles/…`) and the link check refused it. Footnotes failed the
email gate on line 1, with a message about absolute addresses."""

from __future__ import annotations

from contentkit import article, write_image, write_tree

from .kit import assert_reported, build

EDITION = ("Number: 2026-01\nDate: 2026-01-10\nLang: fr\nSubject: Essai\nArticles: visit\n"
           "Status: ready\n\n")


def test_links_to_articles_pages_and_files_are_resolved(tmp_path):
    write_image(tmp_path / "content/images/2021/photo.jpg")
    write_tree(tmp_path, {
        "content/articles/2021/visit.fr.md": article("visit", "fr"),
        "content/pages/about.fr.md": "Title: À propos\nLang: fr\nSlug: about\n\nTexte.\n",
        "editions/2026-01.fr.md": EDITION + "Lire [la visite]({filename}/articles/2021/"
        "visit.fr.md#suite), [nous](../content/pages/about.fr.md) et [la photo]"
        "({static}/images/2021/photo.jpg).\n"})
    result = build(tmp_path, "site", "--production")
    assert result.returncode == 0, result.stderr
    for name in ("index.html", "email.html", "email.txt"):
        written = (tmp_path / "site/newsletter/2026-01" / name).read_text()
        assert "{filename}" not in written and "{static}" not in written
        assert "international.brussels/2021/10/visit/" in written
        assert "#suite" in written and "international.brussels/about/" in written
        assert "international.brussels/images/2021/photo.jpg" in written


def test_a_footnote_is_an_error_on_its_line(tmp_path):
    write_tree(tmp_path, {
        "content/articles/2021/visit.fr.md": article("visit", "fr"),
        "editions/2026-01.fr.md": EDITION + "Bonjour[^1].\n\n[^1]: Une note.\n"})
    assert_reported(build(tmp_path, "site", "--production"),
                    "editions/2026-01.fr.md:8: error: an introduction cannot have footnotes")


def test_a_link_to_nothing_is_a_broken_link_on_its_line(tmp_path):
    write_tree(tmp_path, {
        "content/articles/2021/visit.fr.md": article("visit", "fr"),
        "content/articles/2021/visit.nl.md": article("visit", "nl"),
        "editions/2026-01.fr.md": EDITION + "Lire [ceci]({filename}/articles/2021/nope.fr.md).\n",
        "editions/2026-01.nl.md": EDITION.replace("fr", "nl") + "Lees [dit](../x.md).\n"})
    assert_reported(build(tmp_path, "site", "--production"),
                    "editions/2026-01.fr.md:8: error: broken link",
                    "editions/2026-01.nl.md:8: error: broken link")
