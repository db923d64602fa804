"""The email's colours, light and dark, and the pairs that must stay readable (4.5:1).

Templates and the dark-mode stylesheet take every colour from here, so the contrast
test checks what the email really uses.
"""

from __future__ import annotations

LIGHT = {
    "page": "#e9eef6",  # behind the 600 px column
    "card": "#ffffff",
    "text": "#1b1f27",
    "muted": "#4a5466",
    "accent": "#0a3d91",  # Brussels blue: category labels, links
    "rule": "#d5dceb",
    "masthead": "#0a3d91",
    "on_masthead": "#ffffff",
    "brand_line": "#ffd100",  # Brussels yellow, above the masthead (as on the site)
    "button": "#0a3d91",
    "on_button": "#ffffff",
    "footer": "#14233f",
    "on_footer": "#ffffff",
}
DARK = {
    "page": "#0b111c",
    "card": "#151d2b",
    "text": "#e8ecf3",
    "muted": "#b7c0cf",
    "accent": "#9cbcff",
    "rule": "#2b3548",
    "masthead": "#0a3d91",
    "on_masthead": "#ffffff",
    "brand_line": "#ffd100",
    "button": "#9cbcff",
    "on_button": "#0b111c",
    "footer": "#0b111c",
    "on_footer": "#e8ecf3",
}
# (foreground, background): every text colour on the background it is shown on.
READABLE_PAIRS = (
    ("text", "card"),
    ("muted", "card"),
    ("muted", "page"),  # the web-version link above the masthead
    ("accent", "card"),
    ("on_masthead", "masthead"),
    ("on_button", "button"),
    ("on_footer", "footer"),
)
MINIMUM_CONTRAST = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
