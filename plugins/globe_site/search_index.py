"""Pagefind's index of the written pages, made in a process of its own beside the build.

That process imports this module only (not Pelican, not the plugin), so it starts at once.
Pagefind reads copies of the pages cut down to what it indexes (`index_copy`): the same
index, for about a tenth fewer instructions than the whole pages (callgrind, 240 pages of
the shared corpus). Pages it would leave out are not copied at all (`_copy_pages`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable

INDEX_FOLDER = "pagefind"
_BODY_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\s[^>]*\bdata-pagefind-body\b[^>]*>")
_PAGEFIND_ATTRIBUTE = "data-pagefind-"
_BODY_ATTRIBUTE = re.compile(r"data-pagefind-body", re.IGNORECASE)
_HTML_START = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_TITLE = re.compile(r"<title\b[^>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)


def pagefind_command(site: str, index: str) -> list[str]:
    # The binary that the pagefind[bin] package ships, run as it is: `python -m pagefind`
    # would start Python and import asyncio first (50-80 ms before the index starts).
    from pagefind_bin import get_executable  # noqa: PLC0415 (in the index's process only)

    return [str(get_executable()), "--site", site, "--output-path", index, "--quiet"]


def make_index(output: str, scratch: str, memory: str | None,
               pages: Iterable[str]) -> subprocess.CompletedProcess:
    """Pagefind's index of `pages` in `scratch`/pagefind (made in `memory` when given).

    Each page is copied as it comes (they come while the build writes them), and
    Pagefind runs once they are all in. The copies are written into `memory` too: on
    the disk, each one's folder is a new directory there, thousands of them, which cost
    more than the copies."""
    site, index = os.path.join(memory or scratch, "site"), os.path.join(scratch, INDEX_FOLDER)
    _copy_pages(output, pages, site)
    result = _run_pagefind(site, os.path.join(memory, INDEX_FOLDER) if memory else index)
    if memory and not result.returncode:  # onto the output's disk, still beside the build
        shutil.copytree(os.path.join(memory, INDEX_FOLDER), index,
                        copy_function=shutil.copyfile)
    # Thousands of files: deleted here, beside the build, not by the build once it is done
    # (it still deletes both folders, whatever happened here).
    shutil.rmtree(memory or site, ignore_errors=True)
    return result


def index_copy(page: str) -> str:
    """What Pagefind reads of a page: its `<html>` tag (the language), the `<title>` of
    its head (the result's title when the indexed element has no `<h1>`), and the element
    marked `data-pagefind-body`. The whole page when one of these is missing, the element
    is not closed, or Pagefind would read something elsewhere (a `data-pagefind-…`
    attribute outside it)."""
    head_end, start = page.find("</head>"), _BODY_START.search(page)
    html_tag = _HTML_START.search(page, 0, head_end)
    if head_end < 0 or not start or start.start() < head_end or not html_tag:
        return page
    depth, same_tag = 0, re.compile(rf"<(/?){start.group(1)}[\s>/]", re.IGNORECASE)
    for tag in same_tag.finditer(page, start.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = page.index(">", tag.end() - 1) + 1
            outside = page[html_tag.end():start.start()] + page[end:]
            if _PAGEFIND_ATTRIBUTE in outside:
                return page
            title = _TITLE.search(page, html_tag.end(), head_end)
            return (f'{page[:html_tag.end()]}<head><meta charset="utf-8">'
                    f'{title.group() if title else ""}</head>'
                    f"<body>{page[start.start():end]}</body></html>")
    return page


def _copy_pages(output: str, pages: Iterable[str], site: str) -> None:
    """The `pages` of `output`, as Pagefind reads them (`index_copy`), into `site`.

    Once one page marks what it indexes (`data-pagefind-body`), Pagefind leaves out every
    page that does not: those (the listings: a third of the pages, and longer than the
    articles' copies) are copied only if, in the end, no page marks anything."""
    marked, unmarked = False, []
    for page in pages:
        with open(os.path.join(output, page), encoding="utf-8") as source:
            text = source.read()
        if _BODY_ATTRIBUTE.search(text):
            marked = True
            _write_copy(site, page, index_copy(text))
        else:
            unmarked.append(page)
    if not marked:  # Pagefind indexes every page whole
        for page in unmarked:
            with open(os.path.join(output, page), encoding="utf-8") as source:
                _write_copy(site, page, source.read())


def _write_copy(site: str, page: str, text: str) -> None:
    target = os.path.join(site, page)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as file:
        file.write(text)


def _run_pagefind(site: str, index: str) -> subprocess.CompletedProcess:
    return subprocess.run(pagefind_command(site, index), check=False, capture_output=True,
                          text=True)
