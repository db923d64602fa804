"""Signal wiring of the content plugin. Receivers are module-level: Pelican holds weak refs."""

from __future__ import annotations

import logging

from pelican import signals
from pelican.contents import Article, Page
from pelican.readers import BaseReader

from globe_core import background
from globe_core.languages import long_date
from globe_core.pelican_seams import cache_article_urls
from globe_core.problems import ContentProblems, problem_log
from globe_core.startup import at_initialized

from . import parallel_read
from .reader import GlobeMarkdownReader
from .site_checks import (
    attached_file_problems,
    check_folders,
    check_site,
    draft_link_problems,
)

logger = logging.getLogger(__name__)


def use_globe_reader(readers):
    # Markdown only: Pelican's HTML and reST readers would make articles the site's model
    # knows nothing about. Other files under articles/ are errors (see tree.py).
    for extension, reader in readers.reader_classes.items():
        if reader is not BaseReader:  # BaseReader reads static files (images)
            readers.reader_classes[extension] = None
    for extension in GlobeMarkdownReader.file_extensions:
        readers.reader_classes[extension] = GlobeMarkdownReader


def format_locale_date(content):
    """Dates in the content's own language, by Babel rather than the system locale."""
    if isinstance(content, (Article, Page)) and hasattr(content, "date"):
        content.locale_date = long_date(content.date, content.lang)


def stop_on_problems(generators):
    """After every file is read and before anything is written: all problems, or go."""
    settings = generators[0].settings
    log = problem_log(settings)
    log.extend(check_site(generators))
    log.extend(draft_link_problems(generators))
    log.extend(attached_file_problems(generators))
    log.extend(check_folders(settings, log.display_path))
    if log:
        background.finish_unfed(settings)  # the problems of work still running: all at once
        for problem in log.sorted():
            logger.error("%s", problem)
        raise ContentProblems(log.sorted())


def register():
    signals.initialized.connect(at_initialized)
    signals.readers_init.connect(use_globe_reader)
    signals.article_generator_init.connect(parallel_read.start)
    signals.content_object_init.connect(format_locale_date)
    signals.content_object_init.connect(cache_article_urls)
    signals.all_generators_finalized.connect(stop_on_problems)
