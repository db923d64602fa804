"""Exports other than the WPML archive: Polylang, no language plugin, awkward posts."""

from __future__ import annotations

import datetime as dt

from wxr_export import Post, attachment, translation_term, wxr

from .running import globe
from .test_import import metadata

SITE = "http://example.brussels"


def test_polylang_languages_and_translations(tmp_path):
    posts = [
        Post(1, "Sommet", "sommet", "2018-06-01 10:00:00", polylang="fr",
             categories=[("europe", "Europe")], content="Texte."),
        Post(2, "Top", "top", "2018-06-01 11:00:00", polylang="nl",
             categories=[("europa", "Europese en multilaterale zaken")], content="Tekst.",
             link=f"{SITE}/nl/2018/06/top/"),
        Post(3, "Summit", "summit", "2018-06-02 09:00:00", polylang="en",
             polylang_group="pll_abc", content="Text."),
    ]
    export = tmp_path / "export.xml"
    export.write_text(wxr(SITE, posts, terms=translation_term("pll_abc",
                                                              {"fr": 1, "nl": 2, "en": 3})),
                      encoding="utf-8")
    run = globe("import", "wordpress", export, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    articles = tmp_path / "content/articles/2018"
    assert sorted(p.name for p in articles.iterdir()) == ["sommet.en.md", "sommet.fr.md",
                                                          "sommet.nl.md"]
    dutch = metadata((articles / "sommet.nl.md").read_text(encoding="utf-8"))
    assert dutch["Category"] == "europe"  # its Dutch label
    assert "/nl/2018/06/top/" in dutch["Old_urls"].split()


def test_without_a_language_plugin_every_post_takes_the_default(tmp_path):
    posts = [Post(1, "Summit", "summit", "2018-06-01 10:00:00", content="Text."),
             Post(2, "Other", "other", "2018-06-01 10:00:00", content="Text.")]
    export = tmp_path / "export.xml"
    export.write_text(wxr(SITE, posts, language="en-GB"), encoding="utf-8")
    run = globe("import", "wordpress", export, "--lang-default", "en", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    meta = metadata((tmp_path / "content/articles/2018/summit.en.md").read_text("utf-8"))
    assert meta["Lang"] == "en" and meta["Slug"] == "summit"


def test_awkward_posts_are_imported_and_reported(tmp_path):
    uploads = tmp_path / "uploads/2017/02"
    uploads.mkdir(parents=True)
    from contentkit import write_image  # noqa: PLC0415

    write_image(uploads / "hero.jpg", size=(64, 48))
    soon = dt.date.today() + dt.timedelta(days=30)
    posts = [
        attachment(50, f"{SITE}/wp-content/uploads/2017/02/hero.jpg", alt=""),
        Post(1, "Secret", "secret", "2017-02-01 10:00:00", password="x", thumbnail=50,
             content="Caché."),
        Post(2, "Sans date", "sans-date", "0000-00-00 00:00:00", content="Quand ?"),
        Post(3, "Deutsch", "deutsch", "2017-02-01 10:00:00", lang="de", content="Text."),
        Post(4, "À venir", "a-venir", f"{soon:%Y-%m-%d} 08:00:00", status="future",
             content="Bientôt."),
        Post(5, "Révision", "revision", "2017-02-01 10:00:00", type="revision"),
        Post(6, "Menu", "menu", "2017-02-01 10:00:00", type="nav_menu_item"),
    ]
    export = tmp_path / "export.xml"
    export.write_text(wxr(SITE, posts), encoding="utf-8")
    run = globe("import", "wordpress", export, "--uploads", tmp_path / "uploads",
                cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    secret = metadata((tmp_path / "content/articles/2017/secret.fr.md").read_text("utf-8"))
    assert secret["Status"] == "draft" and "Image" not in secret
    assert (tmp_path / f"content/articles/{soon:%Y}/a-venir.fr.md").is_file()  # scheduled
    assert not list((tmp_path / "content").rglob("deutsch*"))
    assert not list((tmp_path / "content").rglob("revision*"))
    report = (tmp_path / "wordpress-import/report.md").read_text(encoding="utf-8")
    assert "password" in report and "images/2017/hero.jpg has no alt text" in report
    assert "language `de`" in report and "no valid date" in report
    (tmp_path / "editions").mkdir()
    check = globe("check", "--content", "content", "--editions", "editions", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
