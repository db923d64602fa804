"""The import never writes into content/ a file `globe check` refuses: such a file goes to
needs-review/, with the check's own words in the report, and the rest still passes."""

from __future__ import annotations

import os

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
