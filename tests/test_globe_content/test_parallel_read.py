"""Markdown converted in worker processes builds exactly what reading file after file builds,
and reports the same problems on the same lines."""

from __future__ import annotations

from contentkit import article, write_tree
from support import SAMPLE_CONTENT, SAMPLE_EDITIONS, differences

from globe import build as builds
from globe_content.parallel_read import PREREAD

ALWAYS, NEVER = 1, 10**9  # GLOBE_READ_PARALLEL_MIN: from this many files on, in workers


def run(content, editions, output, parallel_min, production=False):
    """A Pelican run (no swap, no skip) whose settings can be looked at afterwards."""
    settings = builds.load_settings(content, editions, production, overrides={
        "GLOBE_READ_PARALLEL_MIN": parallel_min, "OUTPUT_PATH": str(output)})
    problems = builds.run_pelican(settings)
    return problems, settings


def test_the_sample_site_read_by_workers_is_the_same_site_byte_for_byte(tmp_path):
    problems, settings = run(SAMPLE_CONTENT, SAMPLE_EDITIONS, tmp_path / "workers", ALWAYS,
                             production=True)
    assert problems == []
    # the workers did convert every file, and the reader took each result once
    assert PREREAD in settings and settings[PREREAD] == {}
    problems, settings = run(SAMPLE_CONTENT, SAMPLE_EDITIONS, tmp_path / "one-by-one", NEVER,
                             production=True)
    assert problems == [] and PREREAD not in settings
    assert differences(tmp_path / "workers", tmp_path / "one-by-one") == []


def test_problems_found_in_a_worker_name_the_same_file_and_line(tmp_path):
    content = write_tree(tmp_path / "content", {
        "articles/visit.fr.md": article(),
        "articles/typo.fr.md": article("typo", category="no-such-category"),
        "articles/html.nl.md": article("html", lang="nl",
                                       body="Tekst.\n\n<script>alert(1)</script>"),
        "articles/latin1.en.md": "Title: Caf\xe9\n".encode("latin-1"),
    })
    editions = tmp_path / "no-editions"
    editions.mkdir()
    in_workers, _ = run(content, editions, tmp_path / "a", ALWAYS)
    one_by_one, _ = run(content, editions, tmp_path / "b", NEVER)
    assert in_workers == one_by_one
    named = {(problem.path.rsplit("/", 1)[-1], problem.line) for problem in in_workers}
    assert {"typo.fr.md", "html.nl.md", "latin1.en.md"} <= {name for name, _line in named}
    assert all(line > 0 for name, line in named if name != "latin1.en.md")
