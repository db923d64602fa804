"""The import never writes into content/ a file `globe check` refuses: such a file goes to
needs-review/, with the check's own words in the report, and the rest still passes."""

from __future__ import annotations

import os

from contentkit import write_image
from wxr_export import Post, wxr

from .running import globe

SITE = "http://international.brussels"


def test_files_the_check_refuses_go_to_needs_review_with_its_words(tmp_path):
    posts = [
        Post(601, "T" * 400, "long-title", lang="fr", content="<p>Texte</p>"),
        Post(602, "Tags", "tags", lang="fr", content="<p>Texte</p>",
             tags=["x" * 300, "ok"]),
        Post(603, "R\u00e9sum\u00e9", "summary", lang="fr", content="<p>Texte</p>",
             excerpt="<p>" + "mot " * 400 + "</p>"),
        Post(604, "Lien", "link", lang="fr",
             content="<p>Voir [ceci](javascript:alert(1)) tel quel.</p>"),
        Post(605, "Recherche", "search", type="page", lang="fr", content="<p>Texte</p>"),
        Post(606, "Fil", "feeds", type="page", lang="fr", content="<p>Texte</p>"),
        Post(607, "Bon", "good", lang="fr", content="<p>Un article sans souci.</p>"),
        Post(608, "Renvoi", "pointer", lang="fr",
             content=f'<p>Lire <a href="{SITE}/?p=601">le long titre</a> et '
                     f'<a href="{SITE}/?p=607#suite">le bon</a>.</p>'),
    ]
    (tmp_path / "export.xml").write_text(wxr(SITE, posts), encoding="utf-8")
    env = {**os.environ, "GLOBE_LANG": "en"}
    run = globe("import", "wordpress", "export.xml", "--content", "content", cwd=tmp_path,
                env=env)
    assert run.returncode == 0, run.stderr
    written = sorted(p.relative_to(tmp_path / "content").as_posix()
                     for p in (tmp_path / "content").rglob("*.md"))
    assert written == ["articles/2021/good.fr.md", "articles/2021/pointer.fr.md"]
    # a post set aside is not on the site: the link to it became its words, the other stays
    pointer = (tmp_path / "content/articles/2021/pointer.fr.md").read_text(encoding="utf-8")
    assert "Lire le long titre et [le bon](/2021/10/good/#suite)." in pointer
    review = tmp_path / "wordpress-import" / "needs-review"
    assert sorted(p.name for p in review.rglob("*.md")) == [
        "feeds.fr.md", "link.fr.md", "long-title.fr.md", "search.fr.md", "summary.fr.md",
        "tags.fr.md"]
    report = (tmp_path / "wordpress-import" / "report.md").read_text(encoding="utf-8")
    assert "`globe check` would refuse the file (line 1: Title is 400 characters long" in report
    assert "the page slug `search` is the name of a folder of the site" in report
    assert "kept without the link: /2021/10/long-title/" in report
    (tmp_path / "editions").mkdir()
    check = globe("check", "--content", "content", "--editions", "editions", cwd=tmp_path,
                  env=env)
    assert check.returncode == 0, check.stderr


def test_links_to_a_post_set_aside_become_what_they_show_once_and_for_good(tmp_path):
    """A link wrapping an image (`[![alt](…)](/2021/10/x/)`) or words with brackets kept
    its link to a post in needs-review/, a broken link; and the file, written, then
    unlinked, was reported `written` again on every run."""
    write_image(tmp_path / "uploads/2021/10/vue.jpg", size=(320, 180))
    image = f'<img src="{SITE}/wp-content/uploads/2021/10/vue.jpg" alt="Une vue">'
    posts = [
        Post(701, "T" * 400, "trop-long", lang="fr", content="<p>Texte</p>"),
        Post(702, "Renvoi", "renvoi", lang="fr", content=(
            f'<p>Lire <a href="{SITE}/?p=701">le long titre</a>.</p>\n\n'
            f'<p><a href="{SITE}/2021/10/trop-long/">{image}</a></p>\n\n'
            f'<p>Voir <a href="{SITE}/?p=701#suite">le texte [en entier]</a> et '
            f'<a href="{SITE}/?p=703">un autre</a>.</p>')),
        Post(703, "Autre", "autre", lang="fr", content="<p>Un autre.</p>"),
    ]
    (tmp_path / "export.xml").write_text(wxr(SITE, posts), encoding="utf-8")
    (tmp_path / "editions").mkdir()
    env = {**os.environ, "GLOBE_LANG": "en"}

    def run_import():
        run = globe("import", "wordpress", "export.xml", "--uploads", "uploads", cwd=tmp_path,
                    env=env)
        assert run.returncode == 0, run.stderr
        return run

    first = run_import()
    assert "2 written, 0 unchanged, 0 kept as edited, 1 in needs-review/" in first.stdout
    pointer = tmp_path / "content/articles/2021/renvoi.fr.md"
    text = pointer.read_text(encoding="utf-8")
    assert "Lire le long titre." in text
    assert "\n\n![Une vue](../../images/2021/vue.jpg)\n\n" in text
    assert "Voir le texte [en entier] et [un autre](/2021/10/autre/)." in text
    assert "trop-long" not in text
    report = (tmp_path / "wordpress-import/report.md").read_text(encoding="utf-8")
    assert "kept without the link: /2021/10/trop-long/" in report
    check = globe("check", "--content", "content", "--editions", "editions", cwd=tmp_path,
                  env=env)
    assert check.returncode == 0, check.stderr

    again = run_import()
    assert "0 written, 2 unchanged, 0 kept as edited, 1 in needs-review/" in again.stdout
    assert pointer.read_text(encoding="utf-8") == text
    assert "kept without the link: /2021/10/trop-long/" in (
        tmp_path / "wordpress-import/report.md").read_text(encoding="utf-8")
