"""Hero and inline images in several widths, WebP with a JPEG or PNG fallback.

A phone (375 CSS px at 2x) picks the 800 px file from `srcset` instead of the original
camera photo. Widths are never larger than the source. Encoding is the slow part (tens of
milliseconds to seconds per file), so each variant is kept in a cache named after the
source's content hash: a rebuild with unchanged images encodes nothing, and an edited
image gets a new hash, so it is redone. `STATS["encoded"]` counts the encodes of this
process (the tests read it).
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import shutil
from dataclasses import dataclass
from urllib.parse import quote, unquote

from markupsafe import Markup
from PIL import Image, ImageOps

from globe_core.images import eight_bit, image_size

log = logging.getLogger(__name__)

WIDTHS = (480, 800, 1200, 1600, 2400)
RASTER = (".jpg", ".jpeg", ".png", ".webp")
QUALITY = {"WEBP": 78, "JPEG": 80}
CACHE_VERSION = "2"  # bump when the encoding changes (2: turned phone photos upright)
# How wide the image shows: full width on phones; the hero is at most 64rem, prose 44rem.
HERO_SIZES = "(min-width: 64rem) 64rem, 100vw"
INLINE_SIZES = "(min-width: 48rem) 44rem, 100vw"
STATS = {"encoded": 0}


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    format: str  # WEBP, JPEG or PNG
    relative_path: str  # under the output folder, e.g. images/2021/x-800w.webp


@dataclass(frozen=True)
class ResponsiveImage:
    source: str  # absolute path of the original
    width: int
    height: int
    webp: tuple[Variant, ...]
    fallback: tuple[Variant, ...]

    @property
    def variants(self) -> tuple[Variant, ...]:
        return self.webp + self.fallback


def plan_image(image: str, content_root: str) -> ResponsiveImage | None:
    """The widths an image is published in; None for what is not a raster photo (SVG, GIF)."""
    if not image.lower().endswith(RASTER):
        return None
    source = os.path.join(content_root, image)
    size = image_size(source)
    if not size:
        return None
    width, height = size
    widths = [w for w in WIDTHS if w < width] + [min(width, WIDTHS[-1])]
    stem = os.path.splitext(image)[0]
    fallback_format = "PNG" if image.lower().endswith(".png") else "JPEG"
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

    def variants(fmt):  # never 0 high: the content check refuses shapes beyond 1:20
        return tuple(Variant(w, max(1, round(height * w / width)), fmt,
                             f"{stem}-{w}w.{extension[fmt]}") for w in widths)

    return ResponsiveImage(source, width, height, variants("WEBP"), variants(fallback_format))


def picture_html(image: ResponsiveImage, siteurl: str, alt: str, sizes: str, lazy: bool,
                 extra: str = "") -> Markup:
    """<picture> with a WebP source and an <img> fallback with width/height (no shift)."""

    def srcset(variants):
        # quoted: a space in a file name would split a srcset entry
        return ", ".join(f"{siteurl}/{quote(v.relative_path)} {v.width}w" for v in variants)

    largest = image.fallback[-1]
    loading = ' loading="lazy"' if lazy else ' fetchpriority="high"'
    return Markup(
        f'<picture><source type="image/webp" srcset="{srcset(image.webp)}" sizes="{sizes}">'
        f'<img src="{siteurl}/{quote(largest.relative_path)}" srcset="{srcset(image.fallback)}" '
        f'sizes="{sizes}" alt="{html.escape(alt)}" width="{largest.width}" '
        f'height="{largest.height}"{loading} decoding="async"{extra}></picture>')


# The <img> our Markdown extension writes for a content image (globe_content.figures).
CONTENT_IMG = re.compile(r'<img (?P<attrs>[^>]*?)src="\{static\}/(?P<path>[^"]+)"(?P<rest>[^>]*)>')
ALT = re.compile(r'alt="([^"]*)"')
TITLE = re.compile(r'title="([^"]*)"')


def responsive_body(body: str, content_root: str, siteurl: str) -> tuple[str, list]:
    """Each inline content image as a lazy <picture>; also the images it needs."""
    needed = []

    def replace(match):
        image = plan_image(unquote(match["path"]), content_root)
        if image is None:
            return match[0]
        needed.append(image)
        attrs = match["attrs"] + match["rest"]
        alt = ALT.search(attrs)
        title = TITLE.search(attrs)
        extra = f' title="{title[1]}"' if title else ""
        return picture_html(image, siteurl, html.unescape(alt[1]) if alt else "",
                            INLINE_SIZES, lazy=True, extra=extra)

    if "{static}/" not in body:
        return body, needed
    return CONTENT_IMG.sub(replace, body), needed


class ImageCache:
    """Encoded variants on disk, by source content hash; hashes by (path, size, mtime)."""

    def __init__(self, folder: str):
        self.folder = folder
        self.index_path = os.path.join(folder, "hashes.json")
        try:
            with open(self.index_path, encoding="utf-8") as file:
                self.hashes = json.load(file)
        except (OSError, ValueError):
            self.hashes = {}
        self.changed = False

    def content_hash(self, path: str) -> str:
        stat = os.stat(path)
        key = f"{path}|{stat.st_size}|{stat.st_mtime_ns}"
        digest = self.hashes.get(key)
        if digest is None:
            with open(path, "rb") as file:
                digest = hashlib.sha256(file.read()).hexdigest()
            self.hashes[key] = digest
            self.changed = True
        return digest

    def variant_path(self, image: ResponsiveImage, variant: Variant) -> str:
        digest = self.content_hash(image.source)
        name = f"{digest[:32]}-{CACHE_VERSION}-{variant.width}.{variant.format.lower()}"
        return os.path.join(self.folder, digest[:2], name)

    def variant_files(self, image: ResponsiveImage) -> dict[Variant, str]:
        """Each variant's cached file; the missing ones are made from one decode."""
        paths = {variant: self.variant_path(image, variant) for variant in image.variants}
        missing = [variant for variant, path in paths.items() if not os.path.isfile(path)]
        if missing:
            _encode(image.source, {variant: paths[variant] for variant in missing})
        return paths

    def save(self) -> None:
        if self.changed:
            os.makedirs(self.folder, exist_ok=True)
            partial = f"{self.index_path}.{os.getpid()}.part"
            with open(partial, "w", encoding="utf-8") as file:
                json.dump(self.hashes, file)
            os.replace(partial, self.index_path)


def _encode(source: str, targets: dict[Variant, str]) -> None:
    """Decode once, then resize from large to small (each step from the previous one)."""
    with Image.open(source) as original:
        largest = max(variant.width for variant in targets)
        if original.format == "JPEG":  # decode at a reduced scale when that is enough
            original.draft("RGB", (largest, max(1, round(original.height * largest
                                                         / original.width))))
        picture = eight_bit(ImageOps.exif_transpose(original))
        alpha = picture.mode in ("RGBA", "LA", "P") and "transparency" in picture.info \
            or picture.mode in ("RGBA", "LA")
        picture = picture.convert("RGBA" if alpha else "RGB")
    for width in sorted({variant.width for variant in targets}, reverse=True):
        same_width = [variant for variant in targets if variant.width == width]
        if picture.width != width:
            picture = picture.resize((width, same_width[0].height), Image.Resampling.LANCZOS)
        for variant in same_width:
            _save(picture, variant, targets[variant])


def _save(picture, variant: Variant, path: str) -> None:
    STATS["encoded"] += 1
    if variant.format == "JPEG" and picture.mode != "RGB":
        picture = picture.convert("RGB")
    options = {"WEBP": {"quality": QUALITY["WEBP"], "method": 4},
               "JPEG": {"quality": QUALITY["JPEG"], "optimize": True, "progressive": True},
               "PNG": {"optimize": True}}[variant.format]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.{os.getpid()}.part"  # renamed into place: never half a file
    picture.save(partial, variant.format, **options)
    os.replace(partial, path)


def write_images(images, output_path: str, cache_dir: str) -> None:
    """Every variant of every image into the output, encoded only when not cached."""
    cache = ImageCache(cache_dir)
    for image in {image.source: image for image in images}.values():
        for variant, cached in cache.variant_files(image).items():
            target = os.path.join(output_path, variant.relative_path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            try:
                os.link(cached, target)  # same disk: no copy needed
            except OSError:
                shutil.copyfile(cached, target)
    cache.save()
