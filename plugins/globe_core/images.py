"""The size of an image file, read from its header (Pillow), cached per path."""

from __future__ import annotations

from functools import lru_cache

from PIL import Image


@lru_cache(maxsize=1024)
def image_size(path: str) -> tuple[int, int] | None:
    """Width and height from the file header, so the browser can reserve the space."""
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, ValueError):
        return None
