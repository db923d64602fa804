"""sitemap.xml with hreflang alternates (href=, not ref=), and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from built_site import SITEURL, url_to_file

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def entries(output):
    root = ET.parse(output / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    return root.findall("s:url", NS)


def test_sitemap_lists_every_article_in_every_language(sample_site):
    locs = {url.find("s:loc", NS).text for url in entries(sample_site)}
    built = {f"{SITEURL}/{p.parent.relative_to(sample_site).as_posix()}/"
             for p in sample_site.glob("**/[12][0-9][0-9][0-9]/[01][0-9]/*/index.html")}
    assert built and built <= locs
    assert f"{SITEURL}/" in locs and f"{SITEURL}/nl/" in locs and f"{SITEURL}/en/" in locs


def test_sitemap_alternates_use_href_and_point_at_built_files(sample_site):
    alternates = 0
    for url in entries(sample_site):
        loc = url.find("s:loc", NS).text
        assert url_to_file(sample_site, loc).is_file(), loc
        links = url.findall("x:link", NS)
        langs = {}
        for link in links:
            assert "ref" not in link.attrib and set(link.attrib) == {"rel", "hreflang", "href"}
            assert link.get("rel") == "alternate"
            assert link.get("href").startswith(SITEURL + "/")
            assert url_to_file(sample_site, link.get("href")).is_file(), link.get("href")
            langs[link.get("hreflang")] = link.get("href")
            alternates += 1
        if links:
            assert loc in langs.values(), f"{loc} is not among its own alternates"
            if "fr" in langs:
                assert langs["x-default"] == langs["fr"]
    assert alternates > 0


def test_robots_txt_points_to_the_sitemap(sample_site):
    robots = (sample_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()
    assert "Disallow: /\n" not in robots  # the production site is open to search engines


def test_sitemap_order_is_by_url_so_identical_sites_give_identical_files(sample_site):
    locs = [url.find("s:loc", NS).text for url in entries(sample_site)]
    assert len(locs) > 10
    assert locs == sorted(locs)
