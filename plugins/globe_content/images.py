"""Where an image an officer names really is: one rule for the hero and inline images.

Both spellings are accepted everywhere: `images/2026/x.jpg` (from content/, as the hero
was taught) and `../../images/2026/x.jpg` (from the Markdown file, so editors preview it).
When neither finds a file, the closest existing image is suggested.
"""

from __future__ import annotations

import difflib
import os

from .paths import content_relative

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg")


def resolve_image(target: str, source_path: str, content_root: str) -> str | None:
    """The image's path relative to content/, whichever way it was written; None if absent."""
    candidates = [content_relative(target, source_path, content_root)]
    if not target.startswith(("/", "{")):
        candidates.append(content_relative("/" + target, source_path, content_root))
    for relative in candidates:
        if relative and os.path.isfile(os.path.join(content_root, relative)):
            return relative
    return None


def _images_under(content_root: str) -> list[str]:
    """Only walked when an image is missing: not worth a cache that could go stale."""
    found = []
    for folder, _dirs, files in os.walk(content_root):
        for name in files:
            if name.lower().endswith(IMAGE_SUFFIXES):
                path = os.path.relpath(os.path.join(folder, name), content_root)
                found.append(path.replace(os.sep, "/"))
    return sorted(found)


def suggest_image(target: str, content_root: str) -> str | None:
    """The existing image (relative to content/) whose path is closest to `target`."""
    images = _images_under(content_root)
    wanted = target.replace("\\", "/")
    while wanted.startswith(("../", "./", "/")):
        wanted = wanted.split("/", 1)[1]
    close = difflib.get_close_matches(wanted, images, n=1, cutoff=0.6)
    if close:
        return close[0]
    by_name = {os.path.basename(path): path for path in images}
    close = difflib.get_close_matches(os.path.basename(wanted), list(by_name), n=1, cutoff=0.6)
    return by_name[close[0]] if close else None
