"""What the browser tests share besides fixtures: screenshot folder, request log, a served build."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from support import free_port

from globe import build as builds
from globe.serve import make_server

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


class RequestLog:
    """Every request a page makes, to prove nothing leaves the site's own host."""

    def __init__(self, site_url: str):
        self.host = urlsplit(site_url).netloc
        self.urls: list[str] = []

    def record(self, request):
        self.urls.append(request.url)

    def foreign(self) -> list[str]:
        return [url for url in self.urls
                if not url.startswith(("data:", "blob:", "about:"))
                and urlsplit(url).netloc != self.host]


@contextmanager
def served_build(content, editions, output: Path, production=False, **overrides):
    """Build a tree with SITEURL on a free port of 127.0.0.1, serve it there, yield the URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    settings = builds.load_settings(content, editions, production,
                                    overrides={"SITEURL": url, **overrides})
    result = builds.build(settings, str(output))
    assert result.ok, "\n".join(map(str, result.problems))
    server = make_server(str(output), port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
