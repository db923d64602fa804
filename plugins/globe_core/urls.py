"""Whether a URL points into our own site."""

from __future__ import annotations


def is_site_url(url: str, siteurl: str) -> bool:
    return url == siteurl or url.startswith(siteurl.rstrip("/") + "/")
