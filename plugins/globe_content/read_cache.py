"""What reading made of each Markdown file, kept between builds under the cache folder.

A file's conversion (`Converted`: its HTML, summary, fields and problems) depends on the
file's bytes and on what is around it: the settings, the content rules (today's date
included, since a date far ahead is a problem), which files exist under the content
folder (links and images are checked), the theme's translations (used in bodies), and
the code and libraries that read it. The whole of that is one digest, `base`; a file's
key adds its path and bytes. An edit changes one key; adding, renaming or deleting a file,
or touching an image, changes the base, and every file is read again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import pickle
import zlib
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[1]
CODE = ("globe_content", "globe_core")  # what a reader runs
LIBRARIES = ("markdown", "nh3", "pillow", "pelican")
# Settings that say where a build writes, which files it reads, or what it does after
# reading; none changes what a file reads as, so previews and full builds share entries.
NOT_READING = ("OUTPUT_PATH", "ARTICLE_PATHS", "GLOBE_EDITIONS_PATH", "GLOBE_SEARCH_INDEX",
               "GLOBE_READ_PARALLEL_MIN",
               "GLOBE_PREVIEW", "GLOBE_URL_MAP", "GLOBE_PROBLEMS", "GLOBE_PREREAD",
               "GLOBE_READ_CACHE", "GLOBE_BACKGROUND_JOBS",
               "GLOBE_BACKGROUND_FINISHED_BY_CALLER", "GLOBE_LISTINGS_PREVIEW",
               "GLOBE_CHOSEN_FILES", "STATIC_CREATE_LINKS")


def _plain_settings(settings: dict) -> bytes:
    plain = {}
    for key, value in settings.items():
        if key.isupper() and key not in NOT_READING:
            try:
                plain[key] = json.loads(json.dumps(value, sort_keys=True))
            except (TypeError, ValueError):
                continue  # objects (a template cache…) do not change what is read
    if isinstance(plain.get("MARKDOWN"), dict):  # Pelican adds `meta` while it reads
        plain["MARKDOWN"]["extensions"] = sorted(
            set(plain["MARKDOWN"].get("extensions", [])) - {"markdown.extensions.meta"})
    return json.dumps(plain, sort_keys=True).encode()


def _tree(folder: str, with_contents: bool) -> bytes:
    """Every file under `folder`: its path, and its size and time or its bytes."""
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in sorted(files):
            path = os.path.join(root, name)
            digest.update(os.path.relpath(path, folder).encode() + b"\0")
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


class ReadCache:
    def __init__(self, folder: str, settings: dict, rules):
        self.folder = folder
        digest = hashlib.sha256(_plain_settings(settings))
        digest.update(pickle.dumps(rules))
        digest.update(_tree(rules.content_root, with_contents=False))
        digest.update(_tree(os.path.join(settings["THEME"], "translations"), True))
        for package in CODE:
            digest.update(_tree(str(PLUGINS / package), with_contents=True))
        for library in LIBRARIES:
            digest.update(importlib.metadata.version(library).encode())
        self.base = digest.digest()

    def key(self, path: str, raw: bytes) -> str:
        return hashlib.sha256(self.base + path.encode() + b"\0" + raw).hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key)

    def get(self, key: str):
        """What reading made of these bytes before (a Converted), or None."""
        try:
            with open(self._path(key), "rb") as file:
                return pickle.loads(zlib.decompress(file.read()))
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, zlib.error):
            return None

    def put(self, key: str, converted) -> None:
        target = self._path(key)
        part = f"{target}.{os.getpid()}.part"
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(part, "wb") as file:
                file.write(zlib.compress(pickle.dumps(converted), 1))
            os.replace(part, target)
        except OSError:
            pass  # a cache that cannot be written only costs time
