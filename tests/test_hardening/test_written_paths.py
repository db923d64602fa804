"""Folders and files that globe writes, when the user names a wrong one: a usage error
that names the option or setting, before anything is written; never `[Errno N]`."""

from __future__ import annotations

import pytest
from contentkit import article, write_tree

from .kit import A, build, check, run_globe


@pytest.fixture
def tree(tmp_path):
    write_tree(tmp_path, {A: article("visit", "fr"), "notes.txt": "keep me"})
    (tmp_path / "editions").mkdir()
    return tmp_path


def files_of(folder):
    return sorted(p.relative_to(folder) for p in folder.rglob("*"))


def assert_usage_error(result, *expected):
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "[Errno" not in result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr


@pytest.mark.parametrize("option, value, expected", [
    ("--report", "notes.txt", "argument --report: `notes.txt` is a file, not a folder"),
    ("--report", "notes.txt/report", "which is a file — give a folder"),
    ("--cache", ".", "argument --cache: `.` is a folder, not a file"),
    ("--cache", "notes.txt/links.json", "which is a file — give a file name"),
])
def test_a_links_report_or_cache_that_cannot_be_written_is_refused_first(tree, option, value,
                                                                          expected):
    before = files_of(tree)
    result = run_globe(tree, "links", "--external", "--content", "content", option, value)
    assert_usage_error(result, expected)
    assert files_of(tree) == before  # no report, no `.tmp` beside the cache


@pytest.mark.parametrize("cache", ["notes.txt", "notes.txt/cache"])
def test_a_cache_setting_under_a_file_stops_check_and_build_before_they_start(tree, cache):
    env = {"GLOBE_CACHE_PATH": str(tree / cache)}
    for result in (check(tree, env=env), build(tree, "site", env=env)):
        assert_usage_error(result, "GLOBE_CACHE_PATH: ", "set GLOBE_CACHE_PATH to a folder")
    assert not (tree / "site").exists()
    assert (tree / "notes.txt").read_text() == "keep me"


def test_an_output_under_a_file_is_refused(tree):
    result = build(tree, "notes.txt/site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "`notes.txt/site` is under " in result.stderr
    assert "choose a new or empty folder for the output" in result.stderr


def test_a_system_error_names_the_path_and_where_folders_come_from(tree):
    # /proc takes no new folder, even from root: the system refuses, not globe's checks
    result = build(tree, "/proc/globe-site")
    assert_usage_error(result, "globe stopped: /proc/", "GLOBE_* settings")
