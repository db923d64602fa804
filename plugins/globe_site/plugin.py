"""Signal wiring of the site plugin. Receivers are module-level: Pelican holds weak refs."""

from __future__ import annotations

import os

from pelican import signals
from pelican.contents import Article, Page

from globe_core import written_files
from globe_core.startup import at_initialized

from . import i18n
from .enrichment import enrich
from .feeds import localize_feed
from .fragments import remembering
from .image_generator import ResponsiveImagesGenerator
from .images import responsive_body
from .listings import LanguageListingsGenerator
from .pagination import page_window
from .parallel_write import split_article_writing
from .search import SearchPageGenerator, end_index_input, finish_index, start_index
from .sharing import prepare_page
from .sitemap import SitemapGenerator
from .translations_page import TranslationsPageGenerator


def add_generators(pelican):
    # The sitemap reads what the listings generator put in the context: it comes second.
    return [LanguageListingsGenerator, SitemapGenerator, SearchPageGenerator,
            ResponsiveImagesGenerator, TranslationsPageGenerator]


def responsive_content_images(content):
    """Inline images of a body become <picture>s with widths for each screen (images.py)."""
    if isinstance(content, (Article, Page)) and getattr(content, "_content", None):
        content._content, content.responsive_images = responsive_body(
            content._content, content.settings["PATH"], content.settings["SITEURL"])


def install_i18n(generator):
    if hasattr(generator, "env"):
        # Every value is escaped unless marked safe: only the sanitised Markdown body is.
        generator.env.autoescape = True
        i18n.install(generator.env, os.path.join(generator.theme, "translations"))
        generator.env.globals["page_window"] = page_window
        generator.env.globals["remember"] = remembering()
        # Each build makes a fresh environment, so templates never change during one;
        # without this Jinja stats every imported component file on every page.
        generator.env.auto_reload = False


def finish_background_last(pelican):
    """Connected at `initialized`, after every plugin's own `finalized` receivers, so that
    a plain `pelican` run without the publishing plugin gets its search index too."""
    signals.finalized.connect(finish_index)


def register():
    signals.initialized.connect(at_initialized)
    signals.get_generators.connect(add_generators)
    signals.feed_generated.connect(localize_feed)
    signals.generator_init.connect(install_i18n)
    signals.page_generator_finalized.connect(enrich)
    signals.article_generator_finalized.connect(split_article_writing)
    signals.article_generator_write_article.connect(prepare_page)
    signals.page_generator_write_page.connect(prepare_page)
    signals.content_object_init.connect(responsive_content_images)
    signals.article_generator_finalized.connect(start_index)
    signals.page_writer_finalized.connect(end_index_input)
    signals.content_written.connect(written_files.pass_written)
    signals.feed_written.connect(written_files.pass_written)
    signals.initialized.connect(finish_background_last)
