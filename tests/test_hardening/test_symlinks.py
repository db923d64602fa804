"""Issue 8.2: nothing outside the content tree reaches the site, whatever links point to."""

from __future__ import annotations

import os

from contentkit import article, write_image, write_tree

from .kit import A, assert_reported, build, check

SECRET = "TOKEN=s3cr3t-do-not-publish"


def tree_with_secret(tmp_path):
    write_tree(tmp_path, {A: article("visit", "fr"), "elsewhere/secret.txt": SECRET,
                          "elsewhere/notes/a.md": SECRET})
    write_image(tmp_path / "elsewhere/photo.jpg", size=(40, 30))
    return tmp_path


def no_secret_in(folder):
    for path in folder.rglob("*"):
        assert not path.is_symlink(), path
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_links_out_of_the_content_folder_are_errors_naming_them(tmp_path):
    tree = tree_with_secret(tmp_path)
    images = tree / "content/images"
    images.mkdir(parents=True)
    os.symlink(tree / "elsewhere/secret.txt", images / "environ.txt")
    os.symlink(tree / "elsewhere/photo.jpg", images / "photo.jpg")
    os.symlink(tree / "elsewhere/notes", images / "notes")
    os.symlink("/proc/self/environ", images / "env.jpg")
    os.symlink(tree / "elsewhere/secret.txt", tree / "content/articles/2021/other.fr.md")
    os.symlink(tree / "nowhere.jpg", images / "dangling.jpg")
    result = build(tree)
    assert_reported(result,
                    "content/images/environ.txt: error: `content/images/environ.txt` is a "
                    "link to", "content/images/photo.jpg: error:",
                    "content/images/notes: error: `content/images/notes` is a link to the "
                    "folder", "content/images/env.jpg: error:",
                    "content/articles/2021/other.fr.md: error:",
                    "content/images/dangling.jpg: error:", "replace the link by a copy")
    assert SECRET not in result.stderr  # the linked file is never read
    assert not (tree / "site").exists()


def test_an_edition_linked_from_outside_is_not_read(tmp_path):
    tree = tree_with_secret(tmp_path)
    (tree / "editions").mkdir()
    os.symlink(tree / "elsewhere/secret.txt", tree / "editions/2021-15.fr.md")
    result = check(tree)
    assert_reported(result, "editions/2021-15.fr.md: error:")
    assert SECRET not in result.stderr


def test_links_inside_the_tree_are_published_as_regular_files(tmp_path):
    tree = tree_with_secret(tmp_path)
    write_image(tree / "content/images/2021/photo.jpg", size=(40, 30))
    os.symlink("photo.jpg", tree / "content/images/2021/same-photo.jpg")
    write_tree(tree, {A: article("visit", "fr", body="![Une photo](../../images/2021/"
                                                      "same-photo.jpg)")})
    result = build(tree)
    assert result.returncode == 0, result.stderr
    copied = tree / "site/images/2021/same-photo.jpg"
    assert copied.is_file() and not copied.is_symlink()
    no_secret_in(tree / "site")


def test_hidden_files_are_never_published(tmp_path):
    write_image(tmp_path / "content/images/2021/photo.jpg", size=(40, 30))
    write_tree(tmp_path, {A: article(), "content/images/.env": SECRET,
                          "content/images/.git/config": SECRET,
                          "content/images/2021/.photo.jpg.swp": SECRET})
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/images/2021/photo.jpg").is_file()
    no_secret_in(tmp_path / "site")
