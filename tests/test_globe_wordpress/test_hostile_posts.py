"""Posts the content model would refuse or the converter cannot take: each is set aside
and named in the report, and the rest of the export imports as usual."""

from __future__ import annotations

import datetime as dt
import os

from wxr_export import Post, wxr

from globe_content import schedule
from globe_content.model import LONGEST_SLUG
from globe_wordpress import importer as importing
from globe_wordpress.names import LONGEST_SLUG as IMPORT_LONGEST_SLUG
from globe_wordpress.names import shorten

from .running import globe
from .test_import import metadata

SITE = "http://example.brussels"
ENGLISH = {**os.environ, "GLOBE_LANG": "en"}


def import_posts(tmp_path, posts):
    export = tmp_path / "export.xml"
    export.write_text(wxr(SITE, posts), encoding="utf-8")
    (tmp_path / "editions").mkdir(exist_ok=True)
    run = globe("import", "wordpress", export, cwd=tmp_path, env=ENGLISH)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    return run, (tmp_path / "wordpress-import/report.md").read_text(encoding="utf-8")


def check(tmp_path):
    return globe("check", "--content", "content", "--editions", "editions", cwd=tmp_path,
                 env=ENGLISH)


def test_the_import_keeps_the_content_models_limits():
    assert IMPORT_LONGEST_SLUG == LONGEST_SLUG
    assert importing.EARLIEST.date() == schedule.EARLIEST
    assert importing.MOST_AHEAD == schedule.MAX_AHEAD


def test_html_nested_too_deep_to_convert_is_kept_as_words_for_review(tmp_path):
    deep = "<div>" * 3000 + "<p>Les mots <b>restent</b> &amp; comptent.</p>" + "</div>" * 3000
    run, report = import_posts(tmp_path, [
        Post(1, "Profond", "profond", content=deep, link=f"{SITE}/2021/10/profond/"),
        Post(2, "Normal", "normal", content="<p>Texte.</p>")])
    assert "1 in needs-review/" in run.stdout
    assert (tmp_path / "content/articles/2021/normal.fr.md").is_file()
    assert not (tmp_path / "content/articles/2021/profond.fr.md").exists()
    review = tmp_path / "wordpress-import/needs-review/articles/2021/profond.fr.md"
    text = review.read_text(encoding="utf-8")
    assert metadata(text)["Title"] == "Profond"
    assert text.endswith("\n\nLes mots restent &amp; comptent.\n")
    assert "## articles/2021/profond.fr.md" in report
    assert f"RecursionError; Profond — {SITE}/2021/10/profond/" in report
    assert check(tmp_path).returncode == 0
    # once looked at, the file goes into content/ as it is
    review.rename(tmp_path / "content/articles/2021/profond.fr.md")
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr


def test_any_failure_to_convert_one_post_sets_that_post_aside(tmp_path, monkeypatch):
    export = tmp_path / "export.xml"
    export.write_text(wxr(SITE, [Post(1, "Un", "un", content="<p>Un.</p>"),
                                 Post(2, "Deux", "deux", content="<p>Deux.</p>")]),
                      encoding="utf-8")
    convert = importing.to_markdown

    def failing(body, context):
        if "Deux" in body:
            raise ValueError("the parser gave up")
        return convert(body, context)

    monkeypatch.setattr(importing, "to_markdown", failing)
    options = importing.Options(str(export), str(tmp_path / "content"),
                                work=str(tmp_path / "work"))
    report = importing.Importer(options).run()
    assert report.files == {"written": 1, "review": 1}
    assert [kind for kind, _detail in report.entries["articles/2021/deux.fr.md"]] == [
        "unconverted"]
    assert (tmp_path / "work/needs-review/articles/2021/deux.fr.md").read_text(
        encoding="utf-8").endswith("\n\nDeux.\n")


def test_long_wordpress_names_are_shortened_unique_reported_and_still_redirect(tmp_path):
    long_name = "-".join(["mission"] * 30)  # 239 characters, as WordPress could not write
    run, report = import_posts(tmp_path, [
        Post(1, "Long", long_name, link=f"{SITE}/2021/10/{long_name}/", content="Un."),
        Post(2, "Long aussi", long_name + "-bis", content="Deux."),
        Post(3, "Énorme", "x" * 400, content="Trois.")])
    folder = tmp_path / "content/articles/2021"
    slugs = {metadata(path.read_text(encoding="utf-8"))["Title"]:
             metadata(path.read_text(encoding="utf-8"))["Slug"] for path in folder.iterdir()}
    assert slugs["Long"] == shorten(long_name, LONGEST_SLUG)
    assert slugs["Long"].endswith("-mission")  # cut after a whole word
    assert slugs["Long aussi"] == shorten(long_name, LONGEST_SLUG - 2) + "-2"  # unique
    assert slugs["Énorme"] == "x" * LONGEST_SLUG
    assert all(len(slug) <= LONGEST_SLUG for slug in slugs.values())
    assert "Nothing needs a human look" not in run.stdout
    for slug in slugs.values():
        assert f"its slug was shortened to `{slug}`" in report
    long_post = metadata((folder / f"{slugs['Long']}.fr.md").read_text(encoding="utf-8"))
    assert f"/2021/10/{long_name}/" in long_post["Old_urls"].split()
    # a name no folder can have: not an old address, and said so
    huge = metadata((folder / f"{'x' * LONGEST_SLUG}.fr.md").read_text(encoding="utf-8"))
    assert "xxx" * 100 not in huge.get("Old_urls", "")
    assert "will not be redirected: /2021/10/xxx" in report
    build = globe("build", "--content", "content", "--editions", "editions", "--output",
                  "output", cwd=tmp_path, env=ENGLISH)
    assert build.returncode == 0, build.stdout + build.stderr
    redirect = tmp_path / f"output/2021/10/{long_name}/index.html"
    assert f"/2021/10/{slugs['Long']}/" in redirect.read_text(encoding="utf-8")


def test_posts_dated_before_2000_or_years_ahead_are_set_aside_and_reported(tmp_path):
    later = dt.date.today().year + 3
    run, report = import_posts(tmp_path, [
        Post(1, "Ancien", "ancien", "1998-05-04 10:00:00", content="Vieux."),
        Post(2, "Lointain", "lointain", f"{later}-01-02 10:00:00", status="future",
             content="Bien plus tard."),
        Post(3, "Normal", "normal", content="Texte.")])
    assert "2 in needs-review/" in run.stdout
    assert [p.name for p in (tmp_path / "content").rglob("*.md")] == ["normal.fr.md"]
    review = tmp_path / "wordpress-import/needs-review/articles"
    assert (review / "1998/ancien.fr.md").is_file()
    assert (review / f"{later}/lointain.fr.md").is_file()
    assert "the post is dated 1998-05-04, before 2000" in report
    assert f"the post is dated {later}-01-02" in report
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr


def test_old_addresses_in_the_sites_own_folders_are_left_out_and_reported(tmp_path):
    """A WordPress page under `/newsletter/` had an address the new site answers itself:
    `globe check` refuses to redirect it, so the import does not keep it."""
    run, report = import_posts(tmp_path, [
        Post(300, "Newsletter", "newsletter", type="page", link=f"{SITE}/newsletter/",
             content="Abonnez-vous."),
        Post(301, "Inscription", "inscription", type="page", parent=300,
             link=f"{SITE}/newsletter/inscription/", content="Le formulaire."),
        Post(302, "Visite", "visite", link=f"{SITE}/2021/10/visite/", content="Texte.")])
    page = metadata((tmp_path / "content/pages/inscription.fr.md").read_text("utf-8"))
    assert page["Old_urls"].split() == ["/?page_id=301"]
    assert "the old address /newsletter/inscription/ is one of the site's own" in report
    article = metadata((tmp_path / "content/articles/2021/visite.fr.md").read_text("utf-8"))
    assert article["Old_urls"].split() == ["/2021/10/visite/", "/?p=302"]
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr
