"""Option values no command can use: not UTF-8 (a name from another system's encoding),
or empty. A usage error naming the option (exit 2), never a traceback half-way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

GLOBE = str(Path(sys.executable).with_name("globe"))
NOT_UTF8 = os.fsdecode(b"site-\xff\xfe")


def globe(cwd, *args):
    return subprocess.run([GLOBE, *args], capture_output=True, text=True, cwd=cwd,
                          stdin=subprocess.DEVNULL, check=False, timeout=120,
                          env={**os.environ, "GLOBE_LANG": "en"}, errors="replace")


@pytest.mark.parametrize(("args", "option"), [
    (["build", "--output", NOT_UTF8], "--output"),
    (["serve", "--output", NOT_UTF8, "--port", "1"], "--output"),
    (["deploy", "--target", NOT_UTF8], "--target"),
    (["deploy", NOT_UTF8, "--target", "server"], "site"),  # positional: as -h names it
    (["newsletter", "handover", "--output", NOT_UTF8], "--output"),
])
def test_a_value_that_is_not_utf8_is_a_usage_error_naming_the_option(tmp_path, args, option):
    result = globe(tmp_path, *args)
    assert result.returncode == 2, result.stderr
    assert f"the value of {option} is not UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(os.listdir(tmp_path)) == []  # nothing made


@pytest.mark.parametrize("command", ["build", "serve"])
@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_output_folder_is_a_usage_error(tmp_path, command, value):
    result = globe(tmp_path, command, "--output", value)
    assert result.returncode == 2, result.stderr
    assert "--output: an empty name is not a folder" in result.stderr
    assert sorted(os.listdir(tmp_path)) == []


@pytest.mark.parametrize("tree", [[], ["articles"], ["articles", "pages", "images"]])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_content_folder_with_nothing_to_publish_is_said_so(tmp_path, tree, command):
    content = tmp_path / "content"
    content.mkdir()
    for name in tree:
        (content / name).mkdir()
    (tmp_path / "editions").mkdir()
    result = globe(tmp_path, command, "--content", "content", "--editions", "editions",
                   *(["--output", "site"] if command == "build" else []))
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("content: error: there is no article or page to publish")
    assert "--content" in result.stderr
    assert "Pagefind" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
