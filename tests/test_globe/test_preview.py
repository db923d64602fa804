"""`globe serve`'s previews: the first look on an empty output, the listings that show a
saved article, and everything else that shows it after the full build behind them."""

from __future__ import annotations

import os
import re
import shutil
import time
import urllib.request

from contentkit import article, write_tree
from support import SAMPLE_CONTENT, dev_server

from globe import build as builds
from globe import preview

ARTICLE_PAGE = re.compile(r"(?:(?:nl|en)/)?\d{4}/\d\d/[^/]+/index\.html$")


def article_pages(output) -> set[str]:
    return {p.relative_to(output).as_posix() for p in output.rglob("index.html")
            if ARTICLE_PAGE.fullmatch(p.relative_to(output).as_posix())}


def newest_card(output) -> str:
    return re.search(r'class="card__title"><a href="([^"]+)"',
                     (output / "index.html").read_text(encoding="utf-8")).group(1)


def test_a_first_look_holds_the_newest_articles_and_the_full_build_replaces_it(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    editions = tmp_path / "no-editions"
    editions.mkdir()
    settings = builds.load_settings(content, editions)
    full = tmp_path / "full"
    assert builds.build(settings, str(full)).ok
    served = tmp_path / "served"

    look = preview.first_look(settings, str(served), count=2)

    assert look.ok, look.problems
    assert (served / "index.html").is_file()
    assert newest_card(served) == newest_card(full)  # the home page starts the same
    first, everything = article_pages(served), article_pages(full)
    assert first and first < everything  # fewer articles, each one the full build has
    assert not (served / "search").exists()  # no search index in a first look

    replaced = builds.build(settings, str(served))  # what the dev server does next
    assert replaced.ok and not replaced.unchanged
    assert article_pages(served) == everything


def newest_article(content):
    """The newest published French sample article: the home page shows it."""
    texts = {p: p.read_text(encoding="utf-8") for p in (content / "articles").rglob("*.fr.md")}
    dated = sorted((re.search(r"^Date: (\S+)", text, re.M).group(1), path)
                   for path, text in texts.items() if "Status: draft" not in text)
    return dated[-1][1]


def test_after_a_save_the_listings_and_feeds_that_show_the_article_are_rewritten(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    editions = tmp_path / "no-editions"
    editions.mkdir()
    url_map = preview.url_map_path(str(tmp_path / "cache"))
    settings = builds.load_settings(content, editions, overrides={"GLOBE_URL_MAP": url_map})
    served = tmp_path / "served"
    assert builds.build(settings, str(served)).ok  # as `globe serve` does: a full build
    before = {p: p.read_bytes() for p in served.rglob("*") if p.is_file()}
    saved = newest_article(content)
    text = saved.read_text(encoding="utf-8")
    saved.write_text(re.sub(r"^Title: .*$", "Title: Titre changé pour le test", text,
                            count=1, flags=re.M), encoding="utf-8")

    problems, pages = preview.preview(settings, saved, str(served), url_map)
    assert not problems and pages
    problems, written = preview.listings_preview(settings, saved, str(served))

    assert not problems
    assert "index.html" in written and "feeds/all.atom.xml" in written
    assert any(name.startswith("category/") for name in written)
    for name in ("index.html", "feeds/all.atom.xml", "archives/index.html"):
        assert "Titre changé pour le test" in (served / name).read_text(encoding="utf-8")
    # only those files and the article's own pages changed: a handful, not the site
    changed = {p.relative_to(served).as_posix() for p, data in before.items()
               if p.read_bytes() != data}
    assert changed <= set(written) | set(pages)
    assert len(written) < len(before) / 10
    categories = {n.split("/")[-2] for n in written if "category/" in n}
    assert len(categories) == 1  # its own category, not the others
    # what a full build writes for those files is what the previews wrote
    full = tmp_path / "full"
    assert builds.build(settings, str(full)).ok
    for name in written:
        assert (served / name).read_bytes() == (full / name).read_bytes(), name
    # a paginated listing comes whole: the home page's second page too
    home_pages = {p.relative_to(full).as_posix() for p in (full / "page").rglob("*.html")}
    assert home_pages and home_pages <= set(written)


EDITION = """Number: 2021-12
Date: 2021-10-30
Lang: fr
Subject: The Brussels Globe – octobre
Preheader: Une visite officielle et un forum international à Bruxelles en octobre.
Articles: visit, forum
Status: ready

Deux rendez-vous internationaux en octobre.
"""


def wait_until_served_with(url: str, text: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    served = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                served = response.read().decode("utf-8")
        except OSError:
            served = ""
        if text in served:
            return
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {text!r}")


def test_a_save_reaches_listings_feeds_editions_and_translations(tmp_path):
    write_tree(tmp_path, {
        "content/articles/2021/visit.fr.md": article("visit", "fr", "Version une"),
        "content/articles/2021/visit.nl.md": article("visit", "nl", "Versie een"),
        "content/articles/2021/forum.fr.md": article("forum", "fr", "Le forum",
                                                     date="2021-10-20"),
        "editions/2021-12.fr.md": EDITION,
    })
    os.utime(tmp_path / "content/articles/2021/visit.fr.md", (1e9, 1e9))  # older than nl
    with dev_server(tmp_path, GLOBE_LANG="fr") as port:
        site = f"http://127.0.0.1:{port}"
        wait_until_served_with(f"{site}/newsletter/2021-12/", "Version une")
        with urllib.request.urlopen(f"{site}/translations/", timeout=5) as response:
            assert "translations__state--outdated" not in response.read().decode("utf-8")
        (tmp_path / "content/articles/2021/visit.fr.md").write_text(
            article("visit", "fr", "Version deux"), encoding="utf-8")
        for path in ("/2021/10/visit/", "/", "/feeds/all.atom.xml", "/archives/",
                     "/newsletter/2021-12/", "/newsletter/2021-12/email.html"):
            wait_until_served_with(site + path, "Version deux")
        # the Dutch version now lags behind the original it translates
        wait_until_served_with(f"{site}/translations/", "translations__state--outdated")
