"""Signal wiring of the site plugin. Receivers are module-level: Pelican holds weak refs."""

from __future__ import annotations

import os

from pelican import signals
from pelican.contents import Article, Page

from globe_core.pelican_seams import body_of, replace_body
from globe_core.startup import at_initialized

from . import i18n
from .body import prepare_body
from .enrichment import enrich
from .feeds import localize_feed
from .listings import LanguageListingsGenerator
from .pagination import page_window
from .sitemap import SitemapGenerator


def add_generators(pelican):
    # The sitemap reads what the listings generator put in the context: it comes second.
    return [LanguageListingsGenerator, SitemapGenerator]


def prepare_content_body(content):
    """Embeds become click-to-load placeholders; tables get a scroll region."""
    if not isinstance(content, (Article, Page)) or not body_of(content):
        return
    translations_dir = os.path.join(content.settings["THEME"], "translations")
    translations = i18n.load_translations(translations_dir, getattr(content, "lang", "fr"))
    replace_body(content, prepare_body(body_of(content), translations.ugettext))


def install_i18n(generator):
    if hasattr(generator, "env"):
        i18n.install(generator.env, os.path.join(generator.theme, "translations"))
        generator.env.globals["page_window"] = page_window
        # Each build makes a fresh environment, so templates never change during one;
        # without this Jinja stats every imported component file on every page.
        generator.env.auto_reload = False


def register():
    signals.initialized.connect(at_initialized)
    signals.get_generators.connect(add_generators)
    signals.feed_generated.connect(localize_feed)
    signals.generator_init.connect(install_i18n)
    signals.content_object_init.connect(prepare_content_body)
    signals.page_generator_finalized.connect(enrich)
