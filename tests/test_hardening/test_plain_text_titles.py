"""A Title is plain text, shown as typed everywhere: the page escaped it, but the feeds
(Pelican strips tags from titles), the JSON-LD headline, the share links and the emails
read it as HTML, so `Budget <2 %> <b>net</b> &amp; plus` lost words or its `&amp;`."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote_plus

from contentkit import article, write_tree

from .kit import build

TITLE = "Budget <2 %> <b>net</b> &amp; plus"


def test_a_title_is_the_same_text_in_every_output(tmp_path):
    write_tree(tmp_path, {
        "content/articles/2021/visit.fr.md": article("visit", "fr", title=TITLE,
                                                     image_alt=None),
        "editions/2026-01.fr.md": "Number: 2026-01\nDate: 2026-01-10\nLang: fr\n"
                                  "Subject: Essai\nArticles: visit\nStatus: ready\n\nBonjour.\n"})
    result = build(tmp_path, "site", "--production")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    escaped = "Budget &lt;2 %&gt; &lt;b&gt;net&lt;/b&gt; &amp;amp; plus"
    page = (site / "2021/10/visit/index.html").read_text()
    assert escaped in page
    assert f"<title>{escaped}</title>" in (site / "feeds/all.atom.xml").read_text()
    ld = re.search(r'application/ld\+json">(.*?)</script>', page).group(1)
    assert json.loads(ld)["headline"] == TITLE
    tweet = re.search(r'twitter\.com/intent/tweet\?[^"]*text=([^"&]*)', page).group(1)
    assert unquote_plus(tweet) == TITLE
    assert escaped in (site / "newsletter/2026-01/email.html").read_text()
    assert TITLE in (site / "newsletter/2026-01/email.txt").read_text()
