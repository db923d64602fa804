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
                return cls(path, dict(data["files"]), dict(data["posts"]))
            except (ValueError, KeyError, TypeError) as error:
                raise LedgerError(str(error)) from None

    def save(self) -> None:
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        temporary = self.path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump({"files": self.files, "posts": self.posts}, file, indent=1,
                      sort_keys=True)
        os.replace(temporary, self.path)

    def write(self, root: str, relative: str, text: str, force: bool = False) -> str:
        """Write `text` unless an officer changed the file since; WRITTEN, UNCHANGED or KEPT."""
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
