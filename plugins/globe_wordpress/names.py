"""Slugs and file names as the content model accepts them: lowercase ASCII and hyphens."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote


def slugify(text: str, fallback: str = "") -> str:
    """`Été à Bruxelles !` -> `ete-a-bruxelles`; WordPress's `%c3%a9t%c3%a9` is decoded first."""
    text = unicodedata.normalize("NFKD", unquote(text))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:80].rstrip("-") or fallback


def safe_file_name(name: str, suffix: str) -> str:
    """An image file name that needs no quoting in a URL, with the suffix of its format."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return slugify(stem, "image") + suffix
