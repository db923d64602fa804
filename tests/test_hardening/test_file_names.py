"""File names that a checkout on another system, or the other language versions, would
read otherwise: names that differ only in capitals (one file on macOS and Windows), a
Markdown file whose name does not say its language, an edition ending in `.MD`."""

from __future__ import annotations

from contentkit import article, write_image, write_tree

from .kit import A, assert_reported, check


def test_names_differing_only_in_capitals_are_errors(tmp_path):
    write_image(tmp_path / "content/images/2021/photo.jpg")
    write_image(tmp_path / "content/images/2021/Photo.JPG")
    write_image(tmp_path / "content/images/Docs/a.jpg")
    write_image(tmp_path / "content/images/docs/b.jpg")
    write_tree(tmp_path, {A: article(), "content/articles/2021/Visit.fr.md": article("b")})
    assert_reported(check(tmp_path),
                    "content/images/2021/photo.jpg: error: `photo.jpg` and `Photo.JPG` differ "
                    "only in capitals", "content/images/docs: error: `docs` and `Docs`",
                    f"{A}: error: `visit.fr.md` and `Visit.fr.md` differ only in capitals")


def test_a_text_whose_name_does_not_say_its_language_is_an_error(tmp_path):
    write_tree(tmp_path, {
        "content/articles/2021/visit.md": article(),
        "content/articles/2021/b.de.md": article("b"),
        "content/articles/2021/c.FR.md": article("c"),
        "content/pages/about.md": "Title: À propos\nLang: fr\nSlug: about\n\nTexte.\n",
        "content/articles/2021/d.e.fr.md": article("d"),
        "editions/2026-01.fr.MD": "Number: 2026-01\nDate: 2026-01-10\nLang: fr\n"
                                  "Subject: Essai\nArticles: d\n\nBonjour.\n"})
    result = check(tmp_path)
    assert_reported(result, "content/articles/2021/visit.md:4: error: the file name `visit.md` "
                    "does not end in `.fr.md`, as its Lang says — rename the file "
                    "`visit.fr.md`", "content/articles/2021/b.de.md:4: error:",
                    "content/articles/2021/c.FR.md:4: error:",
                    "content/pages/about.md:2: error: the file name `about.md`",
                    "editions/2026-01.fr.MD: error: `.MD` is not read")
    assert "d.e.fr.md" not in result.stderr
