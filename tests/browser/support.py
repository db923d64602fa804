"""What the browser tests share besides fixtures: languages, screenshot folder, request log."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

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
