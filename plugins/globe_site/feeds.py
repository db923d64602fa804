"""Feeds that say their language and link to that language's home (Pelican's feed_generated)."""

from __future__ import annotations

import html

from globe_core.languages import lang_prefix


def localize_feed(context, feed) -> None:
    """feed_generated receiver: the listings write each feed with the `lang` of its section."""
    lang = context.get("lang")
    if lang:
        feed.feed["language"] = lang  # Atom: xml:lang; RSS: <language>
        feed.feed["link"] = f"{context['SITEURL']}/{lang_prefix(lang, context['DEFAULT_LANG'])}"


class FeedItem:
    """An article as Pelican's feed writer reads it. The writer strips tags from titles
    (`Markup(title).striptags()`), but a Title is plain text: `Budget <2 %> de plus` lost
    its `<2 %>`, `A &amp; B` became `A & B`. Given the title escaped, striptags turns it
    back into the text as typed; everything else is the article's."""

    def __init__(self, article):
        self._article = article
        self.title = html.escape(article.title, quote=False)

    def __getattr__(self, name):
        return getattr(self._article, name)


def feed_items(articles) -> list:
    return [FeedItem(article) for article in articles]
