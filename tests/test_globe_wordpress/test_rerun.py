"""Running the import again duplicates nothing and keeps what officers edited since."""

from __future__ import annotations

from .archive import write_archive
from .running import globe

PELICAN_EXPORT = "pelican/tests/content/wordpressexport.xml"


def files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_a_second_run_changes_nothing_and_keeps_edits(tmp_path):
    export, uploads = write_archive(tmp_path)
    first = globe("import", "wordpress", export, "--uploads", uploads, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = {path: (tmp_path / "content" / path).read_bytes()
              for path in files(tmp_path / "content")}

    again = globe("import", "wordpress", export, "--uploads", uploads, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 written, 11 unchanged" in again.stdout
    assert {p: (tmp_path / "content" / p).read_bytes()
            for p in files(tmp_path / "content")} == before

    edited = tmp_path / "content/articles/2021/visite-a-ankara.fr.md"
    text = edited.read_text(encoding="utf-8").replace("Une délégation s'est rendue",
                                                      "Une délégation officielle s'est rendue")
    edited.write_text(text, encoding="utf-8")
    third = globe("import", "wordpress", export, "--uploads", uploads, cwd=tmp_path)
    assert "1 kept as edited" in third.stdout
    assert edited.read_text(encoding="utf-8") == text
    report = (tmp_path / "wordpress-import/report.md").read_text(encoding="utf-8")
    assert "visite-a-ankara.fr.md" in report and "--force" in report
    assert files(tmp_path / "content") == sorted(before)

    forced = globe("import", "wordpress", export, "--uploads", uploads, "--force",
                   cwd=tmp_path)
    assert "1 written" in forced.stdout
    assert edited.read_bytes() == before["articles/2021/visite-a-ankara.fr.md"]


def test_a_file_the_import_did_not_write_is_never_replaced(tmp_path):
    export, uploads = write_archive(tmp_path)
    mine = tmp_path / "content/pages/missions.fr.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("Title: Nos missions\nLang: fr\nSlug: nos-missions\n\nÀ moi.\n",
                    encoding="utf-8")
    run = globe("import", "wordpress", export, "--uploads", uploads, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "À moi." in mine.read_text(encoding="utf-8")
    assert "1 kept as edited" in run.stdout


def test_the_export_shipped_with_pelican_imports_and_builds(tmp_path):
    import pelican  # noqa: PLC0415

    export = f"{pelican.__path__[0]}/tests/content/wordpressexport.xml"
    (tmp_path / "editions").mkdir()
    run = globe("import", "wordpress", export, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    articles = files(tmp_path / "content/articles")
    assert "2012/code-in-list-test.fr.md" in articles and len(articles) == 11
    code = (tmp_path / "content/articles/2012/code-in-list-test.fr.md").read_text("utf-8")
    assert "for i in zip(a, b):" in code
    report = (tmp_path / "wordpress-import/report.md").read_text(encoding="utf-8")
    assert "xpelican.png" in report  # its images are elsewhere: listed, not published
    build = globe("build", "--content", "content", "--editions", "editions", "--output",
                  "output", cwd=tmp_path)
    assert build.returncode == 0, build.stdout + build.stderr
    assert (tmp_path / "output/2012/02/code-in-list-test/index.html").is_file()
    assert (tmp_path / "output/contact/index.html").is_file()
