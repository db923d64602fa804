"""The sample site's pages, one of every type in every language, found in a build's output.

Kept out of conftest so that tests import it as a module (`from browser.pages import ...`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from globe_core.languages import LANGUAGES


@dataclass(frozen=True)
class SitePage:
    lang: str
    kind: str  # home, article, page, category, tag, archives, year, 404, newsletter, edition
    path: str  # URL path under the site root, e.g. "nl/2021/10/x/"

    def url(self, site_url: str) -> str:
        return f"{site_url}/{self.path}"


def _prefix(lang: str) -> str:
    return "" if lang == "fr" else f"{lang}/"


def _first_dir(folder: Path) -> str | None:
    if not folder.is_dir():
        return None
    found = sorted(p.name for p in folder.iterdir() if (p / "index.html").is_file())
    return found[0] if found else None


def _largest_dir(folder: Path) -> str | None:
    """The listing with the most content (the biggest page), for representative checks."""
    if not folder.is_dir():
        return None
    found = [p for p in folder.iterdir() if (p / "index.html").is_file()]
    if not found:
        return None
    return max(found, key=lambda p: ((p / "index.html").stat().st_size, p.name)).name


def _articles(output: Path, lang: str) -> list[str]:
    base = output / _prefix(lang)
    found = []
    for index in base.glob("[12][0-9][0-9][0-9]/[01][0-9]/*/index.html"):
        found.append(index.parent.relative_to(base).as_posix())
    return sorted(found)


def shared_article(output: Path) -> str | None:
    """An article path (without prefix) that exists in every language, richest first."""
    common = set(_articles(output, "fr"))
    for lang in LANGUAGES[1:]:
        common &= set(_articles(output, lang))
    if not common:
        return None

    def richness(path):
        html = (output / path / "index.html").read_text(encoding="utf-8")
        return (-sum(html.count(mark) for mark in ("<figure", "<table", 'class="embed')), path)

    return min(common, key=richness)


def discover_pages(output: Path) -> list[SitePage]:
    """One page of every type in every language, as found in the build output."""
    pages = []
    shared = shared_article(output)
    content_pages = sorted(
        p.parent.name for p in output.glob("*/index.html")
        if not p.parent.name.isdigit()
        and p.parent.name not in ("category", "tag", "archives", "feeds", "images", "theme",
                                  "newsletter", "drafts", *LANGUAGES)
    )
    for lang in LANGUAGES:
        prefix = _prefix(lang)
        base = output / prefix
        if (base / "index.html").is_file():
            pages.append(SitePage(lang, "home", prefix))
        if (base / "page" / "2" / "index.html").is_file():
            pages.append(SitePage(lang, "home-page-2", f"{prefix}page/2/"))
        articles = _articles(output, lang)
        article = shared if shared else (articles[0] if articles else None)
        if article:
            pages.append(SitePage(lang, "article", f"{prefix}{article}/"))
        for slug in content_pages:
            if (base / slug / "index.html").is_file():
                pages.append(SitePage(lang, "page", f"{prefix}{slug}/"))
                break
        for kind, folder in (("category", "category"), ("tag", "tag")):
            first = _largest_dir(base / folder)
            if first:
                pages.append(SitePage(lang, kind, f"{prefix}{folder}/{first}/"))
        if (base / "archives" / "index.html").is_file():
            pages.append(SitePage(lang, "archives", f"{prefix}archives/"))
        year = _first_dir(base / "archives")
        if year:
            pages.append(SitePage(lang, "year", f"{prefix}archives/{year}/"))
        if (base / "404.html").is_file():
            pages.append(SitePage(lang, "404", f"{prefix}404.html"))
        if (base / "newsletter" / "index.html").is_file():
            pages.append(SitePage(lang, "newsletter", f"{prefix}newsletter/"))
        edition = _first_dir(base / "newsletter")
        if edition:
            pages.append(SitePage(lang, "edition", f"{prefix}newsletter/{edition}/"))
    return pages
