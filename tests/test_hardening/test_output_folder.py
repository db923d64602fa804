"""Issue 8.1: a build never deletes what it did not make (sources, a repository, a folder)."""

from __future__ import annotations

import os
import subprocess

import pytest
from contentkit import article, write_tree

from globe import output_folder

from .kit import A, assert_reported, build, run_globe


@pytest.fixture
def tree(tmp_path):
    write_tree(tmp_path, {A: article("visit", "fr")})
    (tmp_path / "editions").mkdir()
    return tmp_path


def untouched(tree):
    assert (tree / A).read_text(encoding="utf-8").startswith("Title:")


@pytest.mark.parametrize("output", [".", "content", "content/articles", "editions",
                                    "content/site"])
def test_an_output_over_or_inside_a_source_folder_is_refused(tree, output):
    result = build(tree, output)
    assert_reported(result, output, "choose a new or empty folder")
    untouched(tree)
    assert (tree / "editions").is_dir()


def test_an_output_containing_a_git_repository_is_refused(tree):
    subprocess.run(["git", "init", "-q", str(tree / "project")], check=True)
    write_tree(tree, {"project/notes.md": "keep me"})
    result = run_globe(tree / "project", "build", "--content", "../content", "--editions",
                       "../editions", "--output", ".")
    assert_reported(result, "git repository")
    assert (tree / "project/.git").is_dir() and (tree / "project/notes.md").is_file()
    result = build(tree, "project")  # the repository as output, from outside it
    assert_reported(result, "project")
    assert (tree / "project/.git").is_dir()


def test_a_folder_the_build_did_not_make_is_left_alone(tree):
    write_tree(tree, {"photos/holiday.jpg": b"not mine to delete"})
    result = build(tree, "photos")
    assert_reported(result, "photos", "did not make")
    assert (tree / "photos/holiday.jpg").read_bytes() == b"not mine to delete"


def test_a_file_as_output_is_an_error_and_stays(tree):
    (tree / "notes.txt").write_text("precious", encoding="utf-8")
    result = build(tree, "notes.txt")
    assert_reported(result, "notes.txt", "is a file")
    assert (tree / "notes.txt").read_text(encoding="utf-8") == "precious"


def test_the_build_replaces_its_own_output_and_an_empty_folder(tree):
    (tree / "site").mkdir()
    assert build(tree, "site").returncode == 0
    assert (tree / "site" / output_folder.MARKER).is_file()
    result = build(tree, "site")
    assert result.returncode == 0, result.stderr
    assert (tree / "site/2021/10/visit/index.html").is_file()


def test_an_output_that_is_a_link_builds_into_the_folder_it_points_to(tree):
    (tree / "www").mkdir()  # e.g. a web server's root, linked from the project
    (tree / "site").symlink_to(tree / "www")
    for _round in range(2):  # the first build, then one that replaces it
        result = build(tree, "site")
        assert result.returncode == 0, result.stderr
    assert (tree / "site").is_symlink()
    assert (tree / "www/2021/10/visit/index.html").is_file()


def test_an_output_that_is_a_link_to_nowhere_is_refused_by_name(tree):
    (tree / "site").symlink_to(tree / "nowhere")
    result = build(tree, "site")
    assert_reported(result, "site: error: the output `site` is a symbolic link to "
                            f"{tree / 'nowhere'}, which does not exist")
    assert (tree / "site").is_symlink() and not (tree / "nowhere").exists()


def test_staging_folders_of_a_killed_build_are_cleaned_up(tree):
    dead = subprocess.Popen(["true"])
    dead.wait()
    leftover = tree / f".globe-build-site-{dead.pid}-abc123"
    retired = tree / f".globe-old-site-{dead.pid}-def456"
    running = tree / f".globe-build-site-{os.getpid()}-xyz789"  # a build still going
    for folder in (leftover, retired, running):
        write_tree(folder, {"index.html": "half"})
    assert build(tree, "site").returncode == 0
    assert not leftover.exists() and not retired.exists()
    assert running.exists()
    assert not [p for p in tree.iterdir() if p.name.startswith(".globe-build-site-")
                and p != running]


def test_serve_refuses_the_same_outputs(tree):
    result = run_globe(tree, "serve", "--content", "content", "--editions", "editions",
                       "--output", "content", "--port", "1", timeout=60)
    assert_reported(result, "content", "choose a new or empty folder")
    untouched(tree)
