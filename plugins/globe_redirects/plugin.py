"""Signal wiring: the redirect table once every file is read, written with the site.

Receivers are module-level functions (Pelican holds weak references).
"""

from __future__ import annotations

import logging
import os
from itertools import chain

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from globe_core import catalogues
from globe_core.messages import _
from globe_core.problems import problem_log, stop_on_any
from globe_core.settings import GlobeSettings
from globe_core.site_folders import site_folders
from globe_core.startup import at_initialized

from .nginx import MAP_FILE, nginx_map
from .pages import site_file_at, write_redirect_pages
from .table import Movable, redirect_table

logger = logging.getLogger(__name__)


class RedirectsGenerator:
    """Writes the redirect pages and the nginx map; its table is set once all is read."""

    def __init__(self, context, settings, path, theme, output_path, *args, **kwargs):
        self.settings = settings
        self.theme = theme
        self.output_path = output_path
        self.table = []

    def generate_output(self, writer):
        # The last plugin's generator: every page, feed and file of the site is written
        # by now, but the static files and the search index, which Pelican's static
        # generator and the build write later, in folders the table refuses (`/images/`,
        # `/theme/`, `/pagefind/`).
        self.refuse_site_files()
        translations_dir = os.path.join(self.theme, "translations")

        def gettext_for(lang):
            return catalogues.load_translations(translations_dir, lang, "messages").ugettext

        write_redirect_pages(self.output_path, self.table, self.settings.get("SITEURL", ""),
                             gettext_for)
        with open(os.path.join(self.output_path, MAP_FILE), "w", encoding="utf-8") as file:
            file.write(nginx_map(self.table))


    def refuse_site_files(self):
        """An old address that names a file the build wrote (`/robots.txt`, `/nl`) is a
        problem: nginx's map would redirect it before serving the file."""
        log = problem_log(self.settings)
        reported = set()
        for redirect in self.table:
            if redirect.old.has_query:
                continue  # the file is served without the query
            found = site_file_at(self.output_path, redirect.old.path) or (
                MAP_FILE if redirect.old.path == "/" + MAP_FILE else None)  # written next
            if found and (redirect.source_path, redirect.line, found) not in reported:
                reported.add((redirect.source_path, redirect.line, found))
                log.add(redirect.source_path, redirect.line,
                        _("old address `%(url)s` is the site's own `%(file)s`: redirecting "
                          "it would hide that file", url=str(redirect.old), file=found),
                        _("remove it from Old_urls: the site answers that address itself"))
        stop_on_any(log, logger)


def add_generator(pelican):
    return RedirectsGenerator


def _published(generators):
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            yield from chain(generator.articles, generator.translations)
        elif isinstance(generator, PagesGenerator):
            yield from chain(generator.pages, generator.translations)


def collect_redirects(generators):
    """Every Old_urls of published content; conflicts and bad entries stop the build."""
    mine = [g for g in generators if isinstance(g, RedirectsGenerator)]
    if not mine:
        return
    log = problem_log(generators[0].settings)
    contents = list(_published(generators))
    items = [Movable(content.source_path,
                     getattr(content, "source_lines", {}).get("old_urls", 1),
                     "/" + content.url, content.lang, content.metadata["old_urls"])
             for content in contents if content.metadata.get("old_urls")]
    current = {"/" + content.url for content in contents}
    settings = generators[0].settings
    mine[0].table, problems = redirect_table(items, current, log.display_path,
                                             site_folders(settings),
                                             tuple(GlobeSettings.of(settings).languages))
    log.extend(problems)
    stop_on_any(log, logger)


def register():
    signals.initialized.connect(at_initialized)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(collect_redirects)
