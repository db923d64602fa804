"""`globe newsletter new`: the next edition file, listing what was published since the last."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from contentkit import article, write_tree

from globe.newsletter_new import next_number, write_next_edition

from .kit import edition, write_site

GLOBE = str(Path(sys.executable).with_name("globe"))
DECEMBER = dt.date(2021, 12, 1)


@pytest.fixture
def tree(tmp_path):
    content, editions = write_site(tmp_path, {"2021-15.fr.md": edition()})  # alpha, beta
    write_tree(content / "articles", {
        "epsilon.fr.md": article("epsilon", "fr", date="2021-11-25"),
        "zeta.fr.md": article("zeta", "fr", date="2021-11-20 09:30"),
        "eta.nl.md": article("eta", "nl", date="2021-11-26"),
    })
    return content, editions


def test_next_number_counts_within_the_current_year():
    assert next_number(["2021-15", "2021-09", "2020-30"], 2021) == "2021-16"
    assert next_number(["2021-15"], 2022) == "2022-01"
    assert next_number([], 2026) == "2026-01"


def test_new_edition_lists_articles_published_since_the_last_edition_newest_first(tree):
    content, editions = tree
    path, _ = write_next_edition(content, editions, "fr", "The Brussels Globe", today=DECEMBER)
    assert path == editions / "2021-16.fr.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["Number: 2021-16", "Date: 2021-12-01", "Lang: fr"]
    # gamma is older than the last edition, delta is a draft, eta is Dutch.
    assert "Articles: epsilon, zeta" in lines
    assert "Status: draft" in lines


def test_new_edition_in_another_language_lists_that_languages_articles(tree):
    content, editions = tree
    path, articles = write_next_edition(content, editions, "nl", "The Brussels Globe",
                                        today=DECEMBER)
    assert path.name == "2021-16.nl.md"
    assert [a.slug for a in articles] == ["eta"]


def test_the_written_edition_builds(tree, build_site):
    content, editions = tree
    write_next_edition(content, editions, "fr", "The Brussels Globe", today=DECEMBER)
    result = build_site(content, editions=editions)
    assert result.ok, result.problems
    assert (Path(result.output) / "newsletter/2021-16/email.html").is_file()


def run(command, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, check=False)


def test_globe_newsletter_new_prints_the_path_and_never_overwrites(tree):
    content, editions = tree
    command = [GLOBE, "newsletter", "new", "--content", str(content), "--editions",
               str(editions), "--lang", "fr"]
    first = run(command, content.parent)
    assert first.returncode == 0, first.stderr
    expected = f"editions/{dt.date.today().year}-01.fr.md"
    assert first.stdout.splitlines()[0] == expected
    written = (content.parent / expected).read_text(encoding="utf-8")
    assert f"Date: {dt.date.today().isoformat()}" in written
    # A second run the same day takes the next number; it never rewrites the first file.
    second = run(command, content.parent)
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[0] == f"editions/{dt.date.today().year}-02.fr.md"
    assert (content.parent / expected).read_text(encoding="utf-8") == written


def test_an_existing_file_is_not_overwritten(tree, monkeypatch):
    content, editions = tree
    (editions / "2021-16.fr.md").write_text("Number: 2021-16\n", encoding="utf-8")
    monkeypatch.setattr("globe.newsletter_new.next_number", lambda *a: "2021-16")
    with pytest.raises(FileExistsError):
        write_next_edition(content, editions, "fr", "The Brussels Globe", today=DECEMBER)
    assert (editions / "2021-16.fr.md").read_text(encoding="utf-8") == "Number: 2021-16\n"


def test_globe_newsletter_new_says_what_to_do_next_and_gives_the_preview_url(tree):
    content, editions = tree
    result = run([GLOBE, "newsletter", "new", "--content", str(content), "--editions",
                  str(editions), "--lang", "nl"], content.parent)
    assert result.returncode == 0, result.stderr
    number = f"{dt.date.today().year}-01"
    assert f"http://127.0.0.1:8000/nl/newsletter/{number}/preview.html" in result.stdout
    assert "make serve" in result.stdout
    assert f"globe newsletter send-test {number} --lang nl" in result.stdout
    assert "make publish" in result.stdout


def test_the_introduction_hint_is_in_the_file_but_never_in_the_email(tree, build_site):
    content, editions = tree
    path, _ = write_next_edition(content, editions, "fr", "The Brussels Globe",
                                 today=DECEMBER)
    assert "<!-- " in path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    result = build_site(content, editions=editions)
    assert result.ok, result.problems
    email = (Path(result.output) / "newsletter/2021-16/email.html").read_text(encoding="utf-8")
    assert "greet the readers" not in email and "lecteurs" not in email
    assert any("no introduction" in note.message for note in result.notes)


def test_a_scheduled_article_waits_for_a_later_edition(tree):
    content, editions = tree
    write_tree(content / "articles", {
        "later.fr.md": article("later", "fr", date="2021-12-09"),
    })
    _, articles = write_next_edition(content, editions, "fr", "The Brussels Globe",
                                     today=DECEMBER)
    assert "later" not in [a.slug for a in articles]
