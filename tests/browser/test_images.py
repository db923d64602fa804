"""A phone (375 CSS px, 2x) gets a width of each image made for it, never the original."""

from __future__ import annotations

import re

from browser.pages import shared_article

VARIANT = re.compile(r"/images/.+-(\d+)w\.(webp|jpg|png)$")


def test_a_phone_downloads_webp_widths_made_for_it_not_the_originals(
        browser, served_sample_site):
    context = browser.new_context(viewport={"width": 375, "height": 800},
                                  device_scale_factor=2)
    page = context.new_page()
    images = []
    page.on("requestfinished", lambda request: images.append(request.url)
            if request.resource_type == "image" else None)
    path = shared_article(served_sample_site.output)
    page.goto(f"{served_sample_site.url}/{path}/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images too
    page.wait_for_load_state("networkidle")
    photos = [url for url in images if "/images/" in url and "/theme/" not in url]
    assert photos, images
    for url in photos:
        variant = VARIANT.search(url)
        assert variant, f"the phone downloaded an original: {url}"
        assert variant[2] == "webp" and int(variant[1]) <= 1200, url
    context.close()
