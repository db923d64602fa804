"""Every internal link and resource of a built site must exist: pages, feeds, sitemap, emails.

Reads the output once the build has written it (before it is published) and reports each
broken link against the source file that produced the page: the article, page or edition,
or the output file itself for listings written from templates.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

TEXT_URL = re.compile(r"https?://[^\s<>\"')\]]+")
CHECKED = (".html", ".xml", ".txt", ".json")
ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class BrokenLink:
    page: str  # output file, relative to the output folder
    url: str
    target: str = ""  # the file that would answer it


# Our own generated HTML, so attributes are well-formed: a regular expression is ~10× faster
# than a parser on large sites. `content` catches og:image/og:url in <meta>. Attribute
# names are lower case in it (the theme's, and bodies as the sanitiser writes them back):
# matching case twice as fast.
_ATTRIBUTE = re.compile(
    r"""\s(href|src|poster|action|srcset|imagesrcset|content)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def html_links(text: str) -> list[str]:
    urls = []
    for name, double_quoted, single_quoted in _ATTRIBUTE.findall(text):
        value = double_quoted or single_quoted
        if "&" in value:
            value = html.unescape(value)
        if name.endswith("srcset"):
            urls += [c.strip().split()[0] for c in value.split(",") if c.strip()]
        elif name == "content":
            if value.startswith(("http://", "https://")):
                urls.append(value.strip())
        elif value.strip():
            urls.append(value.strip())
    return urls


def xml_links(text: str) -> list[str]:
    """Atom feeds (links, ids and the HTML of entries) and the sitemap."""
    root = ElementTree.fromstring(text)
    urls = []
    for element in root.iter():
        if element.tag == f"{ATOM}link" and element.get("href"):
            urls.append(element.get("href"))
        elif element.tag.endswith("}loc") and element.text:
            urls.append(element.text.strip())
        elif element.tag in (f"{ATOM}content", f"{ATOM}summary") and element.text:
            urls += html_links(element.text)
    return urls


def json_links(text: str) -> list[str]:
    urls = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.startswith(("http://", "https://", "/")):
            urls.append(value)

    walk(json.loads(text))
    return urls


def links_of(path: str) -> list[str]:
    with open(path, encoding="utf-8") as file:
        text = file.read()
    if path.endswith(".html"):
        return html_links(text)
    if path.endswith(".xml"):
        return xml_links(text)
    if path.endswith(".json"):
        return json_links(text)
    return TEXT_URL.findall(text)  # plain-text emails, robots.txt


def output_files(output: str) -> Iterator[str]:
    for folder, dirs, files in os.walk(output):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(CHECKED):
                yield os.path.join(folder, name)


def target_file(output: str, path: str) -> str:
    """The file a URL path is served from: a folder means its index.html."""
    local = os.path.join(output, unquote(path).lstrip("/"))
    if path.endswith("/") or os.path.isdir(local):
        local = os.path.join(local, "index.html")
    return local


_HOST = re.compile(r"https?://([^/?#\\]*)")
# Addresses that lead to the same place from every page
_PAGE_INDEPENDENT = ("http://", "https://", "mailto:", "tel:")


def _site_path(url: str, page_url: str, origin: str, netloc: str) -> str | None:
    """The path a link leads to on the site, or None when it leads elsewhere.

    Most links are absolute and start with the site's own address: those are cut, not
    parsed (urljoin is most of this check's time on a large site)."""
    if url.startswith(origin) and url[len(origin):len(origin) + 1] in ("/", "?", "#", ""):
        path = url[len(origin):].split("#", 1)[0].split("?", 1)[0]
        if "/." not in path and "\\" not in path:  # no dot segments for urljoin to resolve
            return path
    if url.startswith("#"):
        return urlsplit(page_url).path  # the page itself (every page has a skip link)
    if url.startswith(("mailto:", "tel:")):
        return None
    if url.startswith(("http://", "https://")) and _HOST.match(url).group(1) != netloc:
        return None  # another site (share links: a new address on every page)
    absolute = urlsplit(urljoin(page_url, url))
    if absolute.scheme not in ("http", "https") or absolute.netloc != netloc:
        return None
    return absolute.path


def broken_links(output: str, siteurl: str, pages: Iterable[str] | None = None
                 ) -> list[BrokenLink]:
    """Links from the output's `pages` (paths in it; all of them by default) to the site
    itself that no file in the output answers.

    The pages may come while the build is still writing the rest: a target that is there
    is good for the rest of the build; one that is not there yet is looked for again once
    every page is read."""
    site = urlsplit(siteurl)
    site_path = site.path.rstrip("/")
    there: set[str] = set()  # link paths whose file exists
    not_yet: dict[str, list[tuple[str, str]]] = {}  # link path: [(page, url)] linking to it
    # Absolute addresses already known to lead to another site or to a file that exists.
    # Most links of a page are the same on every page (menus, footer, translations): one
    # set lookup each, instead of working out again where they lead.
    settled: set[str] = set()
    origin = f"{site.scheme}://{site.netloc}"
    for given in output_files(output) if pages is None else pages:
        path = os.path.join(output, given)  # relative to the output, or not
        page = os.path.relpath(path, output).replace(os.sep, "/")
        page_url = f"{siteurl.rstrip('/')}/{page}"
        for url in links_of(path):
            if url in settled:
                continue
            if "{{" in url:
                continue  # the mailing service's merge tags, filled in when it sends
            absolute = url.startswith(_PAGE_INDEPENDENT)
            link_path = _site_path(url, page_url, origin, site.netloc)
            if link_path is None or not link_path.startswith(site_path):
                if absolute:
                    settled.add(url)
                continue  # another site, mailto:, data:…
            if link_path in there or (link_path not in not_yet and os.path.isfile(
                    _target(output, link_path, site_path))):
                there.add(link_path)
                if absolute:
                    settled.add(url)
            else:
                not_yet.setdefault(link_path, []).append((page, url))
    broken = []
    for link_path, uses in not_yet.items():
        target = _target(output, link_path, site_path)
        if not os.path.isfile(target):
            broken += [BrokenLink(page, url, target) for page, url in uses]
    return sorted(broken, key=lambda link: (link.page, link.url))


def _target(output: str, link_path: str, site_path: str) -> str:
    return target_file(output, link_path[len(site_path):] or "/")
