"""The subscription form in Chromium: filled and sent, without JavaScript, in every language,
to a local endpoint standing in for listmonk's /subscription/form; axe finds nothing wrong."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from support import SAMPLE_CONTENT, SAMPLE_EDITIONS, free_port

from browser.axe import WCAG_AA, describe, run_axe
from browser.support import SCREENSHOTS, served_build
from globe import build as builds
from globe_core.languages import LANGUAGES

LISTS = builds.load_settings()["GLOBE_NEWSLETTER_LISTS"]


class FormEndpoint:
    """Records every POST it receives, as listmonk would receive the form."""

    def __init__(self):
        self.posts: list[tuple[str, dict]] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                fields = parse_qs(self.rfile.read(length).decode("utf-8"),
                                  keep_blank_values=True)
                endpoint.posts.append((self.path, fields))
                page = b"<!doctype html><html lang=en><title>ok</title><p>Received</p>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def endpoint():
    server = FormEndpoint()
    yield server
    server.close()


@pytest.fixture(scope="module")
def site(endpoint, tmp_path_factory):
    """The sample site, production build, its forms posting to the local endpoint."""
    output = tmp_path_factory.mktemp("subscribe") / "output"
    with served_build(SAMPLE_CONTENT, SAMPLE_EDITIONS, output, production=True,
                      GLOBE_LISTMONK_PUBLIC_URL=endpoint.url) as url:
        yield url


def subscribe_url(site: str, lang: str) -> str:
    return f"{site}/{'' if lang == 'fr' else lang + '/'}subscribe/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_form_sends_what_listmonk_expects_without_javascript(lang, site, endpoint,
                                                                 browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(subscribe_url(site, lang))
    endpoint.posts.clear()
    page.get_by_label(page.locator("label[for=subscribe-email]").inner_text()).fill(
        f"reader-{lang}@example.org")
    page.fill("#subscribe-name", "Amélie Lenoir")
    consent = page.locator("#subscribe-consent")
    assert not consent.is_checked()
    consent.check()
    with page.expect_navigation():
        page.click("button[type=submit]")
    context.close()
    [(path, fields)] = endpoint.posts
    assert path == "/subscription/form"
    assert fields == {"nonce": [""], "email": [f"reader-{lang}@example.org"],
                      "name": ["Amélie Lenoir"], "l": [LISTS[lang]], "consent": ["yes"]}


def test_another_language_can_be_chosen(site, endpoint, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(subscribe_url(site, "fr"))
    endpoint.posts.clear()
    page.fill("#subscribe-email", "lecteur@example.org")
    page.check("#subscribe-list-nl")
    page.check("#subscribe-consent")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # from the consent box: the keyboard sends it too
    context.close()
    [(_path, fields)] = endpoint.posts
    assert fields["l"] == [LISTS["nl"]] and fields["name"] == [""]


@pytest.mark.parametrize("missing", ["consent", "email"])
def test_nothing_is_sent_without_consent_or_address(missing, site, endpoint, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(subscribe_url(site, "en"))
    endpoint.posts.clear()
    if missing != "email":
        page.fill("#subscribe-email", "reader@example.org")
    if missing != "consent":
        page.check("#subscribe-consent")
    page.click("button[type=submit]")
    page.wait_for_timeout(300)
    field = "#subscribe-consent" if missing == "consent" else "#subscribe-email"
    assert page.eval_on_selector(field, "el => el.validity.valueMissing")
    assert page.url == subscribe_url(site, "en")
    context.close()
    assert endpoint.posts == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_nothing_on_the_subscribe_page_in_either_scheme(lang, site, browser):
    failures = []
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(subscribe_url(site, lang))
        violations = run_axe(page, tags=WCAG_AA)
        if violations:
            failures.append(f"[{scheme}]\n{describe(violations)}")
        context.close()
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_the_subscribe_page(width, site, browser):
    SCREENSHOTS.mkdir(exist_ok=True)
    written = []
    for lang, scheme in (("fr", "light"), ("nl", "dark")):
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      color_scheme=scheme)
        page = context.new_page()
        page.goto(subscribe_url(site, lang))
        path = SCREENSHOTS / f"{lang}-subscribe-{width}-{scheme}.png"
        page.screenshot(path=str(path), full_page=True)
        written.append(path)
        context.close()
    assert all(path.stat().st_size > 10_000 for path in written)
