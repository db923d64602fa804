"""Articles written by the build and a forked copy of it make the site that one process
makes, and report the same problems."""

from __future__ import annotations

import shutil

import pytest
from contentkit import article, write_tree
from support import SAMPLE_CONTENT, SAMPLE_EDITIONS, differences

from globe import build as builds

ALWAYS, NEVER = 1, 10**9  # GLOBE_WRITE_PARALLEL_MIN: from this many articles on, in two
PROJECT_THEME = builds.PROJECT_ROOT / "theme"


def run(content, editions, output, parallel_min, **overrides):
    settings = builds.load_settings(content, editions, production=True, overrides={
        "GLOBE_WRITE_PARALLEL_MIN": parallel_min, "OUTPUT_PATH": str(output),
        "GLOBE_CACHE_PATH": str(output) + "-cache", **overrides})
    return builds.run_pelican(settings)


def fragments(index) -> set[str]:
    """Pagefind's page records, named by their content (its index files are numbered in
    the order the pages reached it)."""
    return {str(path.relative_to(index)) for path in index.glob("*/fragment/*")}


def test_the_sample_site_written_in_two_is_the_same_site_byte_for_byte(tmp_path):
    assert run(SAMPLE_CONTENT, SAMPLE_EDITIONS, tmp_path / "two", ALWAYS) == []
    assert run(SAMPLE_CONTENT, SAMPLE_EDITIONS, tmp_path / "one", NEVER) == []
    index_two, index_one = tmp_path / "two" / "pagefind", tmp_path / "one" / "pagefind"
    assert len(fragments(index_two)) >= 16
    assert fragments(index_two) == fragments(index_one)  # the copy's pages are indexed
    shutil.rmtree(index_two)
    shutil.rmtree(index_one)
    assert differences(tmp_path / "two", tmp_path / "one") == []


@pytest.mark.parametrize("failing", ["oldest", "middle", "newest"])
def test_a_template_error_in_either_half_is_reported_as_by_one_process(tmp_path, failing):
    """Whichever process writes the article whose page fails (the build before it forks,
    the build after, or its copy, whose half the build then writes itself: the newest,
    middle and oldest article here), the build reports the template's error once, as a
    build on one core does."""
    content = write_tree(tmp_path / "content", {
        "articles/oldest.fr.md": article("oldest", date="2021-01-01"),
        "articles/middle.fr.md": article("middle", date="2021-02-01"),
        "articles/newest.fr.md": article("newest", date="2021-03-01"),
        "articles/other.fr.md": article("other", date="2020-03-01"),
    })
    theme = tmp_path / "theme"
    shutil.copytree(PROJECT_THEME, theme)
    template = theme / "templates" / "article.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block content %}",
        "{% block content %}{% if article.slug == '" + failing + "' %}"
        "{{ article.no_such_field.at_all }}{% endif %}", 1), encoding="utf-8")
    editions = tmp_path / "editions"
    editions.mkdir()
    in_two = run(content, editions, tmp_path / "two", ALWAYS, THEME=str(theme))
    in_one = run(content, editions, tmp_path / "one", NEVER, THEME=str(theme))
    assert len(in_two) == 1 and "no_such_field" in in_two[0].message
    assert in_two == in_one
