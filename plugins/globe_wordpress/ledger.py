"""What the import wrote, so that running it again never clobbers an officer's edit.

The ledger (JSON, in the import's work folder) keeps the SHA-256 of every file as the
import wrote it, and the file each WordPress post went to. On the next run a file is
rewritten only if it is still exactly what the import wrote (or with --force).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field

WRITTEN, UNCHANGED, KEPT = "written", "unchanged", "kept"


class LedgerError(Exception):
    """The ledger file is damaged (edited by hand, or cut short)."""


POST_FOLDERS = ("articles", "pages")
CONTENT_FOLDERS = (*POST_FOLDERS, "images", "documents")  # where the import writes


def is_content_path(relative) -> bool:
    """A path the import may write: `folder/…/name` under one of its folders, with no
    `..`, `.` or empty part, not absolute, no backslash or control character."""
    if not isinstance(relative, str) or any(ord(c) < 32 or c == "\\" for c in relative):
        return False
    parts = relative.split("/")
    return (len(parts) >= 2 and parts[0] in CONTENT_FOLDERS
            and all(part not in ("", ".", "..") for part in parts))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Ledger:
    path: str
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256
    posts: dict[str, str] = field(default_factory=dict)  # "post id" -> relative path

    @classmethod
    def load(cls, path: str) -> Ledger:
        if not os.path.exists(path):
            return cls(path)
        with open(path, encoding="utf-8") as file:
            try:
                data = json.load(file)
                ledger = cls(path, dict(data["files"]), dict(data["posts"]))
            except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
                raise LedgerError(str(error)) from None
        # The ledger says where each post goes and which files may be replaced: a path in
        # it leaving the content folder would have the import overwrite any file there.
        for relative in [*ledger.files, *ledger.posts.values()]:
            if not is_content_path(relative):
                raise LedgerError(f"`{relative}` is not a file of the content folder")
        for relative in ledger.posts.values():
            if not relative.endswith(".md") or relative.split("/")[0] not in POST_FOLDERS:
                raise LedgerError(f"`{relative}` is not an article or page file")
        if not all(isinstance(digest, str) for digest in ledger.files.values()):
            raise LedgerError("a file's fingerprint is not text")
        return ledger

    def save(self) -> None:
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        temporary = self.path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump({"files": self.files, "posts": self.posts}, file, indent=1,
                      sort_keys=True)
        os.replace(temporary, self.path)

    def write(self, root: str, relative: str, text: str, force: bool = False) -> str:
        """Write `text` unless an officer changed the file since; WRITTEN, UNCHANGED or KEPT."""
        if not is_content_path(relative):  # made by the import itself: never expected
            raise LedgerError(f"`{relative}` is not a file of the content folder")
        data = text.encode("utf-8")
        path = os.path.join(root, relative)
        if os.path.exists(path):
            with open(path, "rb") as file:
                current = sha256(file.read())
            if current == sha256(data):
                self.files[relative] = current
                return UNCHANGED
            if not force and self.files.get(relative) != current:
                return KEPT  # edited since the import wrote it, or never written by it
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = path + ".import-tmp"
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
        self.files[relative] = sha256(data)
        return WRITTEN
