"""`globe translations`: which versions exist, are missing, outdated (by git history or a
`Translation_of` day) or drafts — as a table and as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from contentkit import article, document, page, write_tree

GLOBE = str(Path(sys.executable).with_name("globe"))


def git(root: Path, *args: str, when: str = "2026-11-02T10:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Officer", "GIT_AUTHOR_EMAIL": "officer@example.org",
           "GIT_COMMITTER_NAME": "Officer", "GIT_COMMITTER_EMAIL": "officer@example.org"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit(root: Path, files: dict, when: str) -> None:
    write_tree(root, files)
    git(root, "add", "-A", when=when)
    git(root, "commit", "-q", "-m", "content", when=when)


def report(root: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    (root / "editions").mkdir(exist_ok=True)
    return subprocess.run([GLOBE, "translations", "--content", "content", "--editions",
                           "editions", *args], cwd=root, capture_output=True, text=True,
                          timeout=60, env={**os.environ, "GLOBE_LANG": lang}, check=False,
                          stdin=subprocess.DEVNULL)


A = "content/articles/2021/"


def test_states_follow_git_history_translation_of_and_status(tmp_path):
    git(tmp_path, "init", "-q")
    commit(tmp_path, {
        A + "visit.fr.md": article("visit", "fr", title="Visite"),
        A + "visit.nl.md": article("visit", "nl"),
        A + "visit.en.md": article("visit", "en"),
        A + "forum.fr.md": article("forum", "fr", title="Forum"),
        A + "forum.en.md": article("forum", "en", status="draft"),
        "content/pages/about.fr.md": page("about", "fr"),
        "content/pages/about.nl.md": page("about", "nl", translation_of="2026-11-20"),
        "editions/2021-15.fr.md": document("Intro.", number="2021-15", date="2021-11-18",
                                           lang="fr", subject="Sujet", articles="visit",
                                           status="ready"),
    }, when="2026-11-02T10:00:00")
    # The French originals change later; the English visit is translated again after that.
    commit(tmp_path, {
        A + "visit.fr.md": article("visit", "fr", title="Visite", body="Texte revu."),
        "content/pages/about.fr.md": page("about", "fr", body="Texte revu."),
    }, when="2026-11-10T10:00:00")
    commit(tmp_path, {A + "visit.en.md": article("visit", "en", body="Revised.")},
           when="2026-11-12T10:00:00")

    result = report(tmp_path, "--json")
    assert result.returncode == 0, result.stderr
    rows = {(row["kind"], row["key"]): {lang: cell["state"] for lang, cell in
                                        row["languages"].items()}
            for row in json.loads(result.stdout)["items"]}
    assert rows[("article", "visit")] == {"fr": "original", "nl": "outdated",
                                          "en": "up to date"}
    assert rows[("article", "forum")] == {"fr": "original", "nl": "missing", "en": "draft"}
    # translated on the 20th, after the French page changed on the 10th: up to date
    assert rows[("page", "about")] == {"fr": "original", "nl": "up to date", "en": "missing"}
    assert rows[("edition", "2021-15")] == {"fr": "original", "nl": "missing",
                                            "en": "missing"}

    table = report(tmp_path, lang="nl")
    assert table.returncode == 0, table.stderr
    visit = next(line for line in table.stdout.splitlines() if " visit " in line)
    assert visit.split()[-3:] == ["origineel", "verouderd", "bijgewerkt"]
    assert "4 van 4 hebben een ontbrekende, verouderde of conceptversie." in table.stdout


def test_an_edit_not_yet_committed_counts_from_the_file(tmp_path):
    git(tmp_path, "init", "-q")
    commit(tmp_path, {A + "visit.fr.md": article("visit", "fr"),
                      A + "visit.nl.md": article("visit", "nl")}, when="2026-11-02T10:00:00")
    (tmp_path / A / "visit.fr.md").write_text(article("visit", "fr", body="Nouveau."),
                                               encoding="utf-8")
    rows = json.loads(report(tmp_path, "--json").stdout)["items"]
    assert rows[0]["languages"]["nl"]["state"] == "outdated"


def test_outside_git_modification_times_are_used(tmp_path):
    write_tree(tmp_path, {A + "visit.fr.md": article("visit", "fr"),
                          A + "visit.nl.md": article("visit", "nl")})
    os.utime(tmp_path / A / "visit.fr.md", (1_700_000_000, 1_700_000_000))
    rows = json.loads(report(tmp_path, "--json").stdout)["items"]
    assert rows[0]["languages"]["nl"]["state"] == "up to date"
