"""Which language versions exist of every article, page and edition, and which lag behind.

Read straight from the files (no build): one version per `<slug>.<lang>.md`. The original
is the version in the site's default language, or else the oldest file. A translation is
*outdated* when the original changed after it: after its `Translation_of:` date when it
gives one, else after the translation's own last change. Changes are taken from git history
(one `git log` for the whole tree); a file with uncommitted edits, or outside git, counts
from its modification time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .dates import parse_date
from .source import read_fields

KINDS = ("article", "page", "edition")
# What a language's cell says; the CLI and the dev page translate these words.
ORIGINAL, UP_TO_DATE, OUTDATED, DRAFT, MISSING = (
    "original", "up to date", "outdated", "draft", "missing")


@dataclass
class Version:
    lang: str
    path: str  # relative to the project, as an editor opens it
    title: str
    draft: bool
    changed: dt.datetime  # last change, from git or the file
    translation_of: dt.datetime | None = None


@dataclass
class Item:
    kind: str  # article, page or edition
    key: str  # slug, or edition number
    versions: dict[str, Version] = field(default_factory=dict)

    def original(self, default_lang: str) -> Version:
        if default_lang in self.versions:
            return self.versions[default_lang]
        return min(self.versions.values(), key=lambda v: (v.changed, v.lang))

    def state(self, lang: str, default_lang: str) -> str:
        version = self.versions.get(lang)
        if version is None:
            return MISSING
        original = self.original(default_lang)
        if version.draft:
            return DRAFT
        if version is original:
            return ORIGINAL
        if version.translation_of is not None:  # a day: changes later that day count not
            return (OUTDATED if original.changed.date() > version.translation_of.date()
                    else UP_TO_DATE)
        return OUTDATED if original.changed > version.changed else UP_TO_DATE


@dataclass
class Report:
    languages: tuple[str, ...]
    default_lang: str
    items: list[Item]

    def rows(self) -> list[dict]:
        """Plain values, for the JSON output and the dev page."""
        return [{
            "kind": item.kind,
            "key": item.key,
            "title": item.original(self.default_lang).title,
            "original": self._original_lang(item),
            "languages": {lang: self._cell(item, lang) for lang in self.languages},
        } for item in self.items]

    def _original_lang(self, item: Item) -> str:
        return item.original(self.default_lang).lang

    def _cell(self, item: Item, lang: str) -> dict:
        version = item.versions.get(lang)
        cell = {"state": item.state(lang, self.default_lang)}
        if version is not None:
            cell["path"] = version.path
            cell["changed"] = version.changed.isoformat(timespec="seconds")
        return cell

    def to_json(self) -> str:
        return json.dumps({"languages": list(self.languages), "items": self.rows()},
                          ensure_ascii=False, indent=2)

    def needing_work(self) -> list[Item]:
        return [item for item in self.items
                if any(item.state(lang, self.default_lang) != UP_TO_DATE
                       and item.state(lang, self.default_lang) != ORIGINAL
                       for lang in self.languages)]


def last_changes(paths: list[Path]) -> dict[Path, dt.datetime]:
    """When each file last changed: its last commit, or its mtime if edited since or untracked."""
    changed = {path: dt.datetime.fromtimestamp(path.stat().st_mtime) for path in paths}
    if not paths:
        return changed
    folder = paths[0].parent
    try:
        top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
        log = _git(top, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--",
                   *{str(p.parent) for p in paths})
        dirty = _git(top, "status", "--porcelain", "--untracked-files=all", "--",
                     *{str(p.parent) for p in paths})
    except (OSError, subprocess.CalledProcessError):
        return changed  # not in git: modification times it is
    committed: dict[Path, dt.datetime] = {}
    stamp = None
    for line in log.splitlines():
        if line.startswith("\0"):
            stamp = dt.datetime.fromtimestamp(int(line[1:]))
        elif line.strip() and stamp is not None:
            committed.setdefault((top / line.strip()).resolve(), stamp)
    edited = {(top / line[3:].strip()).resolve() for line in dirty.splitlines() if line[3:]}
    for path in paths:
        resolved = path.resolve()
        if resolved in committed and resolved not in edited:
            changed[path] = committed[resolved]
    return changed


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          check=True, timeout=60, stdin=subprocess.DEVNULL).stdout


def _display(path: Path) -> str:
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def build_report(content: str, editions: str | None, languages, default_lang: str,
                 article_paths=("articles",), page_paths=("pages",)) -> Report:
    """Every article, page and edition of a content tree, with the state of each language."""
    content_root = Path(content)
    sources: list[tuple[str, Path]] = []
    for kind, folders in (("article", article_paths), ("page", page_paths)):
        for folder in folders:
            sources += [(kind, p) for p in sorted((content_root / folder).rglob("*.md"))]
    if editions and Path(editions).is_dir():
        sources += [("edition", p) for p in sorted(Path(editions).rglob("*.md"))]
    changes = last_changes([path for _kind, path in sources])
    items: dict[tuple[str, str], Item] = {}
    for kind, path in sources:
        fields = read_fields(path)
        key = fields.get("number" if kind == "edition" else "slug")
        lang = fields.get("lang")
        if not key or lang not in languages:
            continue  # `globe check` reports such files
        item = items.setdefault((kind, key), Item(kind, key))
        item.versions[lang] = Version(
            lang=lang, path=_display(path),
            title=fields.get("subject" if kind == "edition" else "title", key),
            # editions are drafts until `Status: ready`; articles and pages until published
            draft=(fields.get("status", "draft").lower() != "ready" if kind == "edition"
                   else fields.get("status", "").lower() == "draft"),
            changed=changes[path],
            translation_of=parse_date(fields.get("translation_of", "")),
        )
    ordered = sorted(items.values(), key=lambda i: (KINDS.index(i.kind), i.key))
    return Report(tuple(languages), default_lang, ordered)
