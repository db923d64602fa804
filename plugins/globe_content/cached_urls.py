"""Articles that work out their URL once.

Pelican formats `url` and `save_as` from the settings on every access (about 80 µs each);
per-language listings, hreflang links and feeds ask tens of thousands of times. An
article's URL depends only on its slug, date, language and status, fixed once it is read.
"""

from __future__ import annotations

from functools import cached_property

from pelican.contents import Article


class CachedUrlArticle(Article):
    url = cached_property(Article.url.fget)
    save_as = cached_property(Article.save_as.fget)

    # Article._expand_settings names its settings explicitly, not by class name.


def cache_article_urls(content) -> None:
    """content_object_init receiver: nothing has asked for the URL yet at this point."""
    if type(content) is Article:
        content.__class__ = CachedUrlArticle
