"""Article images made fit for email: JPEG/PNG/GIF, 600 px slot at 2x, 200 KB at most."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

from PIL import Image, ImageOps

from globe_core.images import ORIENTATION, eight_bit

SLOT_WIDTH = 600
MAX_WIDTH = SLOT_WIDTH * 2
MAX_BYTES = 200 * 1024
EMAIL_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif"}
# What every mail client shows as it is; a CMYK JPEG (from print work) or a 16-bit PNG
# shows inverted, black or not at all in some, so it is converted like any other image.
SHOWN_AS_IS = {"JPEG": {"RGB", "L"}, "PNG": {"RGB", "RGBA", "P", "L", "LA", "1"},
               "GIF": {"P", "L"}}
# Formats Pillow reads that email clients may not show: converted to JPEG or PNG.
CONVERTIBLE = (".jpg", ".jpeg", ".png", ".gif", ".webp")


@dataclass(frozen=True)
class EmailImage:
    """One prepared image: its bytes and where it goes under the output folder."""

    relative_path: str  # e.g. newsletter/images/2021/ankara.jpg
    data: bytes
    width: int
    height: int
    format: str  # JPEG, PNG or GIF


def email_image_path(images_url: str, image: str, format_: str) -> str:
    stem = os.path.splitext(image.removeprefix("images/"))[0]
    return f"{images_url}{stem}{EMAIL_FORMATS[format_]}"


def prepare_email_image(source: str, image: str, images_url: str) -> EmailImage | None:
    """The email version of a content image; None for a kind email cannot show (SVG)."""
    if not source.lower().endswith(CONVERTIBLE):
        return None
    with Image.open(source) as original:
        original.load()
        fmt = original.format
        # a turned photo is turned here: not every mail client reads EXIF orientation
        upright = original.getexif().get(ORIENTATION, 1) == 1
        untouched = original.mode in SHOWN_AS_IS.get(fmt, ()) and original.width <= MAX_WIDTH
        if untouched and upright and os.path.getsize(source) <= MAX_BYTES:
            with open(source, "rb") as file:
                data = file.read()
            return EmailImage(email_image_path(images_url, image, fmt), data,
                              original.width, original.height, fmt)
        picture = eight_bit(ImageOps.exif_transpose(original))
    if picture.width > MAX_WIDTH:
        height = max(1, round(picture.height * MAX_WIDTH / picture.width))
        picture = picture.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS,
                                 reducing_gap=3.0)
    has_alpha = picture.mode in ("RGBA", "LA") or (
        picture.mode == "P" and "transparency" in picture.info)
    data, fmt = (_png(picture) if has_alpha else _jpeg(picture))
    return EmailImage(email_image_path(images_url, image, fmt), data, picture.width,
                      picture.height, fmt)


def _four_fifths(size: tuple[int, int]) -> tuple[int, int]:
    """A step smaller, never to 0 px (a thin picture's short side would get there first)."""
    return max(1, size[0] * 4 // 5), max(1, size[1] * 4 // 5)


def _jpeg(picture: Image.Image) -> tuple[bytes, str]:
    picture = picture.convert("RGB")
    for quality in (82, 74, 66, 58, 50, 42):
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        if buffer.tell() <= MAX_BYTES:
            break
    while buffer.tell() > MAX_BYTES:  # a very busy picture: make it smaller still
        picture = picture.resize(_four_fifths(picture.size), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=60, optimize=True, progressive=True)
    return buffer.getvalue(), "JPEG"


def _png(picture: Image.Image) -> tuple[bytes, str]:
    picture = picture.convert("RGBA")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    colours = 256
    while buffer.tell() > MAX_BYTES and colours >= 16:
        buffer = io.BytesIO()
        picture.quantize(colours).save(buffer, "PNG", optimize=True)
        colours //= 2
    while buffer.tell() > MAX_BYTES:
        picture = picture.resize(_four_fifths(picture.size), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        picture.quantize(64).save(buffer, "PNG", optimize=True)
    return buffer.getvalue(), "PNG"
