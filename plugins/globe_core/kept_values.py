"""Values a build keeps for the next one under the cache folder: one pickle per key, in
`folder/<first two characters of the key>/<key>`, written whole or not at all, and
compressed when the store is made so.

The read cache (Markdown conversions) and the email cache (rendered, checked emails) keep
their entries here; each makes its keys from everything the value depends on.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
import zlib


def tree_digest(folder: str, with_contents: bool) -> bytes:
    """Every file under `folder` (no `__pycache__`): its path, and its bytes or, when
    `with_contents` is false, its size and time (Markdown files: only their path)."""
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in sorted(files):
            path = os.path.join(root, name)
            digest.update(os.fsencode(os.path.relpath(path, folder)) + b"\0")
            if with_contents:
                with open(path, "rb") as file:
                    digest.update(file.read())
            elif not name.endswith((".md", ".markdown")):  # an image was redrawn…
                try:
                    stat = os.stat(path)
                except OSError:  # a dangling link: the build reports it, not this digest
                    stat = os.lstat(path)
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.digest()


class KeptValues:
    def __init__(self, folder: str, compressed: bool = True):
        self.folder = folder
        self.compressed = compressed

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key)

    def get(self, key: str, mark_used: bool = False):
        """The value kept under `key`, or None. `mark_used` keeps it from `forget_unused`."""
        path = self._path(key)
        try:
            with open(path, "rb") as file:
                kept = file.read()
                value = pickle.loads(zlib.decompress(kept) if self.compressed else kept)
            if mark_used:
                os.utime(path)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, zlib.error):
            return None
        return value

    def put(self, key: str, value) -> None:
        target = self._path(key)
        part = f"{target}.{os.getpid()}.part"  # renamed into place: never read half-written
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(part, "wb") as file:
                kept = pickle.dumps(value)
                file.write(zlib.compress(kept, 1) if self.compressed else kept)
            os.replace(part, target)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def forget_unused(self, days: int) -> None:
        """Remove the values no build wrote or marked used for `days` days."""
        limit = time.time() - days * 86400
        for folder, _dirs, names in os.walk(self.folder):
            for name in names:
                path = os.path.join(folder, name)
                try:
                    if os.stat(path).st_mtime < limit:
                        os.unlink(path)
                except OSError:
                    pass  # another build removed it
