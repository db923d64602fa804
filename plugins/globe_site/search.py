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
import tempfile

from pelican.generators import Generator

from globe_core import background, written_files
from globe_core import context as keys
from globe_core.settings import GlobeSettings

from .search_index import INDEX_FOLDER, make_index

DEFAULT_SEARCH_URL = "{lang_prefix}search/"
MEMORY_FOLDER = "/dev/shm"


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


INDEX_INPUT = "globe_index_input"  # the index job's written_files.Follower, in the settings


def start_index(generator) -> None:
    """`article_generator_finalized` receiver (the articles are read, and nothing is
    written yet; see background.start_fed_process): start the index job.
    Each HTML file is handed to it as soon as it is written (written_files.py), so its
    copies are made while the build writes the rest; Pagefind runs once the article and
    page files are all in (`end_index_input`).

    Pagefind gets its own copy of the files (in memory when the system has a memory
    file system; cut down to what it indexes), so it never reads a file being written;
    its index goes to a scratch folder and is moved into the output when the build
    finishes its background jobs, before their results are used.
    """
    settings = generator.settings
    globe = GlobeSettings.of(settings)
    if not globe.search_url or not globe.search_index:
        return
    output = settings["OUTPUT_PATH"]
    scratch = tempfile.mkdtemp(prefix="globe-search-")
    memory = _memory_folder()
    index = os.path.join(scratch, INDEX_FOLDER)

    def clean():
        for folder in (scratch, memory):
            if folder:
                shutil.rmtree(folder, ignore_errors=True)

    # another process: copying the pages is thousands of system calls that would hold
    # this process's GIL while it writes
    feed = background.start_fed_process(
        settings, background.SEARCH_INDEX_JOB, make_index,
        (output, scratch, memory, tuple(globe.languages)),
        lambda result: _install_index(result, index, settings, clean), clean)
    settings[INDEX_INPUT] = written_files.follow(output, feed, (".html",))


def end_index_input(generator, writer) -> None:
    """`page_writer_finalized` receiver: the article and page files are all written, and
    the listings written from here on are not pages. The job gets exactly the HTML
    files the output holds now."""
    follower = generator.settings.pop(INDEX_INPUT, None)
    if follower is not None:
        written_files.end(follower, _html_files(follower.output))


def _memory_folder() -> str | None:
    """A scratch folder in memory (tmpfs) for the index, when the system has one.

    Pagefind writes one small file per page into a single folder, from many threads at
    once: on a disk file system that costs more system time than the indexing itself
    (measured in docs/performance.md); one copy onto the disk afterwards costs less.
    """
    if not os.access(MEMORY_FOLDER, os.W_OK):
        return None
    try:
        return tempfile.mkdtemp(prefix="globe-search-", dir=MEMORY_FOLDER)
    except OSError:
        return None


def _html_files(output: str) -> list[str]:
    """The HTML files under `output`, relative to it."""
    return [os.path.relpath(os.path.join(folder, name), output)
            for folder, _dirs, files in os.walk(output)
            for name in files if name.endswith(".html")]


def _install_index(result: subprocess.CompletedProcess, index: str, settings: dict,
                   clean) -> None:
    try:
        if result.returncode:  # the build stops, naming it (globe build)
            raise RuntimeError("pagefind: " + (result.stderr or result.stdout).strip()[-500:])
        for bundle in os.scandir(index):  # one a language
            if bundle.is_dir():
                _sort_entry(os.path.join(bundle.path, "pagefind-entry.json"))
        installed = os.path.join(settings["OUTPUT_PATH"], INDEX_FOLDER)
        shutil.move(index, installed)
        written_files.listed(settings, installed)
    finally:
        clean()


def finish_index(pelican) -> None:
    """`finalized` receiver, connected last: the index is in the output before it is used.

    Under `globe build`, which finishes the jobs itself, this does not wait: the build's
    last check starts first, and the index is installed before the later jobs complete."""
    if pelican.settings.get(background.CALLER_FINISHES):
        return
    background.finish(pelican.settings, background.SEARCH_INDEX_JOB)
    background.finish_at_finalized(pelican.settings)


def _sort_entry(path: str) -> None:
    """Pagefind writes its entry's keys in a random order: sorted, equal inputs give
    equal files."""
    with open(path, encoding="utf-8") as file:
        entry = json.load(file)
    with open(path, "w", encoding="utf-8") as file:
        json.dump(entry, file, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
