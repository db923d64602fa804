"""Images whose published versions cannot be made (a strip, a needle, an infographic over
WebP's 16383 px) are content errors naming the file and the line that uses it, found
before any version is made; a long but possible infographic builds, in correct versions."""

from __future__ import annotations

import io

from bs4 import BeautifulSoup
from contentkit import article, write_image, write_tree
from PIL import Image

from globe_core.images import HIGHEST, MOST_STRETCHED, image_problem
from globe_core.large_images import warn_if_large
from globe_newsletter.email_images import prepare_email_image
from globe_site.images import plan_image

from .kit import A, assert_reported, build, check, run_globe


def png(path, size, colour=(90, 120, 200)):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "PNG")
    return path


def line_of(tmp_path, text: str) -> int:
    lines = (tmp_path / A).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_a_very_wide_hero_is_an_error_on_its_line_and_the_build_stops(tmp_path):
    write_image(tmp_path / "content/images/wide.jpg", size=(20000, 20))
    write_tree(tmp_path, {A: article(image="images/wide.jpg", image_alt="Une bande")})
    expected = ("content/images/wide.jpg: error: the image is 20000 × 20 pixels, more than "
                "20 times as wide as it is high", f"{A}:6: error: image `images/wide.jpg`",
                "crop it to at most 400 pixels wide")
    assert_reported(check(tmp_path), *expected)
    result = build(tmp_path)
    assert_reported(result, *expected)
    assert not (tmp_path / "site").exists()  # nothing half-built


def test_a_very_tall_inline_image_is_an_error_on_its_line(tmp_path):
    write_image(tmp_path / "content/images/needle.jpg", size=(20, 20000))
    write_tree(tmp_path, {A: article(body="Texte.\n\n![Une aiguille](../../images/needle.jpg)")})
    line = line_of(tmp_path, "needle.jpg")
    assert_reported(check(tmp_path), "content/images/needle.jpg: error: the image is 20 × "
                    "20000 pixels, more than 20 times as high as it is wide",
                    f"{A}:{line}: error: image `../../images/needle.jpg`",
                    "crop it to at most 400 pixels high")


def test_an_infographic_higher_than_webp_allows_says_to_split_it(tmp_path):
    png(tmp_path / "content/images/infographic.png", (1200, 17000))
    write_tree(tmp_path, {A: article(body="Texte.\n\n![Le programme en chiffres]"
                                          "(../../images/infographic.png)")})
    line = line_of(tmp_path, "infographic.png")
    result = build(tmp_path)
    assert_reported(result, "content/images/infographic.png: error: the image is 1200 × 17000 "
                    "pixels: the site's versions of an image cannot be more than 16383 pixels "
                    "high", f"{A}:{line}: error: image `../../images/infographic.png`",
                    "split it into several images of at most 16383 pixels high each")
    assert "WebP" not in result.stderr and "encoding error" not in result.stderr
    assert not (tmp_path / "site").exists()
    french = run_globe(tmp_path, "check", "--content", "content", "--editions", "editions",
                       env={"GLOBE_LANG": "fr"})
    assert french.returncode == 1 and "découpez-la en plusieurs images" in french.stderr


def test_a_long_infographic_within_the_bounds_builds_in_correct_versions(tmp_path):
    png(tmp_path / "content/images/infographic.png", (1200, 6000))
    write_image(tmp_path / "content/images/hero.jpg", size=(1000, 5000))  # 1:5, a card too
    write_tree(tmp_path, {A: article(image="images/hero.jpg", image_alt="Une affiche",
                                     body="Texte.\n\n![Le programme en chiffres]"
                                          "(../../images/infographic.png)")})
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    images = tmp_path / "site/images"
    for width, height in ((480, 2400), (800, 4000), (1200, 6000)):
        for extension in ("webp", "png"):
            with Image.open(images / f"infographic-{width}w.{extension}") as version:
                assert version.size == (width, height)
    page = BeautifulSoup((tmp_path / "site/2021/10/visit/index.html").read_text("utf-8"),
                         "html.parser")
    img = page.find("img", alt="Le programme en chiffres")
    assert (img["width"], img["height"]) == ("1200", "6000")
    with Image.open(tmp_path / "site/thumbnails/hero-800w.jpg") as card:
        assert card.size == (800, 4000)


def test_the_bounds_are_exactly_one_to_twenty_and_webps_height(tmp_path):
    def problem(width, height):
        return image_problem(str(png(tmp_path / f"{width}x{height}.png", (width, height))))

    assert MOST_STRETCHED == 20 and HIGHEST == 16383
    for size in ((2000, 100), (100, 2000), (820, HIGHEST)):
        assert problem(*size) is None, size
    for size in ((2001, 100), (100, 2001), (820, HIGHEST + 1)):
        assert problem(*size) is not None, size
    # the most stretched image allowed still has every version at least 24 px high
    planned = plan_image("2000x100.png", str(tmp_path))
    assert min(variant.height for variant in planned.variants) == 24


def test_email_versions_of_stretched_images_keep_their_proportions(tmp_path):
    for size, expected in (((4000, 200), (1200, 60)), ((1200, 6000), (1200, 6000)),
                           ((2000, 10000), (1200, 6000))):
        path = png(tmp_path / f"{size[0]}x{size[1]}.png", size)
        email = prepare_email_image(str(path), path.name, "newsletter/images/")
        assert (email.width, email.height) == expected


class Notes:
    def __init__(self):
        self.notes = []

    def note(self, problems):
        self.notes += problems


def test_a_large_tall_image_is_not_told_to_be_3000_px_wide(tmp_path):
    small_file = write_image(tmp_path / "scan.jpg", size=(40, 30))  # only its size is read
    log = Notes()
    assert warn_if_large(log, str(small_file), 1500, 14000)
    assert "3000" not in log.notes[0].fix  # it is 1500 px wide already
    assert "1463 × 13662" in log.notes[0].fix  # in any language
    log = Notes()
    assert warn_if_large(log, str(small_file), 6000, 4000)
    assert "3000" in log.notes[0].fix


def test_a_phone_photo_saved_turned_is_published_upright_in_every_version(tmp_path):
    """A phone held upright saves 1600 × 1200 pixels and EXIF orientation 6 (turn a quarter):
    every version, the page's width and height and the email's are 1200 × 1600 in shape.
    The left half is red, so a version turned without its size would show it squashed."""
    photo = Image.new("RGB", (1600, 1200), (20, 60, 200))
    photo.paste((200, 20, 20), (0, 0, 800, 1200))
    exif = photo.getexif()
    exif[0x0112] = 6
    path = tmp_path / "content/images/upright.jpg"
    path.parent.mkdir(parents=True)
    photo.save(path, exif=exif)
    write_tree(tmp_path, {A: article(image="images/upright.jpg", image_alt="Une photo",
                                     body="Texte.\n\n![Debout](../../images/upright.jpg)")})
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    for name in ("upright-480w.webp", "upright-800w.jpg", "upright-1200w.webp"):
        with Image.open(tmp_path / "site/images" / name) as version:
            width, height = version.size
            assert abs(height * 3 - width * 4) < 4, (name, version.size)  # 3:4, upright
            top = version.convert("RGB").getpixel((width // 2, height // 8))
            assert top[0] > 150 and top[2] < 100, (name, top)  # turned: red on top
    page = BeautifulSoup((tmp_path / "site/2021/10/visit/index.html").read_text("utf-8"),
                         "html.parser")
    assert (page.find("img", alt="Debout")["width"], page.find("img", alt="Debout")["height"]
            ) == ("1200", "1600")
    with Image.open(tmp_path / "site/thumbnails/upright-800w.jpg") as card:
        assert card.size == (800, 1067)
    email = prepare_email_image(str(path), "images/upright.jpg", "newsletter/images/")
    assert abs(email.height * 3 - email.width * 4) < 4
    with Image.open(io.BytesIO(email.data)) as sent:
        assert sent.size == (email.width, email.height)


def test_an_image_named_with_a_space_is_linked_encoded_everywhere(tmp_path):
    """`with space.jpg` as a hero: a space ends an address in srcset, so every address of it
    (page, listing card, sharing tags, email) carries it as %20."""
    write_image(tmp_path / "content/images/with space.jpg", size=(1600, 900))
    write_tree(tmp_path, {A: article(image="images/with space.jpg", image_alt="Une vue")})
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for page in ("2021/10/visit/index.html", "archives/2021/index.html", "index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "with space" not in html and "with%20space" in html, page
