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


def test_values_readers_see_refuse_invisible_format_and_private_use_characters(tmp_path):
    """A value stands alone (a feed's title, an inbox's subject, a tag's page): a byte
    order mark or an invisible operator in it shows nothing, and a private-use character
    (a Wingdings bullet pasted from Word) a box. Each is an error on its key's line; the
    characters a body refuses are refused in values too, on their line."""
    write_tree(tmp_path, {
        "content/images/2021/x.jpg": write_image_bytes(),
        A: article(title="Visite\ufeff à Ankara", summary="Un \ue000 résumé",
                   image="images/2021/x.jpg", image_alt="Plan \U000f0000 de ville",
                   image_caption="Légende \U0010fffd", image_credit="© BI\u2062"),
        "content/articles/2021/b.fr.md": article(
            "b", category="bilateral\u206a", tags="Turquie, An\ufff9kara", author="Jean"
            "\u2061 Dupont"),
        "content/articles/2021/c.fr.md": article(
            "c", summary="Un code &#xFEFF; invisible", title="Titre \u202e inversé"),
        "content/articles/2021/d.fr.md": article("d", summary="Une puce &#xF0B7; de Word"),
        "content/articles/2021/ok.fr.md": article(
            "ok", title="Un titre \u200b coupé, 👩\u200d💻 et 🏴\U000e0067\U000e0062"
                        "\U000e0077\U000e006c\U000e0073\U000e007f", summary="Mot\u00adcoupé"),
        "editions/2026-01.fr.md": "Number: 2026-01\nDate: 2026-01-10\nLang: fr\n"
                                  "Subject: Essai \uf0b7 puce\nArticles: ok\n\nBonjour.\n"})
    result = check(tmp_path)
    invisible = "error: the line contains an invisible control character"
    private = "contains a private-use character"
    assert_reported(
        result, f"{A}:1: {invisible} (U+FEFF) — delete it",
        f"{A}:6: error: `Summary` {private} (U+E000), which each font shows differently",
        f"{A}:8: error: `Image_alt` {private} (U+F0000)",
        f"{A}:9: error: `Image_caption` {private} (U+10FFFD)",
        f"{A}:10: {invisible} (U+2062)",
        f"content/articles/2021/b.fr.md:3: {invisible} (U+206A)",
        f"content/articles/2021/b.fr.md:6: {invisible} (U+FFF9)",
        f"content/articles/2021/b.fr.md:7: {invisible} (U+2061)",
        "content/articles/2021/c.fr.md:1: error: the line contains an invisible control "
        "character (U+202E)",
        "content/articles/2021/d.fr.md:6: error: `Summary` contains a private-use "
        "character (&#xF0B7;)",
        "editions/2026-01.fr.md:4: error: `Subject` contains a private-use character "
        "(U+F0B7), which each font shows differently, or as a box — retype the value")
    assert "ok.fr.md" not in result.stderr
    assert "Check failed: 12 problem(s)." in result.stderr  # one more: the category


def write_image_bytes() -> bytes:
    from io import BytesIO  # noqa: PLC0415

    from PIL import Image  # noqa: PLC0415

    data = BytesIO()
    Image.new("RGB", (160, 90), (10, 61, 145)).save(data, "JPEG")
    return data.getvalue()
