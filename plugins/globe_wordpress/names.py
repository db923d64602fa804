"""Slugs and file names as the content model accepts them: lowercase ASCII and hyphens."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

# The content model's limit (globe_content.model.LONGEST_SLUG), which the import may not
# import; a test keeps the two equal.
LONGEST_SLUG = 100
# A folder name (an old address's redirect page is written in one), in bytes.
LONGEST_FOLDER_NAME = 255


def slugify(text: str, fallback: str = "", most: int | None = 80) -> str:
    """`Été à Bruxelles !` -> `ete-a-bruxelles`; WordPress's `%c3%a9t%c3%a9` is decoded first.
    `most`: its longest (None: as long as the text)."""
    text = unicodedata.normalize("NFKD", unquote(text))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return (shorten(slug, most) if most else slug) or fallback


def shorten(slug: str, most: int) -> str:
    """`slug` in at most `most` characters, ending after a whole word when one is long
    enough to keep half of it (else cut inside the word)."""
    if len(slug) <= most:
        return slug
    words = slug[:most + 1].rsplit("-", 1)[0]  # the character after the cut may be a hyphen
    if len(words) > most or len(words) < most // 2:
        words = slug[:most]
    return words.rstrip("-")


def safe_file_name(name: str, suffix: str) -> str:
    """An image file name that needs no quoting in a URL, with the suffix of its format."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return slugify(stem, "image") + suffix
