"""Development settings of international.brussels. `publishconf.py` builds on these."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "plugins"))

from globe_core.languages import DEFAULT_LANG as _DEFAULT_LANG
from globe_site.template_cache import TemplateBytecodeCache

SITENAME = "The Brussels Globe"
AUTHOR = "Brussels International"
SITEURL = "http://127.0.0.1:8000"
PATH = os.path.join(HERE, "content")
THEME = os.path.join(HERE, "theme")
TIMEZONE = "Europe/Brussels"
DEFAULT_LANG = _DEFAULT_LANG
GLOBE_EDITIONS_PATH = os.path.join(HERE, "newsletter", "editions")
# Listing-card thumbnails are kept here between builds (see plugins/globe_site/thumbnails.py)
# Caches live in .cache/ (GLOBE_CACHE_PATH moves them, e.g. for `make bench`).
CACHE = os.environ.get("GLOBE_CACHE_PATH") or os.path.join(HERE, ".cache")
GLOBE_CACHE_PATH = CACHE
GLOBE_THUMBNAIL_CACHE = os.path.join(CACHE, "thumbnails")
# Hero and inline images in several widths, cached by content (plugins/globe_site/images.py)
GLOBE_IMAGE_CACHE = os.path.join(CACHE, "images")
# Templates are compiled once per process, and kept in .cache/ for the next build.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     "bytecode_cache": TemplateBytecodeCache(os.path.join(CACHE, "jinja"))}
# `globe links --external` results, kept between runs (CI caches .cache/ too)
GLOBE_LINKS_CACHE = os.path.join(HERE, ".cache", "links.json")

PLUGIN_PATHS = [os.path.join(HERE, "plugins")]
PLUGINS = ["globe_content", "globe_site", "globe_newsletter", "globe_publish",
           "globe_redirects"]

ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "documents"]  # documents/: files articles link to (PDF…)
# Hidden files (.env, .git, editors' backups) are never read or published, and static files
# are copied as regular files, never linked (docs/security.md).
IGNORE_FILES = [".*"]
STATIC_CREATE_LINKS = False
ARTICLE_TRANSLATION_ID = "slug"
PAGE_TRANSLATION_ID = "slug"
MARKDOWN = {
    # What officers write: tables, footnotes, {: attributes}, lists that keep their type.
    "extensions": ["markdown.extensions.tables", "markdown.extensions.footnotes",
                   "markdown.extensions.attr_list", "markdown.extensions.sane_lists"],
    "extension_configs": {},
    "output_format": "html5",
}

# Article URLs keep the current site's French pattern; other languages sit under /nl/, /en/.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = "{lang}/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = PAGE_LANG_URL + "index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_LANG_URL = "drafts/{lang}/{slug}/"
DRAFT_LANG_SAVE_AS = DRAFT_LANG_URL + "index.html"

# Listings are written per language by the globe_site plugin, so Pelican's own are off.
# `lang_prefix` is '' for French and 'nl/' or 'en/' for the others.
CATEGORY_URL = "{lang_prefix}category/{slug}/"
CATEGORY_SAVE_AS = ""
TAG_URL = "{lang_prefix}tag/{slug}/"
TAG_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = []
FEED_ALL_ATOM = None
FEED_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Feeds carry the latest 30 articles of their language (or category), with full text.
FEED_MAX_ITEMS = 30
DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "category": None, "tag": None, "period_archives": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False

# Every other GLOBE_* setting (languages, categories, listing and feed URLs, newsletter
# URLs and merge tags, organisation, social accounts…) has its default, type and meaning in
# plugins/globe_core/settings.py; set one here only to differ from it.

# --- delivery (issue 9): the listmonk list of each language (a UUID from listmonk's Lists
# page); the subscription form posts to it. Other delivery settings: globe_core/settings.py.
# These are placeholders: put the real UUIDs once the lists exist (docs/sending.md).
GLOBE_NEWSLETTER_LISTS = {
    "fr": "6f1f6a52-3a0e-4c8e-9a53-0c2f4f2b7a01",
    "nl": "0b9d5c4e-7e2a-4d61-8f0b-5d3c2a1e9b02",
    "en": "c4a8e2f0-1d3b-4f5a-9e6c-7b2d0a8f5c03",
}
