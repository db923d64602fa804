"""Reading ahead: Markdown converted in worker processes, or taken from the read cache,
builds exactly what reading file after file builds, and reports the same problems."""

from __future__ import annotations

import shutil

from contentkit import article, write_tree
from support import SAMPLE_CONTENT, SAMPLE_EDITIONS, differences

from globe import build as builds
from globe_content.parallel_read import PREREAD

ALWAYS, NEVER = 1, 10**9  # GLOBE_READ_PARALLEL_MIN: from this many files on, in workers


def run(content, editions, output, parallel_min, cache, production=False):
    """A Pelican run (no swap, no skip) whose settings can be looked at afterwards."""
    settings = builds.load_settings(content, editions, production, overrides={
        "GLOBE_READ_PARALLEL_MIN": parallel_min, "OUTPUT_PATH": str(output),
        "GLOBE_CACHE_PATH": str(cache)})
    problems = builds.run_pelican(settings)
    return problems, settings


def jobs(settings) -> list[str]:
    return [job.name for job in settings.get("GLOBE_BACKGROUND_JOBS", [])]


def cache_entries(cache) -> dict[str, int]:
    """{entry: modification time}: an entry written again is a file converted again."""
    return {p.name: p.stat().st_mtime_ns for p in (cache / "markdown").glob("*/*")}


def test_the_sample_site_read_by_workers_is_the_same_site_byte_for_byte(tmp_path):
    problems, settings = run(SAMPLE_CONTENT, SAMPLE_EDITIONS, tmp_path / "workers", ALWAYS,
                             tmp_path / "cache-a", production=True)
    assert problems == []
    # the workers did convert every file, and the reader took each result once
    assert settings[PREREAD] == {} and "markdown" in jobs(settings)
    markdown_files = list(SAMPLE_CONTENT.rglob("*.md"))
    assert len(cache_entries(tmp_path / "cache-a")) == len(markdown_files)
    problems, settings = run(SAMPLE_CONTENT, SAMPLE_EDITIONS, tmp_path / "one-by-one", NEVER,
                             tmp_path / "cache-b", production=True)
    assert problems == [] and "markdown" not in jobs(settings)
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
    in_workers, _ = run(content, editions, tmp_path / "a", ALWAYS, tmp_path / "cache-a")
    one_by_one, _ = run(content, editions, tmp_path / "b", NEVER, tmp_path / "cache-b")
    from_cache, _ = run(content, editions, tmp_path / "c", NEVER, tmp_path / "cache-a")
    assert in_workers == one_by_one == from_cache
    named = {(problem.path.rsplit("/", 1)[-1], problem.line) for problem in in_workers}
    assert {"typo.fr.md", "html.nl.md", "latin1.en.md"} <= {name for name, _line in named}
    assert all(line > 0 for name, line in named if name != "latin1.en.md")


def test_the_read_cache_converts_again_only_what_changed_and_builds_the_same_site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    cache = tmp_path / "cache"
    assert run(content, SAMPLE_EDITIONS, tmp_path / "first", NEVER, cache)[0] == []
    first = cache_entries(cache)

    assert run(content, SAMPLE_EDITIONS, tmp_path / "second", NEVER, cache)[0] == []
    assert cache_entries(cache) == first  # nothing converted again
    assert differences(tmp_path / "first", tmp_path / "second") == []

    edited = next(content.rglob("*.fr.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nUn paragraphe ajouté.\n",
                      encoding="utf-8")
    assert run(content, SAMPLE_EDITIONS, tmp_path / "third", NEVER, cache)[0] == []
    assert len(set(cache_entries(cache)) - set(first)) == 1  # that file only
    assert run(content, SAMPLE_EDITIONS, tmp_path / "clean", NEVER, tmp_path / "fresh")[0] == []
    assert differences(tmp_path / "third", tmp_path / "clean") == []

    # a file deleted: links to it must be checked again, so everything is read again
    doomed = sorted(content.rglob("*.nl.md"))[-1]
    doomed.unlink()
    before = cache_entries(cache)
    run(content, SAMPLE_EDITIONS, tmp_path / "fourth", NEVER, cache)
    assert len(set(cache_entries(cache)) - set(before)) == len(list(content.rglob("*.md")))
