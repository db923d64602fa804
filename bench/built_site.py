"""Reading a built site: parsed pages, where each kind of page lives, page-weight budgets.

Used by `make bench` (page_budgets.py) and by the tests (pytest puts bench/ on the path).
"""

from __future__ import annotations

import gzip
from pathlib import Path

from bs4 import BeautifulSoup

from globe_core.languages import LANGUAGES

SITEURL = "https://international.brussels"


def prefix(lang: str) -> str:
    return "" if lang == "fr" else f"{lang}/"


def soup(output: Path, path: str) -> BeautifulSoup:
    file = output / path
    if file.is_dir() or path.endswith("/") or not path:
        file = file / "index.html"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def article_paths(output: Path, lang: str) -> list[str]:
    """Paths like 'nl/2021/10/slug/' of every article of one language."""
    base = output / prefix(lang)
    return sorted(prefix(lang) + index.parent.relative_to(base).as_posix() + "/"
                  for index in base.glob("[12][0-9][0-9][0-9]/[01][0-9]/*/index.html"))


def trilingual_article(output: Path) -> str:
    """The path (without language prefix) of an article that exists in fr, nl and en."""
    common = set(article_paths(output, "fr"))
    for lang in LANGUAGES[1:]:
        common &= {p.removeprefix(prefix(lang)) for p in article_paths(output, lang)}
    assert common, "the sample site has no article in all three languages"
    return min(common)


def url_to_file(output: Path, url: str) -> Path:
    """The built file an absolute site URL is served from."""
    assert url.startswith(SITEURL + "/"), url
    path = url[len(SITEURL) + 1:]
    return output / path / "index.html" if path.endswith("/") or not path else output / path


# Performance budgets, measured on the built files (gzip, level 9 as a server would).
CSS_JS_BUDGET = 30 * 1024  # bytes compressed, per article page
HTML_BUDGET = 40 * 1024  # bytes compressed, per article page


def gzipped(path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def assets_of(output, path):
    page = soup(output, path)
    urls = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    urls += [script["src"] for script in page.select("script[src]")]
    assert all(url.startswith(SITEURL + "/") for url in urls)
    return [url_to_file(output, url) for url in urls]
