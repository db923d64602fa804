"""Rendered and checked emails, kept between builds under the cache folder.

An edition's email changes only when what it is made from changes: its view (the edition
file and its articles, images included, as plain values), the gate's settings, the email
templates and translations, and the code that renders and checks it. All of that goes
into one key, so a rebuild after one article was edited renders again only the editions
that show it; a cold build (no cache) renders them all, as before.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import time
import zlib
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[1]
CODE = ("globe_newsletter", "globe_core")  # what renders and checks an email
LIBRARIES = ("mjml-python", "beautifulsoup4", "markdown", "jinja2")
FORGET_AFTER_DAYS = 30  # entries no build used for this long are removed


def _files_digest(folders) -> bytes:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{path.relative_to(folder)}\0".encode())
                digest.update(path.read_bytes())
    return digest.digest()


class EmailCache:
    def __init__(self, folder: str, renderer_args: tuple, gate: tuple):
        self.folder = folder
        templates, translations, sitename = renderer_args
        digest = hashlib.sha256(_files_digest([templates, translations,
                                               *(PLUGINS / name for name in CODE)]))
        for library in LIBRARIES:
            digest.update(importlib.metadata.version(library).encode())
        digest.update(pickle.dumps((sitename, gate)))
        self.base = digest.digest()

    def key(self, view) -> str:
        return hashlib.sha256(self.base + pickle.dumps(view)).hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key)

    def get(self, key: str):
        """(email, problems found) made earlier from the same inputs, or None."""
        path = self._path(key)
        try:
            with open(path, "rb") as file:
                found = pickle.loads(zlib.decompress(file.read()))
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, zlib.error):
            return None
        os.utime(path)  # used: kept
        return found

    def put(self, key: str, result) -> None:
        path = self._path(key)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(f"{path}.{os.getpid()}.part", "wb") as file:
            file.write(zlib.compress(pickle.dumps(result), 1))
        os.replace(f"{path}.{os.getpid()}.part", path)

    def forget_unused(self) -> None:
        limit = time.time() - FORGET_AFTER_DAYS * 86400
        for path in Path(self.folder).glob("*/*"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                pass  # another build removed it
