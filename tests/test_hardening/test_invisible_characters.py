"""Characters that show nothing, or stand for nothing: a Title of a zero-width space is an
empty title, a noncharacter or `&#xD800;` is shown as �, and `Tur\u200bquie` is a second
`Turquie` tag page that looks the same."""

from __future__ import annotations

from contentkit import article, write_tree

from .kit import A, assert_reported, check


def test_invisible_values_noncharacters_and_codes_for_no_character(tmp_path):
    write_tree(tmp_path, {
        A: article(body="Un \ufdd0 et un \U0001fffe.\n\n"
                        "Codes &#xD800; et &#55296; et &#x110000;."),
        "content/articles/2021/d.fr.md": article("d", title="\u200b\u2060"),
        "content/articles/2021/b.fr.md": article("b", tags="Turquie, Tur\u200bquie"),
        "content/articles/2021/c.fr.md": article("c", title="Un titre \u200b visible",
                                                 body="Un tiret &#150; et &#x1F600;.")})
    result = check(tmp_path)
    assert_reported(result, "content/articles/2021/d.fr.md:1: error: required metadata "
                    "`Title` is missing or empty",
                    f"{A}:7: error: the line contains an invisible control character (U+FDD0)",
                    "(U+1FFFE)", f"{A}:9: error: the code `&#xD800;` stands for no character",
                    "the code `&#55296;`", "the code `&#x110000;`",
                    "content/articles/2021/b.fr.md:6: error: the tags `Turquie` and "
                    "`Tur\u200bquie` are the same tag")
    assert "c.fr.md" not in result.stderr


def test_direction_isolates_left_open_in_a_value_are_errors(tmp_path):
    """A Title that opens a right-to-left isolate without closing it turns around what
    follows it wherever it stands alone: a feed entry, an email subject, a listing."""
    write_tree(tmp_path, {
        A: article(title="Visite \u2067عربي", tags="Turquie, \u2069x"),
        "content/articles/2021/b.fr.md": article("b", title="Visite \u2067عربي\u2069 ok"),
        "editions/2026-01.fr.md": "Number: 2026-01\nDate: 2026-01-10\nLang: fr\n"
                                  "Subject: Essai \u2066x\nArticles: b\n\nBonjour.\n"})
    result = check(tmp_path)
    assert_reported(result, f"{A}:1: error: the direction marks in `Title` are not balanced",
                    f"{A}:6: error: the direction marks in `Tags`",
                    "editions/2026-01.fr.md:4: error: the direction marks in `Subject`")
    assert "b.fr.md" not in result.stderr
