"""`globe links --external` against a local server answering 200, 301, 404, 500, slowly,
and a port where nothing answers at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from contentkit import article, page, write_tree
from support import free_port

from globe import build as builds
from globe.external_links import CheckOptions, LinkCache, LinkChecker
from globe.link_report import check_external_links

GLOBE = str(Path(sys.executable).with_name("globe"))


class Handler(BaseHTTPRequestHandler):
    hits: Counter
    active: Counter
    most_at_once: Counter
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def answer(self, send_body: bool):
        path = self.path.split("?")[0]
        with self.lock:
            self.hits[path] += 1
            self.active["all"] += 1
            self.most_at_once["all"] = max(self.most_at_once["all"], self.active["all"])
        try:
            if path == "/slow":
                time.sleep(1.5)
            status = {"/ok": 200, "/moved": 301, "/missing": 404, "/broken": 500,
                      "/slow": 200, "/head-refused": 405}.get(path, 200)
            if path.startswith("/many/"):
                time.sleep(0.2)
            if path == "/head-refused" and self.command == "GET":
                status = 200
            self.send_response(status)
            if status == 301:
                self.send_header("Location", "/ok")
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "2")
            self.end_headers()
            if send_body:
                self.wfile.write(b"ok")
        finally:
            with self.lock:
                self.active["all"] -= 1

    def do_HEAD(self):
        self.answer(False)

    def do_GET(self):
        self.answer(True)


@pytest.fixture
def remote(tmp_path):
    """A small 'other site' on 127.0.0.1; counts the requests it gets."""
    handler = type("CountingHandler", (Handler,), {
        "hits": Counter(), "active": Counter(), "most_at_once": Counter()})
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


def site_linking_to(tmp_path, base: str, dead: str):
    return write_tree(tmp_path / "content", {
        "articles/visit.fr.md": article(body=f"[a]({base}/ok) [b]({base}/moved) "
                                        f"[c]({base}/missing) [d]({base}/slow)"),
        "articles/trade.fr.md": article("trade", date="2021-10-20",
                                        body=f"[e]({base}/broken) [f]({dead}/) [g]({base}/ok)"),
        "pages/about.fr.md": page(body=f"[h]({base}/head-refused)"),
    })


def settings_for(content, tmp_path, **overrides):
    return builds.load_settings(content, tmp_path / "no-editions", production=True, overrides={
        "GLOBE_LINKS_CACHE": str(tmp_path / "cache" / "links.json"),
        "GLOBE_LINKS_TIMEOUT": 0.5, "GLOBE_LINKS_ATTEMPTS": 2, "GLOBE_LINKS_BACKOFF": 0.05,
        **overrides})


def test_the_report_groups_failing_links_by_article_with_their_status(tmp_path, remote):
    base, handler = remote
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    content = site_linking_to(tmp_path, base, dead)
    run = check_external_links(settings_for(content, tmp_path), str(tmp_path / "report"))
    assert not run.problems
    report = json.loads((tmp_path / "report" / "links.json").read_text())
    by_source = {os.path.basename(p["source"]): {link["url"]: link for link in p["links"]}
                 for p in report["pages"]}
    visit, trade = by_source["visit.fr.md"], by_source["trade.fr.md"]
    assert visit[f"{base}/ok"]["ok"] and visit[f"{base}/ok"]["status"] == 200
    assert visit[f"{base}/moved"]["redirected_from"] == 301
    assert visit[f"{base}/moved"]["final_url"] == f"{base}/ok"
    assert visit[f"{base}/missing"]["status"] == 404 and not visit[f"{base}/missing"]["ok"]
    assert visit[f"{base}/slow"]["error"] == "timeout"
    assert trade[f"{base}/broken"]["status"] == 500
    assert trade[f"{dead}/"]["error"] == "no-answer"
    assert by_source["about.fr.md"][f"{base}/head-refused"]["ok"]  # GET after a refused HEAD
    # temporary failures are retried, permanent ones are not
    assert handler.hits["/broken"] == 2 and handler.hits["/missing"] == 1
    assert handler.hits["/slow"] == 2
    assert report["summary"]["failing"] == 4
    # only what authors wrote is checked: share buttons and the like are not asked for
    assert {url.split("/")[2] for p in report["pages"] for url in
            (link["url"] for link in p["links"])} <= {base.split("/")[2], dead.split("/")[2]}
    markdown = (tmp_path / "report" / "links.md").read_text()
    assert "## " in markdown and "visit.fr.md" in markdown and "trade.fr.md" in markdown
    assert f"{base}/missing | ❌ 404" in markdown
    assert f"| {base}/ok |" not in markdown  # good links are not listed
    assert "301 → " in markdown


def test_a_re_run_only_asks_again_for_what_is_stale_or_failing(tmp_path, remote):
    base, handler = remote
    content = site_linking_to(tmp_path, base, f"http://127.0.0.1:{free_port()}")
    settings = settings_for(content, tmp_path)
    first = check_external_links(settings, str(tmp_path / "report"))
    before = Counter(handler.hits)
    second = check_external_links(settings, str(tmp_path / "report"))
    assert len(second.requested) < len(first.requested)
    assert handler.hits["/ok"] == before["/ok"]  # fresh: from the cache
    assert handler.hits["/missing"] == before["/missing"] + 1  # failing: asked again
    assert second.results[f"{base}/ok"].ok
    stale = settings_for(content, tmp_path, GLOBE_LINKS_MAX_AGE_DAYS=0)
    check_external_links(stale, str(tmp_path / "report"))
    assert handler.hits["/ok"] > before["/ok"]  # stale: asked again


def test_requests_to_one_host_are_limited(tmp_path, remote):
    base, handler = remote
    urls = [f"{base}/many/{n}" for n in range(8)]
    checker = LinkChecker(CheckOptions(timeout=5, per_host=2, workers=8),
                          LinkCache(str(tmp_path / "cache.json")))
    results = checker.check(urls)
    assert all(r.ok for r in results.values()) and len(results) == 8
    assert handler.most_at_once["all"] == 2


def test_the_command_writes_a_report_and_does_not_fail_on_dead_links(tmp_path, remote):
    base, _handler = remote
    content = write_tree(tmp_path / "content", {
        "articles/visit.fr.md": article(body=f"[a]({base}/ok) [c]({base}/missing)")})
    (tmp_path / "editions").mkdir()
    done = subprocess.run(
        [GLOBE, "links", "--external", "--content", str(content), "--editions",
         str(tmp_path / "editions"), "--report", str(tmp_path / "report"),
         "--cache", str(tmp_path / "links.json")],
        capture_output=True, text=True, env={**os.environ, "GLOBE_LANG": "en"},
        cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert "1 failing" in done.stdout and "links.md" in done.stdout
    assert f"{base}/missing" in (tmp_path / "report" / "links.md").read_text()
    assert f"{base}/ok" in (tmp_path / "links.json").read_text()  # the cache it was told
