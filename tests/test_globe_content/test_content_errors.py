"""Bad input: every problem in one run, as `path:line: error: what — how to fix`, exit 1,
no traceback, and nothing published."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from contentkit import article, page, write_image, write_tree

GLOBE = str(Path(sys.executable).with_name("globe"))
A = "content/articles/2021/visit.fr.md"


def run_globe(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    (cwd / "editions").mkdir(exist_ok=True)  # no newsletter editions in these trees
    return subprocess.run([GLOBE, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL, check=False)


def check(tmp_path: Path, files: dict) -> subprocess.CompletedProcess:
    write_tree(tmp_path, files)
    return run_globe(tmp_path, "check", "--content", "content", "--editions", "editions")


def assert_reported(result, *expected: str):
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    for text in expected:
        # each expected text starts a reported line, or sits inside one
        assert any(line.startswith(text) or (not text.startswith("content/") and text in line)
                   for line in lines), f"{text!r} not in:\n{result.stderr}"


CASES = {
    "missing title": (
        {A: "Date: 2021-10-18\nCategory: varia\nLang: fr\nSlug: visit\n\nText.\n"},
        [f"{A}:1: error: required metadata `Title` is missing", "add a line `Title: …`"]),
    "empty required value": (
        {A: article(slug="visit", category="")},
        [f"{A}:3: error: required metadata `Category` is missing or empty"]),
    "impossible date": (
        {A: article(slug="visit", date="2021-02-30")},
        [f"{A}:2: error: Date `2021-02-30` does not exist in the calendar"]),
    "malformed date": (
        {A: article(slug="visit", date="18/10/2021")},
        [f"{A}:2: error: Date `18/10/2021` is not a date", "YYYY-MM-DD"]),
    "unknown category": (
        {A: article(slug="visit", category="sport")},
        [f"{A}:3: error: unknown category `sport`",
         "europe, networks, bilateral, development, events, erdf, cooperation, varia"]),
    "unknown language": (
        {"content/articles/2021/visit.de.md": article(slug="visit", lang="de")},
        ["content/articles/2021/visit.de.md:4: error: unknown language `de`",
         "use one of: fr, nl, en"]),
    "file name and Lang disagree": (
        {"content/articles/2021/visit.nl.md": article(slug="visit", lang="fr")},
        ["content/articles/2021/visit.nl.md:4: error: Lang is `fr` but the file name says"]),
    "invalid slug": (
        {A: article(slug="Visit to Ankara")},
        [f"{A}:5: error: slug `Visit to Ankara` is not valid"]),
    "slug too long for a folder name": (
        {A: article(slug="-".join(["brussels"] * 40))},
        [f"{A}:5: error: the slug is 359 characters long, more than 100", "shorten it"]),
    "page slug of a folder the build writes": (
        {"content/pages/search.fr.md": page("search"), "content/pages/en.fr.md": page("en"),
         "content/pages/y.fr.md": page("2021"), "content/pages/img.fr.md": page("images"),
         "content/pages/t.fr.md": page("translations")},  # the dev server's report
        ["content/pages/search.fr.md:3: error: the page slug `search` is the name of a folder",
         "content/pages/en.fr.md:3: error: the page slug `en`",
         "content/pages/y.fr.md:3: error: the page slug `2021`",
         "content/pages/img.fr.md:3: error: the page slug `images`",
         "content/pages/t.fr.md:3: error: the page slug `translations`",
         "choose another slug, e.g. `search-page`"]),
    "tags separated by semicolons": (
        {A: article(slug="visit", tags="FEDER; Europe; ville")},
        [f"{A}:6: error: the tags are separated by semicolons",
         "`Tags: FEDER, Europe, ville`"]),
    "time skipped by the spring clock change": (
        {A: article(slug="visit", date="2021-03-28 02:30")},
        [f"{A}:2: error: Date `2021-03-28 02:30` does not exist in Brussels",
         "write a time before 02:00 or from 03:00"]),
    "date in other digits": (
        {A: article(slug="visit", date="\u0662\u0660\u0662\u0661-10-18")},
        [f"{A}:2: error: Date `\u0662\u0660\u0662\u0661-10-18` is not a date"]),
    "translations in different categories": (
        {A: article(slug="visit", category="europe"),
         "content/articles/2021/visit.nl.md": article(slug="visit", lang="nl",
                                                      category="bilateral")},
        ["content/articles/2021/visit.nl.md:3: error: this version is in the category "
         "`bilateral`, the fr one (content/articles/2021/visit.fr.md) in `europe`",
         "the same Category"]),
    "a file attached to one article and linked by another": (
        {A: article(slug="visit", body="Le [rapport]({attach}../../images/there.jpg)."),
         "content/articles/2021/visit.nl.md": article(
             slug="visit", lang="nl", body="Het [rapport]({static}/images/there.jpg).")},
        ["content/articles/2021/visit.nl.md:7: error: `images/there.jpg` is attached to "
         f"{A} with `{{attach}}`", "link it with `{static}` in every file"]),
    "one tag written twice": (
        {A: article(slug="visit", tags="FEDER, Europe, feder, Féder, Europe")},
        [f"{A}:6: error: the tags `FEDER` and `feder` are the same tag",
         f"{A}:6: error: the tags `FEDER` and `Féder` are the same tag",
         f"{A}:6: error: the tags `Europe` and `Europe` are the same tag", "keep one of them"]),
    "metadata after a blank first line": (
        {A: "\n" + article(slug="visit")},
        [f"{A}:1: error: the file starts with a blank line", "remove the blank lines before "
         "`Title: "]),
    "front matter of another tool": (
        {A: "---\n" + article(slug="visit")},
        [f"{A}:1: error: `---` (front matter of other tools) is not read here"]),
    "first key without its colon": (
        {A: article(slug="visit").replace("Title:", "Title", 1)},
        [f"{A}:1: error: `Title` has no colon", "write `Title: …`"]),
    "first key with a Cyrillic letter": (
        {A: article(slug="visit").replace("Title:", "T\u0456tle:", 1)},
        [f"{A}:1: error: the key `T\u0456tle` has a letter `\u0456` (U+0456) that only "
         "looks Latin"]),
    "unknown key": (
        {A: article(slug="visit", catgory="varia")},
        [f"{A}:6: error: unknown metadata key `Catgory`", "did you mean `Category:`?"]),
    "duplicate key": (
        {A: article(slug="visit") .replace("Lang: fr\n", "Lang: fr\nLang: nl\n")},
        [f"{A}:5: error: Lang is given twice (first on line 4)"]),
    "unreadable metadata": (
        {A: article(slug="visit").replace("Slug: visit", "Slug visit")},
        [f"{A}:5: error: cannot read metadata line 'Slug visit'", "`Key: value`"]),
    "unknown status": (
        {A: article(slug="visit", status="hidden")},
        [f"{A}:6: error: unknown status `hidden`"]),
    "hero image missing": (
        {A: article(slug="visit", image="images/nope.jpg", image_alt="A view")},
        [f"{A}:6: error: image `images/nope.jpg` does not exist"]),
    "hero image without alt": (
        {A: article(slug="visit", image="images/there.jpg")},
        [f"{A}:6: error: the hero image has no alt text", "add `Image_alt:`"]),
    "inline image without alt": (
        {A: article(slug="visit", body="Intro.\n\n![](../../images/there.jpg \"Caption\")")},
        [f"{A}:9: error: image `../../images/there.jpg` has no alt text"]),
    "inline image missing": (
        {A: article(slug="visit", body="Intro.\n\n![A view](../images/there.jpg)")},
        [f"{A}:9: error: image `../images/there.jpg` does not exist",
         "did you mean `images/there.jpg`?"]),
    "raw img (outside the HTML policy)": (
        {A: article(slug="visit", body='<img src="../../images/there.jpg">')},
        [f"{A}:7: error: `<img>` is not allowed in the text", "![what the image shows]"]),
    "image on another host": (
        {A: article(slug="visit", body="![A view](https://example.org/x.jpg)")},
        [f"{A}:7: error: image `https://example.org/x.jpg` is on another site"]),
    "filename link to an image": (
        {A: article(slug="visit", body="Text.\n\nSee [it]({filename}/images/there.jpg).")},
        [f"{A}:9: error: `{{filename}}` links to articles and pages, not to "
         "`/images/there.jpg`", "write `{static}/images/there.jpg`"]),
    "static links to a missing or outside file": (
        {A: article(slug="visit", body="[A]({static}/documents/gone.pdf)\n\n"
                                       "[B]({attach}../../../../etc/passwd)\n\n"
                                       "[c]: {static}/documents/also-gone.pdf")},
        [f"{A}:7: error: linked file `{{static}}/documents/gone.pdf` does not exist",
         f"{A}:9: error: linked file `{{attach}}../../../../etc/passwd` is outside the "
         "content folder", f"{A}:11: error: linked file `{{static}}/documents/also-gone.pdf`"]),
    "image path copied from Windows": (
        {A: article(slug="visit", body="Texte.\n\n![Une vue](..\\..\\images\\there.jpg)")},
        [f"{A}:9: error: the path `..\\..\\images\\there.jpg` is written with \\ (as "
         "Windows shows it)", "write it with /, e.g. `../../images/there.jpg`"]),
    "broken filename link": (
        {A: article(slug="visit",
                    body="Text.\n\nSee [this]({filename}/articles/2020/gone.fr.md).")},
        [f"{A}:9: error: linked file `{{filename}}/articles/2020/gone.fr.md` does not exist"]),
    "broken relative link to a Markdown file": (
        {A: article(slug="visit", body="Text.\n\nSee [this](../2020/gone.fr.md).")},
        [f"{A}:9: error: linked file `../2020/gone.fr.md` does not exist"]),
    "duplicate slug in one language": (
        {A: article(slug="visit"),
         "content/articles/2021/visit-again.fr.md": article(slug="visit")},
        ["content/articles/2021/visit.fr.md:5: error: slug `visit` is already used by the fr "
         "article content/articles/2021/visit-again.fr.md"]),
    "not UTF-8": (
        {A: article(slug="visit", body="Bruxelles en été.").encode("latin-1")},
        [f"{A}:7: error: the file is not UTF-8 text", "save it as UTF-8"]),
    "level-1 heading in the text": (
        {A: article(slug="visit", body="Intro.\n\n# Un grand titre\n\nTexte.\n\n```\n# code\n```")},
        [f"{A}:9: error: a level-1 heading in the text would be a second title",
         "start section headings with `##`"]),
    "setext level-1 heading": (
        {A: article(slug="visit", body="Un grand titre\n==============\n\nTexte.")},
        [f"{A}:8: error: a level-1 heading in the text"]),
    "page without slug": (
        {"content/pages/about.fr.md": "Title: À propos\nLang: fr\n\nTexte.\n"},
        ["content/pages/about.fr.md:1: error: required metadata `Slug` is missing"]),
    "no metadata at all": (
        {A: "Just some text.\n"},
        [f"{A}:1: error: the file has no metadata", "start the file with `Title:`"]),
}


def test_a_file_without_metadata_gets_one_message_not_one_per_key(tmp_path):
    result = check(tmp_path, {A: "Just some text.\n"})
    assert_reported(result, f"{A}:1: error: the file has no metadata")
    assert "required metadata" not in result.stderr


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_reported_with_path_and_line(tmp_path, case):
    write_image(tmp_path / "content/images/there.jpg", size=(40, 30))
    files, expected = CASES[case]
    assert_reported(check(tmp_path, files), *expected)


def test_a_tag_or_author_without_letters_is_reported_on_its_line_only(tmp_path):
    result = check(tmp_path, {A: article(slug="visit", tags="Europe, !!!, \U0001f642, \u2014",
                                         author="???")})
    assert_reported(result,
                    f"{A}:6: error: the tag `!!!` has no letter or digit to name its page",
                    f"{A}:6: error: the tag `\U0001f642` has no letter or digit",
                    f"{A}:6: error: the tag `\u2014` has no letter or digit",  # page `/tag/-/`
                    f"{A}:7: error: the author `???` has no letter or digit",
                    "write it in words")
    assert "Check failed: 4 problem(s)." in result.stderr
    assert "Unable to generate valid slug" not in result.stderr  # Pelican's, lineless


def test_every_problem_of_every_file_is_reported_in_one_run(tmp_path):
    result = check(tmp_path, {
        A: article(slug="visit", date="2021-13-01", category="sport"),
        "content/articles/2021/other.nl.md": article(slug="other", lang="nl").replace(
            "Title: Article other (nl)", "Title:"),
        "content/pages/contact.en.md": page("contact", "en", image="images/none.png",
                                            image_alt="x"),
    })
    assert_reported(result,
                    f"{A}:2: error: Date `2021-13-01`",
                    f"{A}:3: error: unknown category `sport`",
                    "content/articles/2021/other.nl.md:1: error: required metadata `Title`",
                    "content/pages/contact.en.md:4: error: image `images/none.png`")
    assert "Check failed: 4 problem(s)." in result.stderr


def test_good_content_checks_clean(tmp_path):
    result = check(tmp_path, {A: article(slug="visit")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Check passed in ")
    assert "Done: Processed" not in result.stdout  # Pelican's own English summary


def test_failed_production_build_leaves_previous_output_untouched(tmp_path):
    write_tree(tmp_path, {A: article(slug="visit", title="Première version")})
    first = run_globe(tmp_path, "build", "--production", "--content", "content",
                      "--editions", "editions", "--output", "site")
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}

    write_tree(tmp_path, {
        A: article(slug="visit", title="Deuxième version"),
        "content/articles/2021/broken.fr.md": article(slug="broken", category="nope"),
    })
    second = run_globe(tmp_path, "build", "--production", "--content", "content",
                       "--editions", "editions", "--output", "site")
    assert_reported(second, "content/articles/2021/broken.fr.md:3: error: unknown category")
    assert "site was left as it was" in second.stderr
    after = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".globe-")]


def test_the_build_fails_on_the_same_problems_as_check(tmp_path, build_site):
    write_tree(tmp_path, {A: article(slug="visit", lang="es")})
    result = build_site(tmp_path / "content")
    assert not result.ok
    assert [(p.line, p.message) for p in result.problems] == [(4, "unknown language `es`")]
    assert not (tmp_path / "output").exists()


def test_command_line_mistakes_are_usage_errors_without_traceback(tmp_path):
    missing = run_globe(tmp_path, "check", "--content", "nowhere")
    assert missing.returncode == 2
    assert "argument --content: nowhere is not a folder" in missing.stderr
    (tmp_path / "file.txt").write_text("x")
    not_a_folder = run_globe(tmp_path, "check", "--editions", "file.txt")
    assert not_a_folder.returncode == 2 and "file.txt is not a folder" in not_a_folder.stderr
    write_tree(tmp_path, {A: article(slug="visit")})
    unwritable = run_globe(tmp_path, "build", "--content", "content", "--output", "file.txt/site")
    assert unwritable.returncode == 1 and "is under" in unwritable.stderr
    for result in (missing, not_a_folder, unwritable):
        assert "Traceback" not in result.stderr
