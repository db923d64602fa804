"""Issue 8.3: every value officers write is escaped in every template, site and email."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from contentkit import article, write_image, write_tree
from test_globe_newsletter.kit import edition, write_site

from globe_site.sharing import json_ld

HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)> & \'quote\''


def scripts(html: str) -> list:
    """<script> elements other than the JSON-LD block and the site's own embed script."""
    soup = BeautifulSoup(html, "html.parser")
    return [s for s in soup.find_all("script")
            if s.get("type") != "application/ld+json" and not s.get("src", "").endswith(
                "/theme/js/embed.js")]


def test_hostile_metadata_is_escaped_on_pages_listings_and_feeds(tmp_path, build_site):
    write_tree(tmp_path, {"content/articles/visit.fr.md": article(
        "visit", "fr", title=f"Titre {HOSTILE}", summary="Résumé &lt;script&gt;alert(3)"
        "&lt;/script&gt; et \"guillemets\" & 'apostrophes'", image="images/a.jpg",
        image_alt=f"Alt {HOSTILE}",
        image_caption=f"Légende {HOSTILE}", image_credit=f"© {HOSTILE}",
        tags=f"tag {HOSTILE}", author=f"Auteur {HOSTILE}")})
    write_image(tmp_path / "content/images/a.jpg", size=(1200, 600))
    result = build_site(tmp_path / "content")
    assert result.ok, "\n".join(map(str, result.problems))
    output = tmp_path / "output"
    page = (output / "2021/10/visit/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("meta", property="og:title")["content"] == f"Titre {HOSTILE}"
    assert soup.find("img", class_=False, src=lambda s: s and s.endswith("/images/a-1200w.jpg"))[
        "alt"] == f"Alt {HOSTILE}"
    assert not soup.find_all(attrs={"onerror": True})
    assert not scripts(page)
    assert "<script>alert(3)" not in page
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith(
        "Résumé <script>alert(3)</script>")  # as text, escaped in the attribute
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert ld["headline"].startswith("Titre")
    for listing in ("index.html", "archives/index.html", "category/bilateral/index.html"):
        html = (output / listing).read_text(encoding="utf-8")
        assert not scripts(html) and "onerror=" not in html.replace("onerror=alert(2)&gt;", "")
    feed = (output / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "<script" not in feed


def test_hostile_edition_fields_are_escaped_on_the_edition_page_and_email(tmp_path,
                                                                          build_site):
    subject = 'Sujet "><script>alert(1)</script>'
    content, editions = write_site(tmp_path, {"2021-15.fr.md": edition(
        subject=subject, preheader='Préambule <b onmouseover="alert(2)">texte</b> assez long '
                                   "pour la boîte de réception")})
    result = build_site(content, editions)
    assert result.ok, "\n".join(map(str, result.problems))
    for name in ("newsletter/2021-15/index.html", "newsletter/2021-15/email.html",
                 "newsletter/index.html"):
        html = (tmp_path / "output" / name).read_text(encoding="utf-8")
        assert not scripts(html), name
        assert "onmouseover=" not in html.replace('onmouseover="alert(2)"&gt;', "").replace(
            "onmouseover=&quot;alert(2)&quot;&gt;", ""), name
    email = (tmp_path / "output/newsletter/2021-15/email.html").read_text(encoding="utf-8")
    assert BeautifulSoup(email, "html.parser").title.string == subject


def test_json_ld_cannot_be_ended_by_its_values():
    text = json_ld({"headline": "</script><!-- <script>alert(1)</script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"].startswith("</script>")
