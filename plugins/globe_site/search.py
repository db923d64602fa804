"""Full-text search: one search page per language, and a Pagefind index of the built site.

Pagefind reads the HTML that was written. Only elements marked `data-pagefind-body`
(article and page bodies) are indexed, so listings, feeds and emails stay out; the
`<html lang>` of each page puts it in its language's index, and the search page of a
language only loads that index. Pagefind's own files (UI, index) are written into the
output folder: nothing is loaded from another host.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile

from pelican.generators import Generator

from globe_core import background
from globe_core import context as keys
from globe_core.settings import GlobeSettings

DEFAULT_SEARCH_URL = "{lang_prefix}search/"
INDEX_FOLDER = "pagefind"
INDEX_JOB = "search-index"


def search_url(settings: dict, prefix: str) -> str | None:
    pattern = GlobeSettings.of(settings).search_url
    return pattern.format(lang_prefix=prefix) if pattern else None


class SearchPageGenerator(Generator):
    """Writes `search/index.html` in each language (after the listings set the chrome)."""

    def generate_output(self, writer):
        if not GlobeSettings.of(self.settings).search_index:
            return  # no search in this build (a preview)
        languages = self.context.get(keys.SECTIONS, {})
        for section in languages.values():
            url = search_url(self.settings, section.prefix)
            if not url:
                return
            siteurl = self.settings["SITEURL"]
            alternates = [(lang, f"{siteurl}/{search_url(self.settings, other.prefix)}")
                          for lang, other in languages.items()]
            writer.write_file(url + "index.html", self.get_template("search"),
                              {**self.context, "lang": section.lang}, url=url,
                              template_name="search", alternates=alternates,
                              categories=section.categories,
                              relative_urls=self.settings["RELATIVE_URLS"])


def pagefind_command(site: str, index: str) -> list[str]:
    # `python -m pagefind` runs the binary that the pagefind[bin] package ships.
    return [sys.executable, "-m", "pagefind", "--site", site, "--output-path", index,
            "--quiet"]


def start_index(generator, writer) -> None:
    """`page_writer_finalized` receiver: index the article and page files, which are all
    written now, on the second core while the build writes listings and editions.

    Pagefind gets its own folder of hard links to the files written so far, so it never
    reads a file being written; its index goes to a scratch folder and is moved into the
    output when the build finishes its background jobs, after the checks read the output.
    """
    settings = generator.settings
    globe = GlobeSettings.of(settings)
    if not globe.search_url or not globe.search_index:
        return
    output = settings["OUTPUT_PATH"]
    scratch = tempfile.mkdtemp(prefix="globe-search-")
    site = os.path.join(scratch, "site")
    _link_pages(output, site)
    index = os.path.join(scratch, INDEX_FOLDER)
    background.start(settings, INDEX_JOB, lambda: _run_pagefind(site, index),
                     lambda result: _install_index(result, index, settings, scratch),
                     lambda: shutil.rmtree(scratch, ignore_errors=True))


def _link_pages(output: str, site: str) -> None:
    """The HTML files under `output`, linked (or copied, across file systems) into `site`."""
    for folder, _dirs, files in os.walk(output):
        for name in files:
            if not name.endswith(".html"):
                continue
            source = os.path.join(folder, name)
            target = os.path.join(site, os.path.relpath(source, output))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)


def _run_pagefind(site: str, index: str) -> subprocess.CompletedProcess:
    return subprocess.run(pagefind_command(site, index), check=False, capture_output=True,
                          text=True)


def _install_index(result: subprocess.CompletedProcess, index: str, settings: dict,
                   scratch: str) -> None:
    try:
        if result.returncode:  # the build stops, naming it (globe build)
            raise RuntimeError("pagefind: " + (result.stderr or result.stdout).strip()[-500:])
        _sort_entry(os.path.join(index, "pagefind-entry.json"))
        shutil.move(index, os.path.join(settings["OUTPUT_PATH"], INDEX_FOLDER))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def finish_index(pelican) -> None:
    """`finalized` receiver, connected last: the index is in the output before it is used."""
    background.finish(pelican.settings, INDEX_JOB)
    background.finish_at_finalized(pelican.settings)


def _sort_entry(path: str) -> None:
    """Pagefind lists the languages in a random order: sorted, equal inputs give equal files."""
    with open(path, encoding="utf-8") as file:
        entry = json.load(file)
    with open(path, "w", encoding="utf-8") as file:
        json.dump(entry, file, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
