"""Characters `globe check` refuses (C1 controls, DEL, direction overrides, line and
paragraph separators), typed or as numeric references in a post: the import removes them,
says so in the report, and the imported files pass `globe check`."""

from __future__ import annotations

import os

from wxr_export import Post, wxr

from .running import globe

SITE = "http://international.brussels"
HOSTILE = {"rlo": "\u202e", "lre": "\u202a", "csi": "\u009b", "del": "\x7f",
           "ref": "&#x202E;"}  # (&#155; is kept: browsers read it as Windows-1252 ›)
# already read as line ends by the import: only checked
SEPARATORS = {"ls": "\u2028", "ps": "\u2029", "nel": "\u0085"}


def test_refused_characters_are_removed_reported_and_the_files_pass_the_check(tmp_path):
    posts = [Post(300 + number, f"Titre {name} a{char}b", f"t-{name}",
                  content=f"<p>D\u00e9but a{char}b fin</p>", excerpt=f"R\u00e9sum\u00e9 {char}x",
                  lang="fr", tags=[f"tag{char}x"])
             for number, (name, char) in enumerate({**HOSTILE, **SEPARATORS}.items())]
    posts.append(Post(399, "Isol\u00e9 \u2067abc\u2069", "t-isolate",
                      content="<p>Un isolat \u2067\u05e9\u05dc\u05d5\u05dd\u2069 reste.</p>",
                      lang="fr"))
    (tmp_path / "export.xml").write_text(wxr(SITE, posts), encoding="utf-8")
    env = {**os.environ, "GLOBE_LANG": "en"}
    run = globe("import", "wordpress", "export.xml", "--content", "content", cwd=tmp_path,
                env=env)
    assert run.returncode == 0, run.stderr
    (tmp_path / "editions").mkdir()
    check = globe("check", "--content", "content", "--editions", "editions", cwd=tmp_path,
                  env=env)
    assert check.returncode == 0, check.stderr
    report = (tmp_path / "wordpress-import" / "report.md").read_text(encoding="utf-8")
    for name in HOSTILE:
        text = (tmp_path / f"content/articles/2021/t-{name}.fr.md").read_text(encoding="utf-8")
        assert "D\u00e9but ab fin" in text and f"Titre {name} ab" in text
        assert f"## articles/2021/t-{name}.fr.md\n- invisible control" in report
    isolate = (tmp_path / "content/articles/2021/t-isolate.fr.md").read_text(encoding="utf-8")
    assert "\u2067\u05e9\u05dc\u05d5\u05dd\u2069" in isolate  # mixed scripts need isolates
    assert "t-isolate" not in report
