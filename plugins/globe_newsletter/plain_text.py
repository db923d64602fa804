"""The plain-text part: HTML fragments made readable as text, lines wrapped at 78."""

from __future__ import annotations

import html
import re
import textwrap

from bs4 import BeautifulSoup, NavigableString, Tag

LINE_WIDTH = 78
_SPACES = re.compile(r"\s+")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def inline_text(fragment: str) -> str:
    """An inline HTML fragment (a title, a summary) as one line of text."""
    fragment = fragment or ""
    if "<" in fragment or "&" in fragment:  # most titles hold neither: no parse needed
        fragment = html.unescape(BeautifulSoup(fragment, "html.parser").get_text(" "))
    return _SPACES.sub(" ", fragment).strip()


def plain_line(text: str) -> str:
    """A plain-text value (a Title, an Image_alt) as one line: nothing in it is markup,
    so `Budget <2 %> &amp; plus` stays as typed (the templates escape it)."""
    return _SPACES.sub(" ", text or "").strip()


def html_to_text(fragment: str) -> str:
    """Block HTML (an introduction) as paragraphs separated by blank lines.

    Links become `text (url)`, list items start with a dash.
    """
    soup = BeautifulSoup(fragment or "", "html.parser")
    paragraphs: list[str] = []
    current: list[str] = []

    def flush():
        text = _SPACES.sub(" ", "".join(current)).strip()
        if text:
            paragraphs.append(text)
        current.clear()

    def walk(node):
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a comment or a doctype
                    current.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    current.append(" ")
                elif child.name in _BLOCKS or child.name in ("ul", "ol"):
                    flush()
                    if child.name == "li":
                        current.append("- ")
                    walk(child)
                    flush()
                elif child.name == "a" and child.get("href"):
                    label = _SPACES.sub(" ", child.get_text(" ")).strip()
                    href = child["href"]
                    current.append(f"{label} ({href})" if label and label != href else href)
                else:
                    walk(child)

    walk(soup)
    flush()
    return "\n\n".join(paragraphs)


def wrap_plain_text(text: str, width: int = LINE_WIDTH) -> str:
    """Wrap every line at `width`; a URL is never broken, even when longer than a line."""
    out: list[str] = []
    for raw in text.strip("\n").splitlines():
        line = raw.rstrip()
        if len(line) <= width:
            out.append(line)
            continue
        indent = "  " if line.startswith("- ") else ""
        out.extend(textwrap.wrap(line, width=width, subsequent_indent=indent,
                                 break_long_words=False, break_on_hyphens=False))
    # No run of more than one blank line, and none at the start or the end.
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
    return joined + "\n"
