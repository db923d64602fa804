"""Feeds that say their language and link to that language's home (Pelican's feed_generated)."""

from __future__ import annotations

from globe_core.languages import lang_prefix


def localize_feed(context, feed) -> None:
    """feed_generated receiver: the listings write each feed with the `lang` of its section."""
    lang = context.get("lang")
    if lang:
        feed.feed["language"] = lang  # Atom: xml:lang; RSS: <language>
        feed.feed["link"] = f"{context['SITEURL']}/{lang_prefix(lang, context['DEFAULT_LANG'])}"
