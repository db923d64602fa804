"""Image files: their size (read from the header, cached per path), and whether the site
can publish them, checked with bounded memory and time.

Pillow reads the header first; a picture larger than MAX_PIXELS is refused before any
pixel is decoded (a "decompression bomb" is a small file that claims a huge picture).
JPEGs are then decoded at 1/8 scale, which still reads the whole file, so a truncated
file is found at a fraction of the cost. Proportions beyond 1:20 and heights over 16383 px
are refused from the header too: no published version (site widths, listing card, email)
could be made of them. SVG is text: it may not carry scripts or
references to other hosts, which would run or load when the file is opened.
"""

from __future__ import annotations

import os
import re
import warnings
from functools import lru_cache

from PIL import Image, UnidentifiedImageError

from .messages import _

# EXIF orientations that turn the picture a quarter: a phone held upright saves a
# landscape grid of pixels and says to show it turned (what browsers and the encoders,
# after ImageOps.exif_transpose, do).
_QUARTER_TURNS = {5, 6, 7, 8}
ORIENTATION = 0x0112


@lru_cache(maxsize=1024)
def image_size(path: str) -> tuple[int, int] | None:
    """Width and height as shown, from the file header, so the browser can reserve the
    space and each version keeps the picture's proportions."""
    try:
        with Image.open(path) as image:
            width, height = image.size
            if image.getexif().get(ORIENTATION) in _QUARTER_TURNS:
                return height, width
            return width, height
    except (OSError, ValueError):
        return None


MAX_PIXELS = 40_000_000  # e.g. 8000 × 5000: more than any camera the team uses
# The site, its listing cards and the emails publish each image scaled to widths from
# 480 px: beyond 1:20 a side of the smaller ones is a line of a few pixels, or nothing.
MOST_STRETCHED = 20
# WebP, the site's format, stops at 16383 px a side, and the site keeps the height of an
# image up to 2400 px wide: a longer infographic is several images.
HIGHEST = 16383
RASTER_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
# Scripts, event attributes, entity declarations (which can expand without end), and
# references to other hosts (an embedded `data:image/…` picture is fine).
_SVG_DANGER = re.compile(
    r"<\s*(?:script|foreignObject|iframe|object|embed)\b|\son[a-z]+\s*=|javascript:"
    r"|<!ENTITY|(?:href|src)\s*=\s*[\"']?\s*(?!data:image/)(?:[a-z][a-z0-9+.-]*:|//)"
    r"|url\(\s*[\"']?\s*(?!data:image/)(?:[a-z][a-z0-9+.-]*:|//)|@import", re.IGNORECASE)


_SIXTEEN_BIT = {"I", "I;16", "I;16B", "I;16L"}  # scans and print work: 0-65535 per pixel


def eight_bit(picture: Image.Image) -> Image.Image:
    """`picture` with 8 bits per channel: a 16-bit grey image scaled to 0-255 (Pillow's
    own conversion to RGB clips it, and a mid-grey scan comes out white)."""
    if picture.mode in _SIXTEEN_BIT:
        return picture.convert("I").point(lambda value: value / 256).convert("L")
    return picture


def image_problem(path: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for the image at `path`, or None if it is fine."""
    try:
        stat = os.stat(path)
    except OSError as error:
        return (_("the image cannot be read (%(error)s)", error=error.strerror),
                _("check the file name and the file"))
    return _inspect(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4096)
def _inspect(path: str, size: int, mtime: int) -> tuple[str, str] | None:
    if path.lower().endswith(".svg"):
        return _inspect_svg(path)
    replace = _("save the picture again as JPEG or PNG in an image editor, and replace the file")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                shape = _shape_problem(width, height)
                if shape:
                    return shape
                if width * height > MAX_PIXELS:
                    return (_("the image is %(width)s × %(height)s pixels, too large to "
                              "publish", width=width, height=height),
                            _resize_fix(width, height))
                if image.format not in RASTER_FORMATS:
                    return (_("the file is a %(format)s image, which browsers cannot show",
                              format=image.format), replace)
                if image.format == "JPEG":
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return (_("the image claims more than %(count)s million pixels, too large to open "
                  "safely", count=MAX_PIXELS // 1_000_000),
                _("resize it to at most 4000 pixels wide"))
    except UnidentifiedImageError:
        return (_("the file is not a picture"), replace)
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        if "truncated" in str(error):
            return (_("the file is not a complete image (it was cut short)"), replace)
        return (_("the image file is damaged (%(error)s)", error=error), replace)
    return None


def _resize_fix(width: int, height: int) -> str:
    smaller = fitting_size(width, height, MAX_PIXELS, 4000)
    return smaller_size_fix(smaller) if smaller else _("resize it to at most 4000 pixels wide")


def _shape_problem(width: int, height: int) -> tuple[str, str] | None:
    """Proportions or a height no published version can have (header only, no decoding)."""
    if width > height * MOST_STRETCHED:
        return (_("the image is %(width)s × %(height)s pixels, more than %(ratio)s times as "
                  "wide as it is high: its smaller versions would be thin lines",
                  width=width, height=height, ratio=MOST_STRETCHED),
                _("crop it to at most %(most)s pixels wide", most=height * MOST_STRETCHED))
    if height > width * MOST_STRETCHED:
        return (_("the image is %(width)s × %(height)s pixels, more than %(ratio)s times as "
                  "high as it is wide: its smaller versions would be thin lines",
                  width=width, height=height, ratio=MOST_STRETCHED),
                _("crop it to at most %(most)s pixels high, or split it into several "
                  "images", most=width * MOST_STRETCHED))
    if height > HIGHEST:
        return (_("the image is %(width)s × %(height)s pixels: the site's versions of an "
                  "image cannot be more than %(most)s pixels high",
                  width=width, height=height, most=HIGHEST),
                _("split it into several images of at most %(most)s pixels high each",
                  most=HIGHEST))
    return None


def fitting_size(width: int, height: int, most_pixels: int,
                 most_width: int) -> tuple[int, int] | None:
    """None when resizing to `most_width` px wide is enough, else the largest size with at
    most `most_pixels` (a tall infographic already narrower than that needs a height)."""
    if width > most_width and most_width * round(height * most_width / width) <= most_pixels:
        return None
    scale = min(1.0, (most_pixels / (width * height)) ** 0.5)
    return max(1, int(width * scale)), max(1, int(height * scale))


def smaller_size_fix(size: tuple[int, int]) -> str:
    return _("resize it to at most %(width)s × %(height)s pixels, or split it into several "
             "images", width=size[0], height=size[1])


def _inspect_svg(path: str) -> tuple[str, str] | None:
    with open(path, "rb") as file:
        text = file.read(2_000_000).decode("utf-8", "replace")
    if "<svg" not in text:
        return (_("the file is not an SVG image"), _("export it again as SVG, or use a PNG"))
    if _SVG_DANGER.search(text):
        return (_("the SVG image contains a script or a reference to another site"),
                _("export it again without scripts or links, or save it as PNG"))
    return None
