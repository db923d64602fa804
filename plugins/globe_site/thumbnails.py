"""Smaller copies of hero images for listing cards, made once and kept in a cache.

A card is at most about 400 CSS px wide on a phone, so 800 px covers a 2x screen; the
full image stays in `srcset` for the wide featured card. Encoding a JPEG costs tens of
milliseconds, so thumbnails are cached by source file (path, size, modification time):
rebuilding an archive of hundreds of images only makes the new ones.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass

from PIL import Image, ImageOps

from globe_core.images import eight_bit, image_size

WIDTH = 800
RASTER = (".jpg", ".jpeg", ".png", ".webp")


@dataclass(frozen=True)
class Thumbnail:
    source: str  # absolute path of the hero image
    relative_path: str  # where it goes in the output, e.g. thumbnails/2021/x-800w.jpg
    width: int
    height: int


def plan_thumbnail(image: str, content_root: str) -> Thumbnail | None:
    """The thumbnail a hero image needs, or None when it is already small enough."""
    source = os.path.join(content_root, image)
    size = image_size(source)
    if not size or size[0] <= WIDTH or not image.lower().endswith(RASTER):
        return None
    stem = os.path.splitext(image.removeprefix("images/"))[0]
    return Thumbnail(source, f"thumbnails/{stem}-{WIDTH}w.jpg", WIDTH,
                     max(1, round(size[1] * WIDTH / size[0])))


def thumbnail_bytes(thumbnail: Thumbnail, cache_dir: str) -> bytes:
    stat = os.stat(thumbnail.source)
    key = (f"{thumbnail.source}|{stat.st_size}|{stat.st_mtime_ns}|{thumbnail.width}"
           f"x{thumbnail.height}")  # the height: a turned photo was once planned wrong
    cached = os.path.join(cache_dir, hashlib.sha1(key.encode()).hexdigest() + ".jpg")
    if os.path.isfile(cached):
        with open(cached, "rb") as file:
            return file.read()
    with Image.open(thumbnail.source) as original:
        image = eight_bit(ImageOps.exif_transpose(original)).convert("RGB")
        image = image.resize((thumbnail.width, thumbnail.height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80, optimize=True, progressive=True)
    data = buffer.getvalue()
    os.makedirs(cache_dir, exist_ok=True)
    partial = f"{cached}.{os.getpid()}.part"  # renamed into place: never half a file
    with open(partial, "wb") as file:
        file.write(data)
    os.replace(partial, cached)
    return data


def write_thumbnails(thumbnails, output_path: str, cache_dir: str) -> None:
    for thumbnail in {t.relative_path: t for t in thumbnails}.values():
        path = os.path.join(output_path, thumbnail.relative_path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(thumbnail_bytes(thumbnail, cache_dir))
