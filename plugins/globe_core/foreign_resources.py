""""Nothing loads from another host", checked on what a build actually wrote.

Every page, feed, email and stylesheet of the output is read back, and every address a
browser or mail client would fetch without being asked is collected: `src`, `srcset`,
`poster`, `data`, `background`, the `href` of resources (<link rel=stylesheet|icon|
preload…>, SVG <image>/<use>), and CSS `url()` and `@import`, in style attributes,
<style> blocks and .css files; feeds are read with the HTML of their entries. An
address on another host is a problem, reported on the source file and line that wrote
it (found by looking for the address in the content and editions), else on the output
file. Embeds waiting in a click-to-load <template> load nothing and are skipped.
"""

from __future__ import annotations

import functools
import html
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .messages import _
from .problems import Problem

# A start tag with at least one attribute (one without loads nothing: most tags of a page
# are skipped here, by the regular expression, before any Python runs for them)
_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|"""
                  r"""[^\s"'>]+))?)+)\s*/?>""")
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_TEMPLATE = re.compile(r"<template\b.*?</template\s*>", re.IGNORECASE | re.DOTALL)
_TEMPLATE_START = re.compile(r"<[tT][eE][mM][pP][lL][aA][tT][eE]")  # faster than lower()
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_CSS_URL = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)|@import\s+(["'])(.*?)\3"""
                      r"""|image-set\(\s*(["'])(.*?)\5""", re.IGNORECASE | re.DOTALL)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}\s?|.)")
_LOADING_ATTRIBUTES = ("src", "srcset", "poster", "data", "background", "lowsrc",
                       "dynsrc", "imagesrcset")
# <link rel> values whose href is only an address, not something the page loads
_NAVIGATION_RELS = {"alternate", "canonical", "next", "prev", "author", "license", "help",
                    "search", "bookmark", "me", "nofollow", "noopener", "noreferrer",
                    "external", "tag", "shortlink", "edit"}
_SVG_HREF_TAGS = {"image", "use", "feimage", "script", "pattern", "filter", "mpath",
                  "textpath", "tref"}
_HREF_TAGS = {"link", "base", *_SVG_HREF_TAGS}
# Without these, a piece of CSS loads nothing (no address, and no escape or comment that
# could hide one)
_CSS_MARKERS = ("url(", "@import", "image-set(", "\\", "/*")
_FEED_HTML = ("content", "summary", "description", "{http://www.w3.org/2005/Atom}content",
              "{http://www.w3.org/2005/Atom}summary")


@dataclass(frozen=True)
class Load:
    file: str  # output file, relative to the output folder
    url: str


def _css_unescape(text: str) -> str:
    def one(match):
        value = match.group(1)
        if re.fullmatch(r"[0-9a-fA-F]{1,6}\s?", value):
            code = int(value.strip(), 16)
            return chr(code) if 0 < code < 0x110000 else ""
        return value
    return _CSS_ESCAPE.sub(one, text)


def css_urls(css: str) -> list[str]:
    lowered = css.lower()
    if not any(marker in lowered for marker in _CSS_MARKERS):
        return []  # most style="" attributes
    css = _css_unescape(re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL))
    return [next(g for g in (m.group(2), m.group(4), m.group(6)) if g is not None).strip()
            for m in _CSS_URL.finditer(css)]


def _may_load(tag: str, attributes: str) -> bool:
    """False when a tag's (lowercased) attributes cannot load anything: `src` covers
    srcset, lowsrc, dynsrc and imagesrcset; `href` loads only on the tags that fetch it;
    a `style` loads only with a CSS marker or a character reference that could spell one
    (emails style every tag). (A chain of `in` tests: four times faster than a regular
    expression here.)"""
    return ("src" in attributes or "data" in attributes
            or "poster" in attributes or "background" in attributes
            or ("href" in attributes and tag in _HREF_TAGS)
            or ("style" in attributes
                and ("&" in attributes or any(m in attributes for m in _CSS_MARKERS))))


def html_urls(text: str) -> list[str]:
    """Every address the HTML makes a reader's software fetch on its own."""
    if _TEMPLATE_START.search(text):
        text = _TEMPLATE.sub("", text)
    urls = []
    for block in _STYLE_BLOCK.findall(text):
        urls += css_urls(block)
    for written_tag, written_attributes in _TAG.findall(text):  # no match objects: faster
        urls += _tag_urls(written_tag, written_attributes)
    return urls


# A page repeats most of its tags (the header, the footer, the cards), and so do the pages
# of a site: 68,000 different tags among 640,000 on the shared corpus, each read once.
@functools.lru_cache(maxsize=1 << 16)
def _tag_urls(written_tag: str, written_attributes: str) -> tuple[str, ...]:
    """The addresses one start tag (its name and attributes as written) loads."""
    tag = written_tag.lower()
    if not _may_load(tag, written_attributes.lower()):
        return ()  # most tags: skipped unparsed
    attributes, urls = {}, []
    for name, written in _ATTRIBUTE.findall(written_attributes):
        value = written[1:-1] if written[:1] in "\"'" else written
        attributes.setdefault(name.lower(), html.unescape(value))
    for name in _LOADING_ATTRIBUTES:
        value = attributes.get(name)
        if value is None:
            continue
        if name.endswith("srcset"):
            urls += [c.strip().split()[0] for c in value.split(",") if c.strip()]
        elif tag != "a":
            urls.append(value.strip())
    href = attributes.get("href", attributes.get("xlink:href"))
    if href is not None:
        rels = set(attributes.get("rel", "").lower().split())
        # <base href> makes every relative address load from where it points
        if (tag == "link" and not rels <= _NAVIGATION_RELS) or tag in _SVG_HREF_TAGS \
                or tag == "base":
            urls.append(href.strip())
    if "style" in attributes:
        urls += css_urls(attributes["style"])
    return tuple(urls)


def feed_urls(text: str) -> list[str]:
    """Addresses loaded by the HTML of a feed's entries (it is escaped text in the XML)."""
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError:
        return html_urls(text)
    urls = []
    for element in root.iter():
        name = element.tag.lower() if isinstance(element.tag, str) else ""
        if name.endswith(_FEED_HTML) or name in _FEED_HTML:
            urls += html_urls(element.text or "")
    return urls


def is_foreign(url: str, site_host: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", url)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return True
    if parts.scheme.lower() in ("data", "blob", "about", "cid", "mailto", "tel"):
        return False
    if not parts.netloc:
        return bool(parts.scheme)  # `javascript:…` and the like: never a site file
    return (parts.hostname or "").lower() != site_host


LOADING = (".html", ".htm", ".xml", ".css", ".svg")  # files that can make a browser load


def loaded_from(output: str, files: list[str] | None = None) -> list[str]:
    """The files under `output` that can load something, relative to it (of `files`, a
    listing of it, when given)."""
    if files is None:
        files = [os.path.relpath(os.path.join(folder, name), output).replace(os.sep, "/")
                 for folder, _dirs, names in os.walk(output) for name in names]
    return [name for name in files if os.path.splitext(name)[1].lower() in LOADING]


def written_loads(output: str, site_host: str, files: list[str] | None = None
                  ) -> list[Load]:
    """Every load from another host in `files` (relative to `output`; by default all the
    files there that can load something)."""
    found = []
    for relative in loaded_from(output) if files is None else files:
        suffix = os.path.splitext(relative)[1].lower()
        with open(os.path.join(output, relative), encoding="utf-8", errors="replace") as file:
            text = file.read()
        urls = (css_urls(text) if suffix == ".css" else
                feed_urls(text) if suffix == ".xml" else html_urls(text))
        found += [Load(relative, url) for url in dict.fromkeys(urls)
                  if is_foreign(url, site_host)]
    return found


def _source_files(folders) -> list[tuple[str, list[str]]]:
    sources = []
    for root in folders:
        if not root or not os.path.isdir(root):
            continue
        for folder, _dirs, files in os.walk(root):
            for name in sorted(files):
                if name.endswith((".md", ".markdown")):
                    path = os.path.join(folder, name)
                    with open(path, encoding="utf-8", errors="replace") as file:
                        sources.append((path, file.read().splitlines()))
    return sources


def _where_written(url: str, sources) -> list[tuple[str, int]]:
    parts = urlsplit(re.sub(r"[\x00-\x20\x7f]+", "", url))
    needles = [url, html.escape(url), f"{parts.netloc}{parts.path}", parts.netloc]
    for needle in needles:
        if not needle:
            continue
        found = [(path, number) for path, lines in sources
                 for number, line in enumerate(lines, start=1) if needle in line]
        if found:
            return found
    return []


def host_name(siteurl: str) -> str:
    """The host of an address, lowercased, as the checks compare it."""
    return (urlsplit(siteurl).hostname or "").lower()


def foreign_load_problems(output: str, siteurl: str, source_folders,
                          display: Callable[[str], str]) -> list[Problem]:
    """Problems for every load from another host, on the source that wrote it."""
    return load_problems(written_loads(output, host_name(siteurl)), source_folders, display)


def load_problems(loads: list[Load], source_folders,
                  display: Callable[[str], str]) -> list[Problem]:
    """Problems for these loads from another host, on the source that wrote each."""
    if not loads:
        return []
    sources = _source_files(source_folders)
    problems = []
    fix = _("save the file under content/images/ and link to it there, or link to the "
            "page instead: the site and its emails load nothing from other hosts")
    for url in dict.fromkeys(load.url for load in loads):
        files = sorted({load.file for load in loads if load.url == url})
        message = _("`%(url)s` would be loaded from another host by %(files)s",
                    url=url[:120], files=", ".join(files[:3]) + (" …" if len(files) > 3
                                                                  else ""))
        places = _where_written(url, sources)
        if places:
            problems += [Problem(display(path), line, message, fix) for path, line in places]
        else:
            problems.append(Problem(files[0], 0, message, _(
                "the address comes from the theme or a plugin: report this message to "
                "the developers")))
    return problems
