"""Every mistake in an edition file is a `path:line` problem from `globe check` and the build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from contentkit import document

from .kit import edition, problem_lines, write_site

GLOBE = str(Path(sys.executable).with_name("globe"))
NAME = "2021-15.fr.md"
# Lines in kit.edition(): Number 1, Date 2, Lang 3, Subject 4, Articles 5, then extras.


def run_globe(cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run([GLOBE, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL, check=False)


def build_with(tmp_path, build_site, editions: dict):
    content, folder = write_site(tmp_path, editions)
    result = build_site(content, editions=folder)
    assert not result.ok
    return problem_lines(result)


def assert_problem(problems, name, line, fragment):
    assert any(p[0] == name and p[1] == line and fragment in p[2] for p in problems), problems


@pytest.mark.parametrize("articles, fragment", [
    ("alpha, nosuch", "no article has the slug `nosuch`"),
    ("alpha, gamma", "article `gamma` has no en version"),
    ("alpha, delta", "article `delta` (en) is"),
])
def test_an_article_that_cannot_be_sent_is_an_error_on_the_articles_line(
        tmp_path, build_site, articles, fragment):
    if "delta" in articles:  # a draft in the edition's language
        problems = build_with(tmp_path, build_site, {
            NAME: edition(articles="alpha, delta")})
        assert_problem(problems, NAME, 5, "article `delta` (fr) is a draft")
        return
    problems = build_with(tmp_path, build_site, {
        "2021-15.en.md": edition(lang="en", articles=articles)})
    assert_problem(problems, "2021-15.en.md", 5, fragment)


@pytest.mark.parametrize("key", ["number", "date", "lang", "subject", "articles"])
def test_a_missing_required_key_is_an_error(tmp_path, build_site, key):
    problems = build_with(tmp_path, build_site, {NAME: edition(**{key: None})})
    assert_problem(problems, NAME, 1, f"required metadata `{key.capitalize()}` is missing")


@pytest.mark.parametrize("date, fragment", [
    ("18/11/2021", "is not a date"),
    ("2021-02-30", "does not exist in the calendar"),
])
def test_a_bad_or_impossible_date_is_an_error_on_its_line(tmp_path, build_site, date,
                                                          fragment):
    problems = build_with(tmp_path, build_site, {NAME: edition(date=date)})
    assert_problem(problems, NAME, 2, fragment)


def test_an_unknown_language_is_an_error_on_its_line(tmp_path, build_site):
    problems = build_with(tmp_path, build_site, {"2021-15.de.md": edition(lang="de")})
    assert_problem(problems, "2021-15.de.md", 3, "unknown language `de`")


def test_a_language_the_file_name_contradicts_is_an_error(tmp_path, build_site):
    problems = build_with(tmp_path, build_site, {NAME: edition(lang="en")})
    assert_problem(problems, NAME, 3, "the file name says `.fr.`")


def test_a_number_that_does_not_match_the_file_name_is_an_error(tmp_path, build_site):
    problems = build_with(tmp_path, build_site, {NAME: edition(number="2021-16")})
    assert_problem(problems, NAME, 1, "Number is `2021-16` but the file name says `2021-15`")


def test_a_file_not_named_like_an_edition_is_an_error(tmp_path, build_site):
    problems = build_with(tmp_path, build_site, {"autumn.fr.md": edition()})
    assert_problem(problems, "autumn.fr.md", 1, "is not named like an edition")


@pytest.mark.parametrize("preheader", ["Trop court.", "x" * 101])
def test_a_preheader_outside_40_to_100_characters_is_an_error(tmp_path, build_site,
                                                             preheader):
    problems = build_with(tmp_path, build_site, {NAME: edition(preheader=preheader)})
    assert_problem(problems, NAME, 6, f"the preheader is {len(preheader)} characters long")


def test_a_preheader_of_40_to_100_characters_is_accepted(tmp_path, build_site):
    content, folder = write_site(tmp_path, {
        NAME: edition(preheader="x" * 40), "2021-16.fr.md": edition(number="2021-16",
                                                                  preheader="y" * 100)})
    result = build_site(content, editions=folder)
    assert result.ok, result.problems


def test_the_same_number_and_language_twice_is_an_error(tmp_path, build_site):
    problems = build_with(tmp_path, build_site, {NAME: edition(), f"2021/{NAME}": edition()})
    assert any(p[0] == NAME and p[1] == 1 and "is already given by" in p[2]
               for p in problems), problems


def test_an_unknown_key_is_an_error_on_its_line_with_a_suggestion(tmp_path, build_site):
    problems = build_with(tmp_path, build_site, {NAME: edition(subjet="Faute de frappe")})
    assert_problem(problems, NAME, 6, "unknown metadata key `Subjet`")


def test_an_unknown_status_is_an_error_on_its_line(tmp_path, build_site):
    problems = build_with(tmp_path, build_site, {NAME: edition(status="sent")})
    assert_problem(problems, NAME, 6, "unknown status `sent`")


def test_an_article_listed_twice_is_an_error(tmp_path, build_site):
    problems = build_with(tmp_path, build_site, {NAME: edition(articles="alpha, beta, alpha")})
    assert_problem(problems, NAME, 5, "article `alpha` is listed twice")


def test_a_file_without_metadata_is_an_error(tmp_path, build_site):
    problems = build_with(tmp_path, build_site, {NAME: "Juste du texte.\n"})
    assert_problem(problems, NAME, 1, "the file has no metadata")


def test_globe_check_reports_edition_problems_as_path_line_and_exits_1(tmp_path):
    write_site(tmp_path, {NAME: edition(articles="alpha, nosuch", date="2021-13-01")})
    result = run_globe(tmp_path, "check", "--content", "content", "--editions", "editions")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert f"editions/{NAME}:5: error: no article has the slug `nosuch`" in result.stderr
    assert f"editions/{NAME}:2: error: Date `2021-13-01` does not exist" in result.stderr


def test_a_valid_edition_passes_globe_check(tmp_path):
    write_site(tmp_path, {NAME: edition()})
    result = run_globe(tmp_path, "check", "--content", "content", "--editions", "editions")
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_editions_folder_means_no_editions(tmp_path, build_site):
    content, _ = write_site(tmp_path, {})
    result = build_site(content, editions=tmp_path / "missing")
    assert result.ok, result.problems
    assert not list((result_output := Path(result.output)).glob("newsletter/*/email.html"))
    assert (result_output / "newsletter/index.html").is_file()


def test_kit_edition_writes_keys_in_the_order_the_line_numbers_assume():
    # kit.edition() writes metadata lines first, in the order the tests above rely on.
    lines = edition(preheader="p").splitlines()
    assert [line.split(":")[0] for line in lines[:6]] == [
        "Number", "Date", "Lang", "Subject", "Articles", "Preheader"]
    assert document("x", a="1").startswith("A: 1")
