"""Issue 8.7: careless files get a message naming file and line, and how to fix it."""

from __future__ import annotations

from urllib.parse import unquote

from bs4 import BeautifulSoup
from contentkit import article, write_image, write_tree
from PIL import Image

from .kit import A, assert_reported, build, check


def test_control_characters_are_errors_on_their_line(tmp_path):
    text = article("visit", "fr", body="Un\x00 paragraphe.\n\nAutre\x1b ligne.")
    write_tree(tmp_path, {A: text, "content/articles/2021/b.fr.md":
                          article("b", "fr", title="Titre\x0b vertical")})
    assert_reported(check(tmp_path), f"{A}:7: error:", f"{A}:9: error:", "U+0000",
                    "U+001B", "content/articles/2021/b.fr.md:1: error:", "U+000B")


def test_control_characters_written_as_codes_are_errors_on_their_line(tmp_path):
    """`&#x0B;` reaches the feeds as U+000B (which XML cannot carry), `&#x202E;` turns text
    around, U+2028 breaks lines in some editors only: each is refused where it is written,
    and an edition listing the article says why it is left out. `&#150;` is an en dash in
    every browser, and stays."""
    write_tree(tmp_path, {
        A: article("visit", "fr", body="Un &#x0B; et un &#8238;.\n\nUn tiret &#150; ici."),
        "content/articles/2021/b.fr.md": article("b", "fr", summary="Résumé &#x1b;"),
        "content/articles/2021/c.fr.md": article("c", "fr", body="Un\u2028deux."),
        "editions/2026-01.fr.md": "Number: 2026-01\nDate: 2026-01-10\nLang: fr\n"
                                  "Subject: Essai\nArticles: visit\n\nBonjour.\n"})
    result = build(tmp_path)
    assert_reported(result, f"{A}:7: error: the line writes an invisible control character "
                    "as a code (&#x0B;)", f"{A}:7: error: the line writes an invisible "
                    "control character as a code (&#8238;)", "delete the code `&#x0B;`",
                    "content/articles/2021/b.fr.md:6: error: the line writes",
                    "content/articles/2021/c.fr.md:7: error: the line contains an invisible "
                    "control character (U+2028)",
                    "editions/2026-01.fr.md:5: error: article `visit` is left out")
    assert "&#150;" not in result.stderr and "UnserializableContentError" not in result.stderr


def test_a_blank_line_inside_the_metadata_is_an_error_not_a_lost_image(tmp_path):
    """Below a blank line, `Image:` or `Status: ready` would be text: the hero would vanish
    and the edition stay a draft, each without a word. A text that starts with a word and
    a colon that is no key (`Note: …`) is text."""
    first = article("visit", "fr").split("\n")
    blank = first.index("Slug: visit") + 1
    first.insert(blank, "")
    first.insert(blank + 1, "Author: Cellule Communication")
    write_tree(tmp_path, {
        A: "\n".join(first),
        "content/articles/2021/b.fr.md": article("b", "fr", body="Note: un texte."),
        "editions/2026-01.fr.md": "Number: 2026-01\nDate: 2026-01-10\nLang: fr\n"
                                  "Subject: Essai\nArticles: b\n\nStatus: ready\n\nBonjour.\n"})
    result = check(tmp_path)
    assert_reported(result, f"{A}:{blank + 2}: error: `Author:` comes after the blank "
                    f"line that ends the metadata", f"remove the blank line {blank + 1}",
                    "editions/2026-01.fr.md:7: error: `Status:` comes after the blank line")
    assert "b.fr.md" not in result.stderr


def test_a_level_one_heading_is_one_error_on_its_own_line(tmp_path):
    """`#`, `===` or <h1>: one message, where it is written (the HTML policy once added a
    second one, on the text's first line)."""
    write_tree(tmp_path, {
        A: article(body="Intro.\n\nSuite.\n\n# Un grand titre\n\nFin."),
        "content/articles/2021/b.fr.md": article("b", body="Intro.\n\n<h1>Titre</h1>")})
    result = check(tmp_path)
    assert_reported(result, f"{A}:11: error: a level-1 heading in the text",
                    "content/articles/2021/b.fr.md:9: error: a level-1 heading in the text")
    assert result.stderr.count("error:") == 2


def test_an_address_hidden_behind_character_codes_is_reported_on_its_line(tmp_path):
    write_tree(tmp_path, {A: article(body="Intro [ici](https://example.org).\n\nSuite.\n\n"
                                          "Voir [w](&#106;avascript:alert(1)) et "
                                          "[x](jav&#x0A;ascript:alert(2)).")})
    result = check(tmp_path)
    assert_reported(result, f"{A}:11: error: the address `javascript:alert(1)` is not a web",
                    f"{A}:11: error: the address `jav\\x0aascript:alert(2)` is not a web")


def test_other_files_under_articles_are_errors_not_crashes(tmp_path):
    write_tree(tmp_path, {A: article(),
                          "content/articles/2021/old.rst": "Title\n=====\n\nText.\n",
                          "content/articles/2021/page.html":
                          "<html><head><title>T</title></head><body>x</body></html>",
                          "content/articles/2021/shout.MD": article("shout")})
    result = check(tmp_path)
    assert_reported(result, "content/articles/2021/old.rst: error:",
                    "content/articles/2021/page.html: error:",
                    "content/articles/2021/shout.MD: error:", "save it as .md")
    assert "AttributeError" not in result.stderr


def test_broken_images_are_errors_naming_them(tmp_path):
    write_image(tmp_path / "content/images/good.jpg", size=(400, 300))
    data = (tmp_path / "content/images/good.jpg").read_bytes()
    write_tree(tmp_path, {
        "content/images/truncated.jpg": data[: len(data) // 2],
        "content/images/text.jpg": b"this is not a picture",
        A: article("visit", "fr", image="images/truncated.jpg", image_alt="Vue",
                   body="Texte.\n\n![Vue](../../images/text.jpg)")})
    assert_reported(check(tmp_path), "content/images/truncated.jpg: error: the file is not "
                    "a complete image", "content/images/text.jpg: error: the file is not a "
                    "picture", f"{A}:6: error: image `images/truncated.jpg`",
                    f"{A}:11: error: image `../../images/text.jpg`", "save the picture again")


def test_a_decompression_bomb_is_a_content_error_not_a_warning(tmp_path):
    path = tmp_path / "content/images/bomb.png"
    path.parent.mkdir(parents=True)
    Image.new("1", (12000, 12000)).save(path)  # a few KB on disk, 144 megapixels
    assert path.stat().st_size < 100_000
    write_tree(tmp_path, {A: article("visit", "fr", image="images/bomb.png",
                                     image_alt="Vue")})
    assert_reported(check(tmp_path), "content/images/bomb.png: error: the image claims more "
                    "than 40 million pixels", f"{A}:6: error: image `images/bomb.png`",
                    "resize it")


def test_an_accented_image_name_builds(tmp_path):
    write_image(tmp_path / "content/images/réunion d'été.jpg", size=(400, 300))
    write_tree(tmp_path, {A: article("visit", "fr", body="![Une réunion](../../images/"
                                                          "réunion d'été.jpg)")})
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/images/réunion d'été.jpg").is_file()
    page = (tmp_path / "site/2021/10/visit/index.html").read_text(encoding="utf-8")
    src = BeautifulSoup(page, "html.parser").find("img", alt="Une réunion")["src"]
    assert unquote(src).endswith("/images/réunion d'été-400w.jpg")  # a published width


def test_a_file_name_a_url_cannot_carry_is_an_error(tmp_path):
    write_image(tmp_path / "content/images/what?#.jpg", size=(40, 30))
    write_tree(tmp_path, {A: article()})
    assert_reported(check(tmp_path), "content/images/what?#.jpg: error:", "rename it")


def test_the_same_slug_in_two_categories_is_one_clear_error(tmp_path):
    write_tree(tmp_path, {A: article("visit", "fr", category="europe"),
                          "content/articles/2022/visit.fr.md":
                          article("visit", "fr", category="bilateral", date="2022-01-01")})
    result = check(tmp_path)
    assert_reported(result, "content/articles/2022/visit.fr.md:5: error: slug `visit` is "
                    "already used")
    assert all(line.startswith("content/") or line.startswith("Check failed")
               for line in result.stderr.splitlines()), result.stderr


def test_a_missing_image_with_a_single_quoted_title(tmp_path):
    write_tree(tmp_path, {A: article("visit", "fr", body="Texte.\n\n![x](missing 'titre')")})
    assert_reported(check(tmp_path), f"{A}:9: error: image `missing` does not exist")


def test_an_unknown_page_template_is_an_error_on_its_line(tmp_path):
    write_tree(tmp_path, {A: article(), "content/pages/about.fr.md":
                          "Title: À propos\nLang: fr\nSlug: about\nTemplate: ../../etc/passwd\n"
                          "\nTexte.\n"})
    assert_reported(check(tmp_path), "content/pages/about.fr.md:4: error: unknown template",
                    "use one of:")


def test_c1_control_characters_are_errors_too(tmp_path):
    write_tree(tmp_path, {A: article("visit", "fr", body="Texte \u009b2J effacé.")})
    assert_reported(check(tmp_path), f"{A}:7: error:", "U+009B")


def test_an_svg_that_runs_or_loads_something_is_an_error(tmp_path):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}</svg>'
    write_tree(tmp_path, {
        A: article(),
        "content/images/script.svg": svg.format("<script>alert(1)</script>"),
        "content/images/remote.svg": svg.format('<image href="https://evil.example/x.png"/>'),
        "content/images/fine.svg": svg.format('<image href="data:image/png;base64,iVBO"/>'
                                              '<rect width="5" height="5"/>')})
    result = check(tmp_path)
    assert_reported(result, "content/images/script.svg: error:",
                    "content/images/remote.svg: error:")
    assert "fine.svg" not in result.stderr


def test_markdown_nested_too_deep_to_convert_is_an_error_on_its_line(tmp_path):
    """Python-Markdown recurses once per level: hundreds of levels exceed Python's limit."""
    nested = "".join("    " * depth + "- item\n" for depth in range(400))
    dashes = "- " * 600 + "x"  # one line: a list in a list in a list…
    in_summary = article("c", summary=dashes)
    summary_line = in_summary.split("\n").index(f"Summary: {dashes}") + 1
    write_tree(tmp_path, {A: article(body="Intro.\n\n" + nested),
                          "content/articles/2021/b.fr.md": article("b", body=dashes),
                          "content/articles/2021/c.fr.md": in_summary})
    result = check(tmp_path)
    # the first line past 20 levels (nesting.py), before Markdown tries
    assert_reported(result, f"{A}:{7 + 2 + 20}: error: this line nests quotes or lists more "
                    "than 20 levels deep", "content/articles/2021/b.fr.md:7: error: this line "
                    "nests", f"content/articles/2021/c.fr.md:{summary_line}: error: this line "
                    "nests", "keep lists and quotes to a few levels")
    assert "RecursionError" not in result.stderr and "Could not process" not in result.stderr


def test_a_text_that_takes_markdown_minutes_is_stopped_and_named(tmp_path):
    """Unclosed brackets cost Python-Markdown time that grows with their square: 60,000 on
    one line of a 60 KB file would take minutes; the conversion stops at its time limit."""
    bomb = "[" * 60_000
    write_tree(tmp_path, {A: article(body="Intro.\n\nSuite.\n\n" + bomb + "\n\nFin."),
                          "content/articles/2021/b.fr.md": article("b")})
    result = check(tmp_path)
    assert_reported(result, f"{A}:{7 + 4}: error: the text takes too long to convert",
                    "many `[` that are not closed", "close each `[` with `]`")
    assert "content/articles/2021/b.fr.md" not in result.stderr  # the other file is read


def test_an_override_that_shows_text_reversed_is_an_invisible_control_character(tmp_path):
    text = article("visit", "fr",
                   body="Virement vers \u202eLEB 2 09\u202c.\n\nUn \u2067isolat\u2069.")
    write_tree(tmp_path, {A: text})
    result = check(tmp_path)
    assert_reported(result, f"{A}:7: error:", "U+202E", "U+202C")
    assert "U+2067" not in result.stderr  # isolates are for mixed scripts: allowed


def test_metadata_indented_by_mistake_is_read_and_the_spaces_named(tmp_path):
    text = "  " + article("visit", "fr")  # the first line, pasted with its indentation
    write_tree(tmp_path, {A: text})
    result = check(tmp_path)
    assert_reported(result, f"{A}:1: error: the metadata line starts with spaces",
                    "remove the spaces before `Title:`")
    assert "has no metadata" not in result.stderr  # the other lines are still read
