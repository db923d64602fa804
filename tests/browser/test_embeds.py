"""Click-to-load embeds in a real browser: nothing from the host until the visitor asks."""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

import pytest
from contentkit import article, write_tree
from support import free_port

from browser.axe import describe, run_axe
from globe.serve import make_server

VIDEO = ('<iframe src="https://www.youtube-nocookie.com/embed/abc123XYZ" '
         'title="Brussels Days at Expo 2020"></iframe>')


@pytest.fixture
def embed_site(build_site, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    content = write_tree(tmp_path / "content",
                         {"articles/visit.fr.md": article(body=f"Avant.\n\n{VIDEO}\n\nAprès.")})
    result = build_site(content, production=True, SITEURL=url)
    assert result.ok, result.problems
    server = make_server(str(tmp_path / "output"), port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"{url}/2021/10/visit/"
    server.shutdown()
    server.server_close()


def test_video_loads_only_after_the_visitor_clicks(embed_site, browser):
    context = browser.new_context()
    hosts = []
    context.on("request", lambda request: hosts.append(urlsplit(request.url).hostname))
    # Nothing may leave the machine: answer for the video host with an empty page.
    context.route("https://www.youtube-nocookie.com/**",
                  lambda route: route.fulfill(status=200, body="<p>video</p>",
                                              content_type="text/html"))
    page = context.new_page()
    page.goto(embed_site, wait_until="networkidle")
    assert set(hosts) == {"127.0.0.1"}
    assert page.locator("iframe").count() == 0
    assert run_axe(page) == [], describe(run_axe(page))
    button = page.locator("button.embed__load")
    assert button.is_visible()
    # The frame's request starts after the click returns: wait for it, not for idle.
    with page.expect_request(lambda request: "youtube-nocookie" in request.url):
        button.click()
    frame = page.locator("figure.embed iframe")
    assert frame.count() == 1
    assert frame.get_attribute("title") == "Brussels Days at Expo 2020"
    assert page.locator("a.embed__link").is_visible()  # the plain link stays
    context.close()


def test_without_javascript_the_placeholder_offers_a_plain_link(embed_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(embed_site)
    assert page.locator("button.embed__load").is_hidden()
    link = page.locator("a.embed__link")
    assert link.is_visible()
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=abc123XYZ"
    assert page.locator("iframe").count() == 0
    context.close()
