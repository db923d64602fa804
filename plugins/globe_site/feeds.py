"""Pelican's writer, with feeds that say their language and link to that language's home."""

from __future__ import annotations

from pelican.writers import Writer

from globe_core.languages import lang_prefix


class LanguageFeedWriter(Writer):
    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        lang = context.get("lang")
        if lang:
            feed.feed["language"] = lang  # Atom: xml:lang; RSS: <language>
            feed.feed["link"] = f"{self.site_url}/{lang_prefix(lang, context['DEFAULT_LANG'])}"
        return feed
