"""The keys plugins publish in Pelican's shared context, declared once, with their writer.

Templates read the upper-case ones; Python code imports these names instead of spelling
the strings. See docs/architecture.md for the step that writes each.
"""

from __future__ import annotations

# Written by the enrichment step (globe_site.enrichment, at page_generator_finalized):
SECTIONS = "globe_sections"  # {lang: LanguageSection}: articles by category, tag, year
PAGES_BY_SLUG = "pages_by_slug"  # {slug: {lang: page}}; the emails link the privacy page
THUMBNAILS = "globe_thumbnails"  # [Thumbnail] the listings generator writes
CHROME = "GLOBE_CHROME"  # {lang: navigation, topics, footer and feed links}
LANGUAGE_NAMES = "LANGUAGE_NAMES"  # {lang: the language named in itself}

# Written by LanguageListingsGenerator.generate_context, read by SitemapGenerator:
LISTING_ENTRIES = "globe_listing_entries"  # [SitemapEntry] of every listing's first page
