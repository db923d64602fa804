"""Every file of the content and editions folders is read, published or reported: a page
or script among the images is never served from the site's address, and a text put in a
folder nobody reads is not silently left out."""

from __future__ import annotations

import os

import pytest
from contentkit import article, write_image, write_tree

from .kit import A, assert_reported, build, check


@pytest.mark.parametrize("stray", ["content/images/2026/page.html",
                                   "content/documents/2026/report.htm",
                                   "content/documents/2026/tracker.js",
                                   "content/images/2026/info.php",
                                   "content/documents/2026/vector.XHTML",
                                   "content/documents/2026/no-suffix"])
def test_a_file_that_could_run_on_the_site_is_not_published(tmp_path, stray):
    write_tree(tmp_path, {A: article(), stray: "<script>alert(document.cookie)</script>",
                          "content/documents/2026/report.pdf": "%PDF-1.4",
                          "content/documents/2026/figures.xlsx": "zip"})
    write_image(tmp_path / "content/images/2026/photo.jpg", size=(40, 30))
    for result in (check(tmp_path), build(tmp_path)):
        assert_reported(result, f"{stray}: error: ", "files are not published", "remove it")
        assert result.stderr.count("error:") == 1  # the PDF, sheet and photo are fine
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("misplaced", ["content/racine.fr.md", "content/drafts/x.fr.md",
                                       "content/2026/visit.nl.md"])
def test_markdown_outside_articles_and_pages_is_reported_not_left_out(tmp_path, misplaced):
    write_tree(tmp_path, {A: article(), misplaced: article(slug="other")})
    assert_reported(check(tmp_path), f"{misplaced}: error: ",
                    "in no folder that is read or published",
                    "articles go under articles/YEAR/")


def test_an_edition_saved_with_another_suffix_is_reported_not_dropped(tmp_path):
    write_tree(tmp_path, {A: article(), "editions/2026-13.fr.txt": "Number: 2026-13\n"})
    assert_reported(build(tmp_path), "editions/2026-13.fr.txt: error: ",
                    "only edition files ending in .md are read")


@pytest.mark.parametrize("name", [b"caf\xe9.fr.md", b"caf\xe9.jpg"])
def test_a_file_name_that_is_not_utf8_is_named_before_anything_reads_it(tmp_path, name):
    """A zip made on Windows keeps `café` in Latin-1: the name cannot be digested, written
    or printed as text, so it is reported first, with its byte shown."""
    write_tree(tmp_path, {A: article()})
    folder = tmp_path / "content/articles/2021"
    with open(os.path.join(os.fsencode(folder), name), "wb") as file:
        file.write(article(slug="cafe").encode())
    for result in (check(tmp_path), build(tmp_path)):
        assert_reported(result, "content/articles/2021/caf\\xe9.", "the name is not UTF-8 text",
                        "rename it")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("picture", ["content/images/scan.tif", "content/images/logo.BMP",
                                     "content/documents/photo.heic"])
def test_a_picture_browsers_cannot_show_is_told_to_be_saved_as_jpeg_or_png(tmp_path, picture):
    write_tree(tmp_path, {A: article(), picture: b"not shown"})
    assert_reported(check(tmp_path), f"{picture}: error: browsers do not show",
                    "save it as JPEG (a photo) or PNG")


def test_a_name_saved_with_accents_apart_is_named_with_a_plain_one_to_use(tmp_path):
    """macOS saves `élan` as `e` + a combining accent: a link typed with `é` misses it."""
    decomposed = "content/articles/2021/e\u0301lan.fr.md"
    write_tree(tmp_path, {A: article(), decomposed: article(slug="elan")})
    result = check(tmp_path)
    assert_reported(result, "error: the file name `\u00e9lan.fr.md` is saved with its accents "
                    "apart from their letters", "rename it without accents, e.g. `elan.fr.md`")
