"""Every sample email in Chromium, at phone (375 px) and desktop (600 px) widths: no
horizontal scrolling, every image loads, and axe finds no WCAG 2 A/AA violation."""

from __future__ import annotations

import json

import pytest

from browser.axe import describe, run_axe
from browser.support import SCREENSHOTS

WIDTHS = (375, 600)
EMAIL_TAGS = ("wcag2a", "wcag2aa")


def sample_emails(output) -> list[dict]:
    manifest = json.loads((output / "newsletter/editions.json").read_text(encoding="utf-8"))
    return manifest["editions"]


@pytest.fixture(scope="module")
def emails(served_sample_site):
    found = sample_emails(served_sample_site.output)
    assert {e["lang"] for e in found} == {"fr", "nl", "en"}
    return found


def open_email(browser, site, item, width, scheme="light"):
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site.url}/{item['paths']['html']}", wait_until="load")
    return context, page


@pytest.mark.parametrize("width", WIDTHS)
def test_no_email_scrolls_horizontally(browser, served_sample_site, emails, width):
    failures = []
    for item in emails:
        context, page = open_email(browser, served_sample_site, item, width)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            failures.append(f"{item['paths']['html']}: {overflow} px too wide at {width} px")
        context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_email_image_loads(browser, served_sample_site, emails, width):
    failures, seen = [], 0
    for item in emails:
        context, page = open_email(browser, served_sample_site, item, width)
        images = page.evaluate("""() => Array.from(document.images, img =>
            ({src: img.currentSrc || img.src, ok: img.complete && img.naturalWidth > 0}))""")
        seen += len(images)
        failures += [f"{item['paths']['html']}: {i['src']}" for i in images if not i["ok"]]
        context.close()
    assert seen, "the sample emails should show images"
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_wcag2_a_or_aa_violation_in_any_email(browser, served_sample_site, emails,
                                                          width, scheme):
    failures = []
    for item in emails:
        context, page = open_email(browser, served_sample_site, item, width, scheme)
        violations = run_axe(page, tags=EMAIL_TAGS)
        if violations:
            failures.append(f"{item['paths']['html']} [{width} px, {scheme}]:\n"
                            f"{describe(violations)}")
        context.close()
    assert not failures, "\n\n".join(failures)


def test_screenshots_of_a_sample_email_are_written(browser, served_sample_site, emails):
    """For people to look at: tests/screenshots/email-<lang>-<number>-<width>[-dark].png."""
    SCREENSHOTS.mkdir(exist_ok=True)
    written = []
    for item in [e for e in emails if e["lang"] in ("fr", "nl")][-2:]:
        for width in WIDTHS:
            for scheme in ("light", "dark"):
                context, page = open_email(browser, served_sample_site, item, width, scheme)
                suffix = "-dark" if scheme == "dark" else ""
                path = SCREENSHOTS / f"email-{item['lang']}-{item['number']}-{width}{suffix}.png"
                page.screenshot(path=str(path), full_page=True)
                written.append(path)
                context.close()
    assert len(written) == 8
    for path in written:
        assert path.stat().st_size > 20_000, f"{path.name} looks blank"
