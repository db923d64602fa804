"""Links an edition's introduction writes to the site's own files, as an article does:
`{filename}/articles/2021/visit.fr.md`, `{static}/documents/x.pdf`, or a path relative
to the edition file (`../../content/articles/2021/visit.fr.md`, as editors follow it).

Pelican never reads an introduction, so these reached the web page and the email as they
were typed (`https://…/{filename}/articles/…`), and the link check refused them. Here
each becomes the address of what it names; a link that names nothing is left as written,
and the link check reports it on its line.
"""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

_PLACEHOLDER = re.compile(r"^\{(filename|static|attach)\}")


def site_paths(context: dict) -> dict[str, str]:
    """Each article's and page's source path (from the content folder) → its URL."""
    return {path.replace(os.sep, "/"): content.url
            for path, content in context.get("generated_content", {}).items()
            if getattr(content, "url", None)}


def resolve_site_links(fragment: str, paths: dict[str, str], content_root: str,
                       edition_file: str) -> str:
    """The introduction's HTML with its links to the site's files made site paths."""
    if not fragment or not ("{" in fragment or ".md" in fragment):
        return fragment
    soup = BeautifulSoup(fragment, "html.parser")
    for tag, attribute in (("a", "href"), ("img", "src")):
        for node in soup.find_all(tag, attrs={attribute: True}):
            resolved = _resolve(node[attribute].strip(), paths, content_root, edition_file)
            if resolved is not None:
                node[attribute] = resolved
    return str(soup)


def _resolve(value: str, paths: dict, content_root: str, edition_file: str) -> str | None:
    placeholder = _PLACEHOLDER.match(value)
    rest = value[placeholder.end():] if placeholder else value
    if not placeholder and (urlsplit(value).scheme or value.startswith(("/", "#"))):
        return None  # an address, not a file
    path, _, fragment = rest.partition("#")
    path = unquote(path.split("?", 1)[0])
    if placeholder and path.startswith("/"):
        relative = path.lstrip("/")
    else:
        base = content_root if placeholder else os.path.dirname(os.path.abspath(edition_file))
        full = os.path.normpath(os.path.join(base, path))
        if not full.startswith(content_root + os.sep):
            return None
        relative = os.path.relpath(full, content_root).replace(os.sep, "/")
    if relative in paths:
        url = paths[relative]
    elif (placeholder is None or placeholder.group(1) != "filename") and \
            not relative.endswith(".md") and os.path.isfile(os.path.join(content_root,
                                                                         relative)):
        url = relative  # images and documents are published where they are
    else:
        return None
    return "/" + url + (f"#{fragment}" if fragment else "")
