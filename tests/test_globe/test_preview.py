"""The first look of `globe serve` on an empty output: the newest articles at once, then the
full build in its place."""

from __future__ import annotations

import re
import shutil

from support import SAMPLE_CONTENT

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
