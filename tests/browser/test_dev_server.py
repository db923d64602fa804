"""`globe serve` in Chromium: the page reloads by itself after a save, and a bad save shows
its problem in the browser (in the officer's language) until it is fixed."""

from __future__ import annotations

import time
import urllib.request

from contentkit import article, write_tree
from support import dev_server


def wait_until_served(url, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} was never served")


def test_page_reloads_after_a_save_and_shows_a_bad_save_until_fixed(tmp_path, browser):
    post = tmp_path / "content/articles/2021/visit.fr.md"
    write_tree(tmp_path, {"content/articles/2021/visit.fr.md": article("visit", "fr",
                                                                       "Version une")})
    (tmp_path / "editions").mkdir()
    with dev_server(tmp_path, GLOBE_LANG="fr") as port:
        check_reload_and_problems(browser, post, f"http://127.0.0.1:{port}/2021/10/visit/")


def check_reload_and_problems(browser, post, url):
    page = browser.new_page()
    try:
        wait_until_served(url)
        page.goto(url)
        assert "Version une" in page.inner_text("h1")
        page.wait_for_function("() => document.scripts.length > 0")
        time.sleep(0.5)  # the event stream is open
        page.evaluate("window.notReloaded = true")

        post.write_text(article("visit", "fr", "Version deux"), encoding="utf-8")
        page.wait_for_function("() => !window.notReloaded && "
                               "document.querySelector('h1').innerText.includes('Version deux')",
                               timeout=30000)

        page.evaluate("window.notReloaded = true")
        post.write_text(article("visit", "fr", "Version trois", category="nope"),
                        encoding="utf-8")
        page.wait_for_function("() => !window.notReloaded && document.querySelector('.problems')",
                               timeout=30000)
        assert page.inner_text("h1") == "Le site ne peut pas être construit"
        problem = page.inner_text(".problems li")
        assert "content/articles/2021/visit.fr.md:" in problem and "nope" in problem
        assert page.inner_text(".problems .fix")  # how to fix it

        post.write_text(article("visit", "fr", "Version quatre"), encoding="utf-8")
        page.wait_for_function("() => !document.querySelector('.problems') && "
                               "document.querySelector('h1').innerText.includes('Version quatre')",
                               timeout=30000)
    finally:
        page.close()
