"""Pagefind's index of the written pages, made in a process of its own beside the build.

That process imports this module only (not Pelican, not the plugin), so it starts at once.
Pagefind reads copies of the pages cut down to what it indexes (`index_copy`): the same
index, for about a tenth fewer instructions than the whole pages (callgrind, 240 pages of
the shared corpus). Pages it would leave out are not copied at all (`_copy_pages`).

Each language gets an index of its own (`pagefind/<lang>/`), made by its own Pagefind
run, all runs at once: a search page only ever loads its own language's index, and
Pagefind writes an index on one thread after parsing the pages on all of them, so three
runs keep both cores busy where one left a core idle for a second or two (the last phase
of a cold build; docs/performance.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable

INDEX_FOLDER = "pagefind"
# Pagefind's search interface, the same files in every language's index: the one the
# search pages use is served once, from the index folder itself, and the others not at all
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")
UNUSED_UI_FILES = ("pagefind-modular-ui.js", "pagefind-modular-ui.css",
                   "pagefind-component-ui.js", "pagefind-component-ui.css",
                   "pagefind-highlight.js")
_BODY_MARKER = "data-pagefind-body"
_BODY_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\s[^>]*\bdata-pagefind-body\b[^>]*>")
_PAGEFIND_ATTRIBUTE = "data-pagefind-"
_HTML_START = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_LANG = re.compile(r"""\slang\s*=\s*["']?([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*)["'\s>]""")
_TITLE = re.compile(r"<title\b[^>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)
NO_LANGUAGE = "unknown"  # Pagefind's own name for the pages of no language


def pagefind_command(site: str, index: str) -> list[str]:
    # The binary that the pagefind[bin] package ships, run as it is: `python -m pagefind`
    # would start Python and import asyncio first (50-80 ms before the index starts).
    from pagefind_bin import get_executable  # noqa: PLC0415 (in the index's process only)

    return [str(get_executable()), "--site", site, "--output-path", index, "--quiet"]


def make_index(output: str, scratch: str, memory: str | None, languages: Iterable[str],
               pages: Iterable[str]) -> subprocess.CompletedProcess:
    """Pagefind's index of `pages` in `scratch`/pagefind, one folder a language (made in
    `memory` when given); every language of `languages` has one.

    Each page is copied as it comes (they come while the build writes them), and
    Pagefind runs once they are all in. The copies are written into `memory` too: on
    the disk, each one's folder is a new directory there, thousands of them, which cost
    more than the copies."""
    sites, index = os.path.join(memory or scratch, "site"), os.path.join(scratch, INDEX_FOLDER)
    made = os.path.join(memory, INDEX_FOLDER) if memory else index
    found = _copy_pages(output, pages, sites)
    # no page at all: Pagefind says so itself
    result = _run_pagefind_each({lang: os.path.join(sites, lang) for lang in found}
                                or {NO_LANGUAGE: sites}, made)
    if not result.returncode:
        _complete(made, found, languages)
        if memory:  # onto the output's disk, still beside the build
            shutil.copytree(made, index, copy_function=shutil.copyfile)
    # Thousands of files: deleted here, beside the build, not by the build once it is done
    # (it still deletes both folders, whatever happened here).
    shutil.rmtree(memory or sites, ignore_errors=True)
    return result


def index_copy(page: str) -> str:
    """What Pagefind reads of a page: its `<html>` tag (the language), the `<title>` of
    its head (the result's title when the indexed element has no `<h1>`), and the element
    marked `data-pagefind-body`. The whole page when one of these is missing, the element
    is not closed, or Pagefind would read something elsewhere (a `data-pagefind-…`
    attribute outside it)."""
    head_end, start = page.find("</head>"), _body_start(page)
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


def _body_start(page: str) -> re.Match | None:
    """The first tag marked `data-pagefind-body`: `_BODY_START.search(page)`, without
    trying the pattern at every `<` of the page before it (a third of the copies' cost).
    A match holds the marker and no `>` before it, so it starts after the last `>` that
    comes before the marker's first appearance."""
    marker = page.find(_BODY_MARKER)
    if marker < 0:
        return None
    return _BODY_START.search(page, page.rfind(">", 0, marker) + 1)


def page_language(page: str) -> str:
    """The language Pagefind files a page under: its `<html lang>` (lower case), or
    Pagefind's `unknown`."""
    html_tag = _HTML_START.search(page)
    lang = _LANG.search(html_tag.group()) if html_tag else None
    return lang.group(1).lower() if lang else NO_LANGUAGE


def _copy_pages(output: str, pages: Iterable[str], sites: str) -> set[str]:
    """The `pages` of `output`, as Pagefind reads them (`index_copy`), into
    `sites`/<language>; the languages found.

    Once one page marks what it indexes (`data-pagefind-body`), Pagefind leaves out every
    page that does not: those (the listings: a third of the pages, and longer than the
    articles' copies) are copied only if, in the end, no page marks anything. (Pagefind
    reads attribute names in any case: the marker is looked for in lower case only when
    it is not found as the theme writes it, in the listings.)"""
    marked, unmarked, languages = False, [], set()
    for page in pages:
        with open(os.path.join(output, page), encoding="utf-8") as source:
            text = source.read()
        if _BODY_MARKER in text or _BODY_MARKER in text.lower():
            marked = True
            languages.add(_write_copy(sites, page, index_copy(text)))
        else:
            unmarked.append(page)
    if not marked:  # Pagefind indexes every page whole
        for page in unmarked:
            with open(os.path.join(output, page), encoding="utf-8") as source:
                languages.add(_write_copy(sites, page, source.read()))
    return languages


def _write_copy(sites: str, page: str, text: str) -> str:
    language = page_language(text)
    target = os.path.join(sites, language, page)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as file:
        file.write(text)
    return language


def _run_pagefind_each(sites: dict[str, str], index: str) -> subprocess.CompletedProcess:
    """Pagefind on each language's pages into `index`/<language>, all at once; the first
    run that failed, else the last."""
    # The runs share the cores: one thread pool each as large as all the cores (Pagefind's
    # default) cost 4 % more CPU time for the same index, and took more of it from the build.
    threads = str(max(1, (os.cpu_count() or 1) // max(1, len(sites))))
    environment = {**os.environ, "RAYON_NUM_THREADS": threads}
    runs = [subprocess.Popen(pagefind_command(site, os.path.join(index, lang)),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=environment)
            for lang, site in sorted(sites.items())]
    results = []
    for run in runs:
        stdout, stderr = run.communicate()  # --quiet: a few lines at most
        results.append(subprocess.CompletedProcess(run.args, run.returncode, stdout, stderr))
    return next((result for result in results if result.returncode), results[-1])


def _complete(index: str, found: set[str], languages: Iterable[str]) -> None:
    """The search interface at the top of `index` (and nowhere else), and an index for
    every language of the site: one without pages gets the largest index, which is what
    Pagefind itself searches when the page's language has none."""
    largest = max(sorted(found), key=lambda lang: _page_count(os.path.join(index, lang)))
    for name in UI_FILES:
        shutil.copyfile(os.path.join(index, largest, name), os.path.join(index, name))
    for lang in found:
        for name in UI_FILES + UNUSED_UI_FILES:
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(index, lang, name))
    for lang in sorted(set(languages) - found):
        shutil.copytree(os.path.join(index, largest), os.path.join(index, lang),
                        copy_function=shutil.copyfile)


def _page_count(bundle: str) -> int:
    with open(os.path.join(bundle, "pagefind-entry.json"), encoding="utf-8") as file:
        return sum(language.get("page_count", 0)
                   for language in json.load(file).get("languages", {}).values())
