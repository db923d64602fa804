"""A {filename} or {static} link in a summary (the Summary line or the first paragraph):
the share card read the summary before Pelican rewrote its links, Pelican's summary is
memoized, and the feeds published `href="{filename}/…"` (a production build refused the
valid file, blaming the theme's templates)."""

from __future__ import annotations

from contentkit import article, write_image, write_tree

from .kit import build


def test_links_in_summaries_reach_the_feeds_rewritten(tmp_path):
    write_image(tmp_path / "content/images/2021/photo.jpg")
    write_tree(tmp_path, {
        "content/articles/2021/visit.fr.md": article("visit", "fr"),
        "content/articles/2021/b.fr.md": article(
            "b", "fr", body="Voir [la visite]({filename}/articles/2021/visit.fr.md#suite)."),
        "content/articles/2021/c.fr.md": article(
            "c", "fr", summary="Voir [la photo]({static}/images/2021/photo.jpg)."),
        "editions/2026-01.fr.md": "Number: 2026-01\nDate: 2026-01-10\nLang: fr\n"
                                  "Subject: Essai\nArticles: b, c\n\nBonjour.\n"})
    result = build(tmp_path, "site", "--production")
    assert result.returncode == 0, result.stderr
    feed = (tmp_path / "site/feeds/all.atom.xml").read_text()
    assert "{filename}" not in feed and "{static}" not in feed
    assert "/2021/10/visit/#suite" in feed and "/images/2021/photo.jpg" in feed
    for written in (tmp_path / "site").rglob("*.html"):
        assert "{filename}" not in written.read_text(), written
