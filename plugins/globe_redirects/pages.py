"""Plain redirect pages for old addresses without a query string, so that any static
host redirects too (the nginx map does it with a real 301 where nginx serves the site).

The only strings here are read by visitors: they are in the theme's catalogue.
"""

from __future__ import annotations

import html
import os

from .table import Redirect

LONGEST_NAME = 255  # bytes of a file or folder name, on most file systems

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>{moved} <a href="{url}">{link}</a></p>
</body>
</html>
"""


def redirect_page(redirect: Redirect, site_url: str, gettext) -> str:
    url = html.escape(site_url.rstrip("/") + redirect.new)
    return PAGE.format(lang=redirect.lang, url=url, title=html.escape(gettext("Page moved")),
                       moved=html.escape(gettext("This page has moved.")),
                       link=html.escape(gettext("Go to its new address")))


def page_path(output: str, old_path: str) -> str | None:
    """Where a static server looks for `old_path`; None if it is not a path we can serve."""
    relative = old_path.strip("/")
    if not relative or any(part in ("", ".", "..") or len(part.encode()) > LONGEST_NAME
                           for part in relative.split("/")):
        return None  # the nginx map still redirects it
    if os.path.splitext(relative)[1].lower() in (".html", ".htm"):
        return os.path.join(output, relative)
    return os.path.join(output, relative, "index.html")


def site_file_at(output: str, old_path: str) -> str | None:
    """The file the build wrote that `old_path` names (`robots.txt`; `nl/index.html` for
    `/nl`), relative to `output`, or None. The server's redirect map would answer for
    it before serving that file."""
    relative = old_path.strip("/")
    for candidate in (relative, f"{relative}/index.html") if relative else ():
        if os.path.isfile(os.path.join(output, candidate)):  # False for a name too long
            return candidate
    return None


def _under_a_file(output: str, path: str) -> bool:
    """Whether a folder `path` needs is a file (`robots.txt` for `/robots.txt/x/`)."""
    folder = os.path.dirname(path)
    while len(folder) > len(output):
        if os.path.isfile(folder):
            return True
        folder = os.path.dirname(folder)
    return False


def write_redirect_pages(output: str, redirects: list[Redirect], site_url: str,
                         gettext_for) -> int:
    """Write a page per path-only redirect, never over a file the build wrote."""
    written = 0
    for redirect in redirects:
        if redirect.old.has_query:
            continue
        path = page_path(output, redirect.old.path)
        if path is None or os.path.exists(path) or _under_a_file(output, path):
            continue  # the nginx map still redirects it
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(redirect_page(redirect, site_url, gettext_for(redirect.lang)))
        written += 1
    return written
