"""Full-text search: one search page per language, and a Pagefind index of the built site.

Pagefind reads the HTML that was written. Only elements marked `data-pagefind-body`
(article and page bodies) are indexed, so listings, feeds and emails stay out; the
`<html lang>` of each page puts it in its language's index, and the search page of a
language only loads that index. Pagefind's own files (UI, index) are written into the
output folder: nothing is loaded from another host.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

from pelican.generators import Generator

from globe_core import context as keys
from globe_core.settings import GlobeSettings

log = logging.getLogger(__name__)

DEFAULT_SEARCH_URL = "{lang_prefix}search/"
INDEX_FOLDER = "pagefind"


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


def pagefind_command(site: str) -> list[str]:
    # `python -m pagefind` runs the binary that the pagefind[bin] package ships.
    return [sys.executable, "-m", "pagefind", "--site", site, "--output-subdir", INDEX_FOLDER,
            "--quiet"]


def index_site(pelican) -> None:
    """`finalized` receiver: index what was just written (before the build is swapped in)."""
    globe = GlobeSettings.of(pelican.settings)
    if not globe.search_url or not globe.search_index:
        return
    result = subprocess.run(pagefind_command(pelican.output_path), check=False,
                            capture_output=True, text=True)
    if result.returncode:
        log.error("search index: pagefind failed: %s", (result.stderr or result.stdout).strip())
        return
    _sort_entry(os.path.join(pelican.output_path, INDEX_FOLDER, "pagefind-entry.json"))


def _sort_entry(path: str) -> None:
    """Pagefind lists the languages in a random order: sorted, equal inputs give equal files."""
    with open(path, encoding="utf-8") as file:
        entry = json.load(file)
    with open(path, "w", encoding="utf-8") as file:
        json.dump(entry, file, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
