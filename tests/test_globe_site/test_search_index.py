"""Pagefind reads pages cut down to what it indexes, and makes the same index from them."""

from __future__ import annotations

import os
import shutil

from globe_site.search import _html_files
from globe_site.search_index import (
    INDEX_FOLDER,
    _copy_pages,
    _run_pagefind,
    index_copy,
    make_index,
)

HEAD = ('<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>T</title>'
        '<link rel="stylesheet" href="/s.css"><meta name="description" content="D"></head>')
PAGE = (HEAD + '<body><nav><a href="/">Home</a></nav><main>'
        '<article class="a" data-pagefind-body><h1>Titel</h1><article>quote</article>'
        '<p>Tekst</p></article><aside>Meer</aside></main></body></html>')


def test_a_copy_keeps_the_language_the_title_and_the_indexed_element_only():
    copy = index_copy(PAGE)
    assert copy == ('<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
                    '<title>T</title></head><body><article class="a" data-pagefind-body>'
                    '<h1>Titel</h1><article>quote</article><p>Tekst</p></article>'
                    '</body></html>')


def test_a_page_pagefind_would_read_elsewhere_is_copied_whole():
    meta_outside = PAGE.replace("<aside>", '<aside data-pagefind-meta="author">')
    meta_in_head = PAGE.replace("<title>", '<meta data-pagefind-meta="a:b"><title>')
    never_closed = PAGE.replace("</p></article>", "</p>")
    no_body = PAGE.replace(" data-pagefind-body", "")
    no_html_tag = PAGE.replace('<html lang="nl">', "")
    for page in (meta_outside, meta_in_head, never_closed, no_body, no_html_tag):
        assert index_copy(page) == page


def index_files(folder) -> set[str]:
    """Pagefind names its fragments and index chunks by their content."""
    return {os.path.relpath(os.path.join(root, name), folder)
            for root, _dirs, names in os.walk(folder) for name in names
            if name != "pagefind-entry.json"}


def test_the_index_of_the_copies_is_the_index_of_the_pages(sample_site, tmp_path):
    pages = [p for p in _html_files(str(sample_site)) if not p.startswith(INDEX_FOLDER)]
    whole = tmp_path / "whole"
    for page in pages:
        (whole / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample_site / page, whole / page)
    assert _run_pagefind(str(whole), str(tmp_path / "from-pages")).returncode == 0
    assert make_index(str(sample_site), str(tmp_path / "scratch"), None, pages).returncode == 0

    made = index_files(tmp_path / "scratch" / INDEX_FOLDER)
    assert made == index_files(tmp_path / "from-pages")
    assert sum(name.startswith("fragment/") for name in made) >= 16  # articles and pages
    indexed = [text for text in ((sample_site / p).read_text(encoding="utf-8") for p in pages)
               if "data-pagefind-body" in text]
    assert sum(map(len, map(index_copy, indexed))) < 0.75 * sum(map(len, indexed))


def test_pages_pagefind_leaves_out_are_not_copied(sample_site, tmp_path):
    """Pages without `data-pagefind-body` (the listings) are out of an index whose pages
    mark their body: they are not copied for Pagefind to parse."""
    pages = [p for p in _html_files(str(sample_site)) if not p.startswith(INDEX_FOLDER)]
    _copy_pages(str(sample_site), pages, str(tmp_path / "site"))
    marked = {p for p in pages
              if "data-pagefind-body" in (sample_site / p).read_text(encoding="utf-8")}
    assert 0 < len(marked) < len(pages)
    assert set(_html_files(str(tmp_path / "site"))) == marked


def test_the_index_job_leaves_only_its_index(sample_site, tmp_path):
    pages = [p for p in _html_files(str(sample_site)) if not p.startswith(INDEX_FOLDER)]
    memory = tmp_path / "memory"
    memory.mkdir()
    assert make_index(str(sample_site), str(tmp_path / "scratch"), str(memory),
                      pages).returncode == 0
    assert not memory.exists()  # the copies and the index made in memory
    assert os.listdir(tmp_path / "scratch") == [INDEX_FOLDER]
    assert (tmp_path / "scratch" / INDEX_FOLDER / "pagefind-entry.json").is_file()


def test_when_no_page_marks_its_body_every_page_is_indexed_whole(tmp_path):
    output = tmp_path / "output"
    for name, text in (("a/index.html", "Eerste pagina over Kigali"),
                       ("b/index.html", "Tweede pagina over Dakar")):
        (output / name).parent.mkdir(parents=True)
        (output / name).write_text(PAGE.replace(" data-pagefind-body", "")
                                   .replace("Tekst", text), encoding="utf-8")
    assert make_index(str(output), str(tmp_path / "scratch"), None,
                      ["a/index.html", "b/index.html"]).returncode == 0
    made = index_files(tmp_path / "scratch" / INDEX_FOLDER)
    assert sum(name.startswith("fragment/") for name in made) == 2
