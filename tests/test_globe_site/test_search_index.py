"""Pagefind reads pages cut down to what it indexes, and makes the same index from them,
one index a language."""

from __future__ import annotations

import json
import os
import shutil

from hypothesis import given
from hypothesis import strategies as st

from globe_site.search import _html_files
from globe_site.search_index import (
    _BODY_START,
    INDEX_FOLDER,
    UI_FILES,
    UNUSED_UI_FILES,
    _body_start,
    _copy_pages,
    _run_pagefind_each,
    index_copy,
    make_index,
    page_language,
)

LANGUAGES = ("fr", "nl", "en")
INTERFACE = UI_FILES + UNUSED_UI_FILES  # served from the top of the index, or not at all

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
        lang = page_language((sample_site / page).read_text(encoding="utf-8"))
        (whole / lang / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample_site / page, whole / lang / page)
    assert sorted(os.listdir(whole)) == sorted(LANGUAGES)
    assert _run_pagefind_each({lang: str(whole / lang) for lang in LANGUAGES},
                              str(tmp_path / "from-pages")).returncode == 0
    assert make_index(str(sample_site), str(tmp_path / "scratch"), None, LANGUAGES,
                      pages).returncode == 0

    for lang in LANGUAGES:
        made = index_files(tmp_path / "scratch" / INDEX_FOLDER / lang)
        assert made == index_files(tmp_path / "from-pages" / lang) - set(INTERFACE)
        assert sum(name.startswith("fragment/") for name in made) >= 5  # articles, pages
    indexed = [text for text in ((sample_site / p).read_text(encoding="utf-8") for p in pages)
               if "data-pagefind-body" in text]
    assert sum(map(len, map(index_copy, indexed))) < 0.75 * sum(map(len, indexed))


def test_each_language_has_an_index_of_its_own_pages(sample_site, tmp_path):
    pages = [p for p in _html_files(str(sample_site)) if not p.startswith(INDEX_FOLDER)]
    assert make_index(str(sample_site), str(tmp_path / "scratch"), None, LANGUAGES,
                      pages).returncode == 0
    index = tmp_path / "scratch" / INDEX_FOLDER
    for lang in LANGUAGES:
        entry = json.loads((index / lang / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang]
        assert not any((index / lang / name).exists() for name in INTERFACE)
    # the search interface once, at the top, where the search pages load it
    assert all((index / name).stat().st_size > 1000 for name in UI_FILES)


def test_a_language_without_pages_searches_the_largest_index(tmp_path):
    """What Pagefind itself does when a page's language has no index."""
    output = tmp_path / "output"
    for name, lang in (("a/index.html", "fr"), ("b/index.html", "fr"), ("c/index.html", "nl")):
        (output / name).parent.mkdir(parents=True)
        (output / name).write_text(PAGE.replace('lang="nl"', f'lang="{lang}"'),
                                   encoding="utf-8")
    assert make_index(str(output), str(tmp_path / "scratch"), None, LANGUAGES,
                      ["a/index.html", "b/index.html", "c/index.html"]).returncode == 0
    index = tmp_path / "scratch" / INDEX_FOLDER
    assert index_files(index / "en") == index_files(index / "fr")
    assert index_files(index / "nl") != index_files(index / "fr")


def test_pages_pagefind_leaves_out_are_not_copied(sample_site, tmp_path):
    """Pages without `data-pagefind-body` (the listings) are out of an index whose pages
    mark their body: they are not copied for Pagefind to parse."""
    pages = [p for p in _html_files(str(sample_site)) if not p.startswith(INDEX_FOLDER)]
    assert _copy_pages(str(sample_site), pages, str(tmp_path / "site")) == set(LANGUAGES)
    marked = {p for p in pages
              if "data-pagefind-body" in (sample_site / p).read_text(encoding="utf-8")}
    assert 0 < len(marked) < len(pages)
    copied = {p for lang in LANGUAGES for p in _html_files(str(tmp_path / "site" / lang))}
    assert copied == marked


def test_the_index_job_leaves_only_its_index(sample_site, tmp_path):
    pages = [p for p in _html_files(str(sample_site)) if not p.startswith(INDEX_FOLDER)]
    memory = tmp_path / "memory"
    memory.mkdir()
    assert make_index(str(sample_site), str(tmp_path / "scratch"), str(memory), LANGUAGES,
                      pages).returncode == 0
    assert not memory.exists()  # the copies and the index made in memory
    assert os.listdir(tmp_path / "scratch") == [INDEX_FOLDER]
    for lang in LANGUAGES:
        assert (tmp_path / "scratch" / INDEX_FOLDER / lang / "pagefind-entry.json").is_file()


def test_when_no_page_marks_its_body_every_page_is_indexed_whole(tmp_path):
    output = tmp_path / "output"
    for name, text in (("a/index.html", "Eerste pagina over Kigali"),
                       ("b/index.html", "Tweede pagina over Dakar")):
        (output / name).parent.mkdir(parents=True)
        (output / name).write_text(PAGE.replace(" data-pagefind-body", "")
                                   .replace("Tekst", text), encoding="utf-8")
    assert make_index(str(output), str(tmp_path / "scratch"), None, ("nl",),
                      ["a/index.html", "b/index.html"]).returncode == 0
    made = index_files(tmp_path / "scratch" / INDEX_FOLDER / "nl")
    assert sum(name.startswith("fragment/") for name in made) == 2


def test_the_marker_counts_in_any_case_as_pagefind_reads_it(tmp_path):
    output = tmp_path / "output"
    (output / "a").mkdir(parents=True)
    (output / "a" / "index.html").write_text(
        PAGE.replace("data-pagefind-body", "DATA-PAGEFIND-BODY"), encoding="utf-8")
    (output / "b").mkdir()
    (output / "b" / "index.html").write_text(PAGE.replace(" data-pagefind-body", ""),
                                             encoding="utf-8")
    _copy_pages(str(output), ["a/index.html", "b/index.html"], str(tmp_path / "site"))
    assert _html_files(str(tmp_path / "site" / "nl")) == ["a/index.html"]


def test_a_copy_is_filed_under_the_language_pagefind_reads():
    assert page_language(PAGE) == "nl"
    assert page_language(PAGE.replace('lang="nl"', "lang=EN-gb")) == "en-gb"
    assert page_language(PAGE.replace('<html lang="nl">', "<html>")) == "unknown"
    assert page_language(PAGE.replace('lang="nl"', 'lang="../x"')) == "unknown"
    assert page_language(PAGE.replace('lang="nl"', 'xml:lang="de"')) == "unknown"


@given(st.lists(st.sampled_from(["<", ">", "<div", "<p ", " ", "a", '"', "=",
                                 "data-pagefind-body", "data-pagefind-bodyx", "\n"]),
                max_size=30))
def test_the_body_is_found_where_the_pattern_finds_it(pieces):
    page = "".join(pieces)
    found, expected = _body_start(page), _BODY_START.search(page)
    assert (found and found.span()) == (expected and expected.span())

