"""The commands officers and CI rely on: plain Pelican, and the dev server."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from contentkit import article, write_tree
from support import ROOT, dev_server

BIN = Path(sys.executable).parent


def test_plain_pelican_builds_the_project(tmp_path):
    result = subprocess.run(
        [str(BIN / "pelican"), "content", "-s", "pelicanconf.py", "-o", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/index.html").is_file()
    assert (tmp_path / "out/nl/index.html").is_file()
    assert (tmp_path / "out/en/about/index.html").is_file()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("timed out waiting")


def test_dev_server_shows_a_bad_save_until_it_is_fixed(tmp_path):
    post = tmp_path / "content/articles/2021/visit.fr.md"
    write_tree(tmp_path, {"content/articles/2021/visit.fr.md":
                          article("visit", "fr", "Version une")})
    (tmp_path / "editions").mkdir()
    with dev_server(tmp_path) as port:
        check_problem_shown_until_fixed(tmp_path, post, port)


def check_problem_shown_until_fixed(tmp_path, post, port):
    url = f"http://127.0.0.1:{port}/2021/10/visit/"

    def page_says(text):
        def probe():
            try:
                return text in fetch(url)[1]
            except OSError:
                return False
        return probe

    wait_for(page_says("Version une"))
    time.sleep(0.5)  # let the watcher start
    post.write_text(article("visit", "fr", "Version deux", category="nope"), encoding="utf-8")
    wait_for(lambda: "unknown category `nope`" in (tmp_path / "serve.log").read_text())
    assert "the browser shows them" in (tmp_path / "serve.log").read_text()
    status, body = fetch(url)  # the problem, not the stale page
    assert status == 500 and "unknown category `nope`" in body
    assert "content/articles/2021/visit.fr.md" in body and "Version une" not in body
    post.write_text(article("visit", "fr", "Version trois"), encoding="utf-8")
    wait_for(page_says("Version trois"))
    status, body = fetch(f"http://127.0.0.1:{port}/nl/no-such-page/")
    assert status == 404 and 'lang="nl"' in body
    # links are absolute to this very server, whatever its port
    assert f'href="http://127.0.0.1:{port}/2021/10/visit/"' in fetch(url)[1]
