"""What frames every page of one language: navigation, topics, footer links.

Prepared once per language in Python, so templates only place plain values.
"""

from __future__ import annotations

from collections.abc import Callable

from globe_core.settings import GlobeSettings

from .sharing import OG_LOCALES

FOOTER_PAGES = ("about", "contact", "accessibility", "privacy", "subscribe")


def language_chrome(lang: str, prefix: str, settings: dict, pages: dict, categories,
                    gettext: Callable[[str], str]) -> dict:
    """pages: {slug: page} of this language; categories: [(category, articles)]."""
    siteurl = settings["SITEURL"]
    home_url = f"{siteurl}/{prefix}"
    nav = [("news", gettext("News"), home_url)]
    if "policy-areas" in pages:
        nav.append(("policy-areas", gettext("Policy areas"),
                    f"{siteurl}/{pages['policy-areas'].url}"))
    globe = GlobeSettings.of(settings)
    archive = globe.newsletter_archive_url
    nav.append(("newsletter", gettext("Newsletter"),
                f"{siteurl}/{archive.format(lang_prefix=prefix)}"))
    search = globe.search_url
    return {
        "home_url": home_url,
        "nav_items": nav,
        "topics": [(category.key, category.name, f"{siteurl}/{category.url}")
                   for category, _articles in categories],
        "search_url": f"{siteurl}/{search.format(lang_prefix=prefix)}" if search else None,
        "footer_links": [(pages[slug].title, f"{siteurl}/{pages[slug].url}")
                         for slug in FOOTER_PAGES if slug in pages],
        "feed_url": f"{siteurl}/{globe.feed_url.format(lang_prefix=prefix)}",
        "category_feed_urls": {
            category.key: siteurl + "/" + globe.category_feed_url.format(lang_prefix=prefix,
                                                                         slug=category.key)
            for category, _articles in categories},
        "og_locale": OG_LOCALES.get(lang, lang),
        # said in this language, on the switcher of a page that has no version in it
        "not_available": gettext("This page is not available in English: go to the home page"),
    }
