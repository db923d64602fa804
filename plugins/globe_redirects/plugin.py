"""Signal wiring: collect the redirects once every file is read, write them at the end."""

from __future__ import annotations

import logging
import os
from itertools import chain

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from globe import catalogues
from globe.problems import ContentProblems, problem_log

from .nginx import MAP_FILE, nginx_map
from .pages import write_redirect_pages
from .table import Movable, redirect_table

logger = logging.getLogger(__name__)
TABLE = "GLOBE_REDIRECTS"


def _published(generators):
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            yield from chain(generator.articles, generator.translations)
        elif isinstance(generator, PagesGenerator):
            yield from chain(generator.pages, generator.translations)


def collect_redirects(generators):
    settings = generators[0].settings
    log = problem_log(settings)
    contents = list(_published(generators))
    items = [Movable(content.source_path,
                     getattr(content, "source_lines", {}).get("old_urls", 1),
                     "/" + content.url, content.lang, content.metadata["old_urls"])
             for content in contents if content.metadata.get("old_urls")]
    current = {"/" + content.url for content in contents}
    table, problems = redirect_table(items, current, log.display_path)
    settings[TABLE] = table
    if problems:
        log.extend(problems)
        for problem in log.sorted():
            logger.error("%s", problem)
        raise ContentProblems(log.sorted())


def write_redirects(pelican):
    table = pelican.settings.get(TABLE) or []
    output = pelican.output_path
    translations_dir = os.path.join(pelican.settings["THEME"], "translations")

    def gettext_for(lang):
        return catalogues.load_translations(translations_dir, lang, "messages").ugettext

    write_redirect_pages(output, table, pelican.settings.get("SITEURL", ""), gettext_for)
    with open(os.path.join(output, MAP_FILE), "w", encoding="utf-8") as file:
        file.write(nginx_map(table))


def register():
    signals.all_generators_finalized.connect(collect_redirects)
    signals.finalized.connect(write_redirects)
