"""The enrichment step: what the site and the emails show about the content, computed once.

It runs at Pelican's `page_generator_finalized`: Pelican's own generators have read every
article and page, and no plugin generator has run yet, so what follows (listings, sitemap,
editions) finds everything ready, whatever the order of PLUGINS. In this order:

1. sections: each language's published articles, by category, tag and year;
2. alternates: every article and page links its other language versions;
3. pages by slug (the emails' privacy link reads it);
4. neighbours: newer and older article in the same category and language;
5. sharing: description, canonical URL and image of every article and page (share links
   and JSON-LD follow as each page is written);
6. thumbnails: listing-card images are planned (written later, with the listings);
7. chrome: each language's navigation, topics, footer and feed links (needs 1 and 3).
"""

from __future__ import annotations

import os
from urllib.parse import quote

from globe_core import context as keys
from globe_core.languages import NATIVE_NAMES
from globe_core.settings import GlobeSettings
from globe_core.versions import all_versions

from . import sharing
from .chrome import language_chrome
from .i18n import load_translations
from .languages import group_by_language, link_translations
from .neighbours import link_neighbours
from .thumbnails import plan_thumbnail


def enrich(generator) -> None:
    """page_generator_finalized receiver: the context is Pelican's shared one."""
    context, settings = generator.context, generator.settings
    globe = GlobeSettings.of(settings)
    siteurl = settings["SITEURL"]
    articles = all_versions(context.get("articles", []))
    pages = all_versions(context.get("pages", []))
    hidden_pages = list(context.get("hidden_pages", []))

    sections = group_by_language(articles, tuple(globe.languages), settings["DEFAULT_LANG"],
                                 list(globe.categories))
    context[keys.SECTIONS] = sections
    link_translations(articles + pages + hidden_pages, tuple(globe.languages), siteurl)
    pages_by_slug: dict = {}
    for page in pages:
        pages_by_slug.setdefault(page.slug, {})[page.lang] = page
    context[keys.PAGES_BY_SLUG] = pages_by_slug
    for section in sections.values():
        link_neighbours(section.categories)
    for content in articles + pages + hidden_pages:
        sharing.prepare(content, settings)
    context[keys.THUMBNAILS] = plan_thumbnails(articles, settings["PATH"], siteurl)
    context[keys.LANGUAGE_NAMES] = NATIVE_NAMES
    translations_dir = os.path.join(generator.theme, "translations")
    context[keys.CHROME] = {
        lang: language_chrome(
            lang, section.prefix, settings,
            {slug: versions[lang] for slug, versions in pages_by_slug.items()
             if lang in versions},
            section.categories, load_translations(translations_dir, lang).ugettext)
        for lang, section in sections.items()}


def plan_thumbnails(articles, content_root: str, siteurl: str) -> list:
    """Each article's `thumbnail_url` (or None); the thumbnails to write."""
    planned = []
    for article in articles:
        image = getattr(article, "image", None)
        thumbnail = plan_thumbnail(image, content_root) if image else None
        article.thumbnail_url = (f"{siteurl}/{quote(thumbnail.relative_path)}" if thumbnail
                                 else None)
        if thumbnail:
            planned.append(thumbnail)
    return planned
