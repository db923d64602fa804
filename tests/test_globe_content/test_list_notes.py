"""A list typed right under a line of text is shown as text in that paragraph: a note
names the line of its first item (the archive has such text, so nothing stops), and text
that only looks like a list, or a list Markdown does make, gets none."""

from __future__ import annotations

import os

from contentkit import article, write_tree

from .test_content_errors import run_globe

NOTE = "this list is right under a line of text, so it would be shown as text in that " \
       "paragraph"


def notes_of(result) -> list[tuple[str, int, str]]:
    return sorted((os.path.basename(n.path), n.line, n.message) for n in result.notes)


def test_lists_right_under_a_line_of_text_get_a_note_on_their_first_item(
        tmp_path, build_site):
    body = "\n".join([
        "Au programme :",  # 7
        "- la visite du port",  # 8: one bullet, announced by the colon
        "",
        "Les étapes",
        "1. le départ",  # 11
        "2. l'arrivée",
        "",
        "Les partenaires",
        "* Ankara",  # 15
        "* Istanbul",
        "",
        "Et encore  ",  # a line break does not start a list either
        "+ Izmir",  # 19
        "+ Bursa",
    ])
    write_tree(tmp_path / "content", {"articles/2021/visit.fr.md": article(body=body)})
    result = build_site(tmp_path / "content")
    assert result.ok, result.problems  # a note: the build goes on
    assert notes_of(result) == [("visit.fr.md", line, NOTE) for line in (8, 11, 15, 19)]
    assert all(n.fix == "leave a blank line before the list to make it a list"
               for n in result.notes)
    page = (tmp_path / "output/2021/10/visit/index.html").read_text(encoding="utf-8")
    # as the note says
    assert "<p>Au programme :\n- la visite du port</p>" in page
    assert "Les partenaires\n* Ankara\n* Istanbul</p>" in page


def test_text_that_only_looks_like_a_list_and_lists_markdown_makes_get_no_note(
        tmp_path, build_site):
    body = "\n".join([
        "La hausse a été de",
        "- 3 % en 2020, puis de 5 % en 2021.",  # a wrapped sentence: one dash, no colon
        "",
        "Il est parti en",
        "2021. Puis il est revenu.",  # a year, not a numbered list
        "",
        "Une liste :",
        "",
        "- après une ligne vide",
        "- suite",
        "  continuée",
        "- fin",
        "",
        "## Un intertitre",
        "- sous un intertitre",
        "- suite",
        "",
        "Un titre souligné",
        "-----------------",
        "- sous lui",
        "",
        "Un texte",
        "* * *",  # a rule, then a list
        "- sous la règle",
        "- suite",
        "",
        "> Une citation",
        "- dans la citation",
        "- suite",
        "",
        "| a | b |",
        "|---|---|",
        "| 1 | 2 |",
        "- dans le tableau",
        "- suite",
        "",
        "    du code :",
        "    - pas une liste",
        "    - suite",
        "",
        "```",
        "un bloc :",
        "- pas une liste",
        "- suite",
        "```",
        "",
        "<div>",
        "",
        "En HTML :",
        "- pas une liste",
        "- suite",
        "",
        "</div>",
        "",
        "Un mot",
        "*important* ici",
        "*vraiment* ici",
    ])
    write_tree(tmp_path / "content", {"articles/2021/visit.fr.md": article(body=body)})
    result = build_site(tmp_path / "content")
    assert result.ok, result.problems
    assert notes_of(result) == []


def test_globe_check_shows_the_note_and_passes(tmp_path):
    write_tree(tmp_path, {"content/articles/2021/visit.fr.md": article(
        body="Au programme :\n- la visite\n- la signature\n")})
    result = run_globe(tmp_path, "check", "--content", "content", "--editions", "editions")
    assert result.returncode == 0, result.stderr
    assert f"content/articles/2021/visit.fr.md:8: note: {NOTE} — leave a blank line" \
        in result.stderr
