"""Issue 12, the newsletter loop: messages meant for the officer, and error versus note."""

from __future__ import annotations

import datetime as dt

from contentkit import article

from .kit import edition, problem_lines, write_site

NAME = "2021-15.fr.md"


def build(tmp_path, build_site, text):
    content, folder = write_site(tmp_path, {NAME: text})
    return build_site(content, editions=folder)


def test_articles_separated_by_semicolons_get_the_fix_not_a_did_you_mean(tmp_path, build_site):
    result = build(tmp_path, build_site, edition(articles="alpha; beta"))
    problems = problem_lines(result)
    assert problems == [(NAME, 5, "the articles are separated by semicolons")]
    assert "`Articles: alpha, beta`" in result.problems[0].fix
    assert "did you mean" not in str(result.problems)


def test_an_image_in_the_introduction_is_explained_to_the_officer(tmp_path, build_site):
    result = build(tmp_path, build_site, edition(
        "Bonjour.\n\n![Une vue](../content/images/alpha.jpg)\n", status="ready"))
    assert problem_lines(result) == [(NAME, 10, "the introduction contains an image")]
    assert "put the image in an article" in result.problems[0].fix
    assert "developers" not in str(result.problems)


def test_a_draft_with_one_article_and_no_introduction_builds_with_two_notes(
        tmp_path, build_site):
    result = build(tmp_path, build_site, edition(articles="alpha"))
    assert result.ok, result.problems
    assert sorted(n.message for n in result.notes) == [
        "the edition has a single article", "the edition has no introduction"]


def test_a_ready_edition_with_one_article_and_no_introduction_is_an_error(
        tmp_path, build_site):
    result = build(tmp_path, build_site, edition(articles="alpha", status="ready"))
    assert problem_lines(result) == [
        (NAME, 6, "a ready edition needs an introduction or a second article")]


def test_a_ready_edition_with_an_introduction_and_one_article_is_fine(tmp_path, build_site):
    result = build(tmp_path, build_site, edition("Un mot.", articles="alpha", status="ready"))
    assert result.ok, result.problems
    assert [n.message for n in result.notes] == ["the edition has a single article"]


def test_html_or_a_heading_in_the_introduction_is_explained_to_the_officer(
        tmp_path, build_site):
    result = build(tmp_path, build_site, edition(
        "# Bienvenue\n\nVoir <https://be.brussels/> et <b>ceci</b>.\n", status="ready"))
    assert problem_lines(result) == [
        (NAME, 8, "the introduction contains a heading"),
        (NAME, 10, "the introduction contains HTML (`<b`)")]
    assert "developers" not in str(result.problems) and "web team" not in str(result.problems)


def test_a_ready_edition_with_a_scheduled_article_says_when_it_can_go(tmp_path, build_site):
    soon = dt.date.today() + dt.timedelta(days=5)
    later = article("later", "fr", date=soon.isoformat(), title="Plus tard")
    content, folder = write_site(tmp_path, {NAME: edition(articles="alpha, later",
                                                          status="ready")},
                                 **{f"content/articles/{soon.year}/later.fr.md": later})
    result = build_site(content, editions=folder, production=True)
    assert problem_lines(result) == [
        (NAME, 5, f"article `later` (fr) is scheduled for {soon.isoformat()}")]


def test_an_introduction_nested_too_deep_to_convert_is_an_error_on_its_line(
        tmp_path, build_site):
    result = build(tmp_path, build_site, edition("Bonjour.\n\n" + "- " * 600 + "x\n"))
    assert problem_lines(result) == [
        (NAME, 9, "this line nests quotes or lists more than 20 levels deep")]
    assert "four spaces" in result.problems[0].fix


def test_a_subject_pasted_from_the_text_is_an_error_on_its_line(tmp_path, build_site):
    pasted = "Chères lectrices, chers lecteurs, ce mois-ci la Région " * 4
    result = build(tmp_path, build_site, edition(subject=pasted.strip()))
    assert problem_lines(result) == [
        (NAME, 4, f"the subject is {len(pasted.strip())} characters long")]
    assert "at most 150 characters" in result.problems[0].fix


def test_an_article_left_out_for_its_problems_is_named_not_called_missing(
        tmp_path, build_site):
    broken = article("gamma", "fr", date="2021-11-02", category="cooking")
    content, folder = write_site(tmp_path, {NAME: edition(articles="alpha, gamma")},
                                 **{"content/articles/gamma.fr.md": broken,
                                    # a good version in another language changes nothing
                                    "content/articles/gamma.en.md": article(
                                        "gamma", "en", date="2021-11-02")})
    result = build_site(content, editions=folder)
    broken_path = next(p.path for p in result.problems if p.path.endswith("gamma.fr.md"))
    edition_problems = [p for p in result.problems if p.path.endswith(NAME)]
    assert [(p.line, p.message) for p in edition_problems] == [
        (5, f"article `gamma` is left out: {broken_path} has problems")]
    assert "no article has the slug" not in str(result.problems)


def test_an_article_whose_image_an_email_cannot_show_gets_a_note(tmp_path, build_site):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"></svg>'
    vector = article("gamma", "fr", date="2021-11-02", image="images/plan.svg",
                     image_alt="Un plan")
    content, folder = write_site(tmp_path, {NAME: edition(articles="alpha, gamma")},
                                 **{"content/articles/gamma.fr.md": vector,
                                    "content/images/plan.svg": svg})
    result = build_site(content, editions=folder)
    assert result.ok, result.problems
    assert [(n.line, n.message) for n in result.notes if "SVG" in n.message] == [
        (5, "article `gamma` has no image in the email: mail clients do not show SVG")]


def test_an_http_link_in_the_introduction_fails_the_gate_on_its_own_line(
        tmp_path, build_site):
    content, folder = write_site(tmp_path, {NAME: edition(
        "Bonjour.\n\nSuite.\n\nVoir [le site](http://example.org/page).\n", status="ready")})
    result = build_site(content, editions=folder, production=True)
    assert problem_lines(result) == [
        (NAME, 12, "the fr email fails the quality gate (https): "
                   "http://example.org/page is not https://")]


def test_an_edition_number_00_is_an_error_and_markup_in_the_subject_a_note(
        tmp_path, build_site):
    content, folder = write_site(tmp_path, {"2021-00.fr.md": edition(
        number="2021-00", subject="Le <b>FEDER</b> &amp; la Région")})
    result = build_site(content, editions=folder)
    assert problem_lines(result) == [
        ("2021-00.fr.md", 1, "Number `2021-00` is not an edition number")]
    assert [(n.line, n.message) for n in result.notes if "typed" in n.message] == [
        (4, "`<b>` would be shown as typed: `Subject:` is plain text")]


def test_an_article_dated_after_its_edition_is_a_note_on_the_date(tmp_path, build_site):
    result = build(tmp_path, build_site, edition(date="2021-10-01"))  # alpha: 2021-10-29
    assert result.ok, result.problems
    assert [(n.line, n.message) for n in result.notes if "after the edition" in n.message] == [
        (2, "article `alpha` is dated 2021-10-29, after the edition")]
