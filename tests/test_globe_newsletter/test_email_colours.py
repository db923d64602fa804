"""Colours: every text/background pair is readable (4.5:1) in light and dark schemes, and the
built email uses no colour outside the palette those pairs are computed from."""

from __future__ import annotations

import re

import pytest

from globe_newsletter import palette

from .kit import email_html, manifest

HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def test_contrast_ratio_matches_the_wcag_reference_values():
    assert palette.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert palette.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("scheme", ["LIGHT", "DARK"])
@pytest.mark.parametrize("pair", palette.READABLE_PAIRS, ids="-on-".join)
def test_every_text_colour_reaches_4_5_to_1_on_its_background(scheme, pair):
    colours = getattr(palette, scheme)
    foreground, background = pair
    ratio = palette.contrast_ratio(colours[foreground], colours[background])
    assert ratio >= palette.MINIMUM_CONTRAST, f"{scheme} {pair}: {ratio:.2f}:1"


def test_the_built_emails_use_only_palette_colours(tiny_site):
    allowed = {c.lower() for c in (*palette.LIGHT.values(), *palette.DARK.values())}
    for item in manifest(tiny_site)["editions"]:
        html = email_html(tiny_site, item)
        used = {c.lower() for c in HEX.findall(html)}
        assert used and used <= allowed, used - allowed
