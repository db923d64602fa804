"""The folders the build writes at the root of the site and of each language's part.

A page named like one of them, or an old address inside one, would take the place of
what the build writes there (or, through the server's redirect map, hide it).
"""

from __future__ import annotations

from .settings import GlobeSettings

SITE_FOLDERS = frozenset({"archives", "category", "tag", "feeds", "newsletter", "search",
                          "pagefind", "theme", "thumbnails", "page", "drafts",
                          "translations"})


def site_folders(settings) -> frozenset[str]:
    """SITE_FOLDERS, the languages' folders and the static ones (`images`, `documents`)."""
    return (SITE_FOLDERS | set(GlobeSettings.of(settings).languages)
            | {path.split("/", 1)[0] for path in settings.get("STATIC_PATHS", [])})
