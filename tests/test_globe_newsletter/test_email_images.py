"""Article images made fit for email: formats and colour modes every client shows."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from globe_newsletter.email_images import prepare_email_image


def prepared(tmp_path, picture: Image.Image, name: str, **save) -> Image.Image:
    path = tmp_path / name
    picture.save(path, **save)
    email = prepare_email_image(str(path), f"images/{name}", "newsletter/images/")
    return Image.open(io.BytesIO(email.data))


@pytest.mark.parametrize("mode, colour", [("RGB", (200, 30, 30)), ("L", 90)])
def test_a_small_jpeg_every_client_shows_is_kept_as_it_is(tmp_path, mode, colour):
    path = tmp_path / "photo.jpg"
    Image.new(mode, (800, 450), colour).save(path, "JPEG", quality=80)
    email = prepare_email_image(str(path), "images/photo.jpg", "newsletter/images/")
    assert email.data == path.read_bytes()


def test_a_cmyk_jpeg_from_print_work_becomes_rgb(tmp_path):
    picture = prepared(tmp_path, Image.new("CMYK", (800, 450), (0, 120, 200, 10)),
                       "print.jpg", format="JPEG")
    assert (picture.format, picture.mode) == ("JPEG", "RGB")


def test_a_sixteen_bit_png_becomes_eight_bit_without_turning_white(tmp_path):
    grey = Image.new("I;16", (800, 450), 32768)  # mid-grey on 16 bits
    picture = prepared(tmp_path, grey, "scan.png", format="PNG")
    assert picture.mode in ("RGB", "L")
    assert 110 <= picture.convert("L").getpixel((10, 10)) <= 145
