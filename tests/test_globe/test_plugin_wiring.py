"""How the plugins are wired into Pelican: order, presence, and settings honoured everywhere.

Each test here failed before the architecture refactor (issue 7).
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from contentkit import article, page, write_tree
from test_globe_newsletter.kit import email_html, entry, write_site

from globe import build as builds

SITEURL = "https://international.brussels"


def test_the_privacy_link_of_the_emails_does_not_depend_on_the_order_of_plugins(tmp_path):
    content, editions = write_site(tmp_path)
    output = tmp_path / "output"
    settings = builds.load_settings(content, editions, overrides={"SITEURL": SITEURL,
        "PLUGINS": ["globe_publish", "globe_newsletter", "globe_site", "globe_content"]})
    result = builds.build(settings, str(output))
    assert result.ok, "\n".join(map(str, result.problems))
    email = BeautifulSoup(email_html(output, entry(output, "2021-15", "fr")), "html.parser")
    hrefs = [a["href"] for a in email.find_all("a", href=True)]
    assert any(h.startswith(f"{SITEURL}/privacy/?") for h in hrefs), hrefs


def test_a_plugin_that_does_not_load_fails_the_build(tmp_path, build_site):
    content = write_tree(tmp_path / "content", {"articles/a.fr.md": article("a")})
    result = build_site(content, PLUGINS=["globe_content", "globe_site", "globe_newsleter"])
    assert not result.ok
    text = "\n".join(map(str, result.problems))
    assert "globe_newsleter" in text  # Pelican could not load the misspelt one
    assert "globe_newsletter" in text  # and the build says which one is missing
    assert not (tmp_path / "output").exists()


def test_every_feed_link_follows_the_feed_url_settings(tmp_path, build_site):
    content = write_tree(tmp_path / "content", {
        "articles/a.fr.md": article("a"), "pages/about.fr.md": page("about")})
    output = tmp_path / "output"
    result = build_site(content, output=output, SITEURL=SITEURL,
                        GLOBE_FEED_URL="{lang_prefix}atom/all.xml",
                        GLOBE_CATEGORY_FEED_URL="{lang_prefix}atom/{slug}.xml")
    assert result.ok, "\n".join(map(str, result.problems))
    links = set()
    for path in ("index.html", "category/bilateral/index.html", "2021/10/a/index.html"):
        html = BeautifulSoup((output / path).read_text(encoding="utf-8"), "html.parser")
        links |= {a["href"] for a in html.select('[type="application/atom+xml"][href]')}
    assert f"{SITEURL}/atom/all.xml" in links and f"{SITEURL}/atom/bilateral.xml" in links
    for link in links:
        assert (output / link.removeprefix(SITEURL + "/")).is_file(), link
