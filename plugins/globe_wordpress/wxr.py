"""Read a WordPress export (WXR, an RSS file with `wp:` elements) into plain values."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urlsplit


class ExportError(Exception):
    """The file is not a readable WordPress export; `line` where the reader stopped."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


@dataclass
class Term:
    domain: str  # category, post_tag, language (Polylang), post_translations…
    slug: str
    label: str


@dataclass
class Item:
    """One <item>: a post, a page, an attachment or anything else WordPress exports."""

    id: int
    type: str
    title: str = ""
    link: str = ""
    slug: str = ""
    status: str = ""
    date: str = ""  # "YYYY-MM-DD HH:MM:SS", the site's local time
    author: str = ""
    content: str = ""
    excerpt: str = ""
    parent: int = 0
    menu_order: int = 0
    password: str = ""
    attachment_url: str = ""
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    key: str = ""  # the id, made unique if an odd export repeats one

    def terms_of(self, domain: str) -> list[Term]:
        return [term for term in self.terms if term.domain == domain]


@dataclass
class Export:
    site_url: str
    language: str
    authors: dict[str, str]  # login -> display name
    items: list[Item]
    # taxonomy -> term slug -> description (Polylang keeps translation groups there)
    term_descriptions: dict[str, dict[str, str]]

    @property
    def site_host(self) -> str:
        return (urlsplit(self.site_url).hostname or "").removeprefix("www.")

    def of_type(self, *types: str) -> list[Item]:
        return [item for item in self.items if item.type in types]


def _name(tag: str) -> str:
    """`{http://wordpress.org/export/1.2/}post_id` -> `wp:post_id`, whatever the version."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if "wordpress.org/export" in uri:
        return ("excerpt:" if "excerpt" in uri else "wp:") + local
    if "purl.org/rss/1.0/modules/content" in uri:
        return "content:" + local
    if "purl.org/dc/elements" in uri:
        return "dc:" + local
    return local


def _children(element) -> dict[str, str]:
    return {_name(child.tag): (child.text or "") for child in element}


def _int(value: str) -> int:
    try:
        return int(value.strip())
    except (ValueError, AttributeError):
        return 0


def _item(element) -> Item:
    values = _children(element)
    item = Item(
        id=_int(values.get("wp:post_id", "")),
        type=values.get("wp:post_type", "").strip(),
        title=html.unescape(values.get("title", "")).strip(),
        link=values.get("link", "").strip(),
        slug=values.get("wp:post_name", "").strip(),
        status=values.get("wp:status", "").strip(),
        date=values.get("wp:post_date", "").strip(),
        author=values.get("dc:creator", "").strip(),
        content=values.get("content:encoded", ""),
        excerpt=values.get("excerpt:encoded", ""),
        parent=_int(values.get("wp:post_parent", "")),
        menu_order=_int(values.get("wp:menu_order", "")),
        password=values.get("wp:post_password", "").strip(),
        attachment_url=values.get("wp:attachment_url", "").strip(),
    )
    for child in element:
        name = _name(child.tag)
        if name == "category":
            item.terms.append(Term(child.get("domain", ""), child.get("nicename", ""),
                                   html.unescape(child.text or "").strip()))
        elif name == "wp:postmeta":
            meta = _children(child)
            item.meta[meta.get("wp:meta_key", "")] = meta.get("wp:meta_value", "")
    return item


def read_export(path: str) -> Export:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise ExportError(str(error), error.position[0]) from None
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ExportError("no <rss><channel>: not a WordPress export", 1)
    site_url, link, language, authors = "", "", "", {}
    term_descriptions: dict[str, dict[str, str]] = {}
    items = []
    for child in channel:
        name = _name(child.tag)
        if name in ("wp:base_site_url", "wp:base_blog_url") and not site_url:
            site_url = (child.text or "").strip()
        elif name == "link":
            link = (child.text or "").strip()
        elif name == "language":
            language = (child.text or "").strip()
        elif name == "wp:author":
            values = _children(child)
            login = values.get("wp:author_login", "").strip()
            authors[login] = html.unescape(values.get("wp:author_display_name", "")).strip()
        elif name == "wp:term":
            values = _children(child)
            term_descriptions.setdefault(values.get("wp:term_taxonomy", ""), {})[
                values.get("wp:term_slug", "")] = values.get("wp:term_description", "")
        elif name == "item":
            items.append(_item(child))
    site_url = site_url or link
    seen: dict[int, int] = {}
    for item in items:
        seen[item.id] = seen.get(item.id, 0) + 1
        item.key = str(item.id) if seen[item.id] == 1 else f"{item.id}-{seen[item.id]}"
    if not any(item.type for item in items) and not site_url:
        raise ExportError("no WordPress items and no wp:base_site_url: not a WordPress export")
    return Export(site_url, language, authors, items, term_descriptions)
