"""Hero and inline images: several widths, WebP with a fallback, cached by content."""

from __future__ import annotations

import filecmp
import re

from bs4 import BeautifulSoup
from contentkit import article, write_image, write_tree
from PIL import Image

from globe_site import images

ARTICLE = "2021/10/visit/index.html"


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def srcset_widths(srcset: str) -> list[int]:
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def photo_site(tmp_path, hero_size=(3000, 2000), inline_size=(700, 500)):
    content = tmp_path / "content"
    write_image(content / "images/2021/hero.jpg", size=hero_size)
    inline = content / "images/2021/map.png"
    inline.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGBA", inline_size, (200, 30, 30, 128)).save(inline)
    write_tree(content, {"articles/2021/visit.fr.md": article(
        "visit", "fr", image="images/2021/hero.jpg", image_alt="La délégation",
        body="Un paragraphe.\n\n![Une carte](../../images/2021/map.png)\n")})
    return content


def test_hero_and_inline_images_come_in_widths_webp_first_never_upscaled(tmp_path, build_site):
    content = photo_site(tmp_path)
    result = build_site(content, GLOBE_IMAGE_CACHE=str(tmp_path / "cache"))
    assert result.ok, result.problems
    html = soup(tmp_path / "output" / ARTICLE)
    hero, inline = html.select("main picture")
    for picture, source_width, fallback in ((hero, 3000, "jpg"), (inline, 700, "png")):
        webp = picture.select_one('source[type="image/webp"]')
        img = picture.img
        assert webp["sizes"] and img["sizes"]
        widths = srcset_widths(webp["srcset"])
        assert widths == srcset_widths(img["srcset"])
        assert max(widths) <= source_width and len(widths) >= 2
        assert all(url.endswith(".webp") for url in webp["srcset"].split()[::2])
        assert all(url.endswith(f".{fallback}") for url in img["srcset"].split()[::2])
        for url in webp["srcset"].split()[::2] + img["srcset"].split()[::2]:
            published = tmp_path / "output" / url.removeprefix("http://127.0.0.1:8000/")
            with Image.open(published) as variant:
                assert f"-{variant.width}w." in url
        assert int(img["width"]) / int(img["height"]) == source_width / (
            2000 if source_width == 3000 else 500)
    assert hero.img["alt"] == "La délégation"
    assert not hero.img.has_attr("loading") and hero.img["fetchpriority"] == "high"
    assert inline.img["loading"] == "lazy" and inline.img["alt"] == "Une carte"
    # a phone at 2x (750 px) has a width between 750 and the original's 3000
    assert any(750 <= width < 3000 for width in srcset_widths(hero.img["srcset"]))


def test_unchanged_images_are_not_encoded_again_and_an_edited_one_is(tmp_path, build_site):
    content = photo_site(tmp_path, hero_size=(1000, 600), inline_size=(500, 300))
    cache = str(tmp_path / "cache")
    before = images.STATS["encoded"]
    assert build_site(content, output=tmp_path / "first", GLOBE_IMAGE_CACHE=cache).ok
    first_work = images.STATS["encoded"] - before
    assert first_work == 2 * 3 + 2 * 2  # hero: 480, 800, 1000; inline: 480, 500; each twice
    before = images.STATS["encoded"]
    assert build_site(content, output=tmp_path / "second", GLOBE_IMAGE_CACHE=cache).ok
    assert images.STATS["encoded"] == before, "an unchanged image was encoded again"
    same = filecmp.dircmp(tmp_path / "first" / "images", tmp_path / "second" / "images")
    assert not same.diff_files and not same.left_only and not same.right_only

    write_image(content / "images/2021/hero.jpg", size=(1000, 600), colour=(250, 200, 0))
    before = images.STATS["encoded"]
    assert build_site(content, output=tmp_path / "third", GLOBE_IMAGE_CACHE=cache).ok
    assert images.STATS["encoded"] - before == 2 * 3, "only the edited hero is redone"
    with Image.open(tmp_path / "third/images/2021/hero-800w.jpg") as redone:
        assert redone.convert("RGB").getpixel((10, 10))[2] < 60  # yellow now, not blue


def test_a_very_large_source_gets_a_warning_naming_the_file(tmp_path, build_site):
    content = photo_site(tmp_path, hero_size=(5200, 4000))
    result = build_site(content, GLOBE_IMAGE_CACHE=str(tmp_path / "cache"))
    assert result.ok, result.problems
    assert len(result.notes) == 1
    assert result.notes[0].path.endswith("images/2021/hero.jpg")
    assert "5200×4000" in result.notes[0].message
    html = soup(tmp_path / "output" / ARTICLE)
    assert max(srcset_widths(html.select_one("main picture img")["srcset"])) == 2400


def test_a_sixteen_bit_scan_keeps_its_tones_in_every_width_and_thumbnail(tmp_path, build_site):
    """Pillow's own conversion of a 16-bit grey image to RGB clips it to white."""
    content = tmp_path / "content"
    scan = content / "images/2021/scan.png"
    scan.parent.mkdir(parents=True)
    Image.new("I;16", (1000, 600), 32768).save(scan)  # mid-grey on 16 bits
    write_tree(content, {"articles/2021/visit.fr.md": article(
        image="images/2021/scan.png", image_alt="Un document numérisé")})
    result = build_site(content, GLOBE_IMAGE_CACHE=str(tmp_path / "cache"))
    assert result.ok, result.problems
    made = sorted([*(tmp_path / "output/images/2021").glob("scan-*"),
                   *(tmp_path / "output/thumbnails/2021").glob("scan-*")])
    assert len(made) >= 7  # widths in WebP and PNG, and the listing card's thumbnail
    for path in made:
        with Image.open(path) as picture:
            assert 110 <= picture.convert("L").getpixel((5, 5)) <= 145, path.name
