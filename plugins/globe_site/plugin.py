"""Signal wiring of the site plugin. Receivers are module-level: Pelican holds weak refs."""

from __future__ import annotations

import os

from pelican import signals
from pelican.contents import Article, Page

from . import i18n
from .body import prepare_body
from .feeds import LanguageFeedWriter
from .image_generator import ResponsiveImagesGenerator
from .images import responsive_body
from .listings import LanguageListingsGenerator
from .pagination import page_window
from .search import SearchPageGenerator, index_site
from .sitemap import SitemapGenerator


def add_generators(pelican):
    # The sitemap reads what the listings generator put in the context: it comes second.
    return [LanguageListingsGenerator, SitemapGenerator, SearchPageGenerator,
            ResponsiveImagesGenerator]


def prepare_content_body(content):
    """Embeds become click-to-load placeholders; tables get a scroll region."""
    if not isinstance(content, (Article, Page)) or not getattr(content, "_content", None):
        return
    translations_dir = os.path.join(content.settings["THEME"], "translations")
    translations = i18n.load_translations(translations_dir, getattr(content, "lang", "fr"))
    content._content = prepare_body(content._content, translations.ugettext)
    content._content, content.responsive_images = responsive_body(
        content._content, content.settings["PATH"], content.settings["SITEURL"])


def use_language_feed_writer(pelican):
    return LanguageFeedWriter


def install_i18n(generator):
    if hasattr(generator, "env"):
        i18n.install(generator.env, os.path.join(generator.theme, "translations"))
        generator.env.globals["page_window"] = page_window
        # Each build makes a fresh environment, so templates never change during one;
        # without this Jinja stats every imported component file on every page.
        generator.env.auto_reload = False


def register():
    signals.get_generators.connect(add_generators)
    signals.get_writer.connect(use_language_feed_writer)
    signals.generator_init.connect(install_i18n)
    signals.content_object_init.connect(prepare_content_body)
    signals.finalized.connect(index_site)
