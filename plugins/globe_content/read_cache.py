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
from pathlib import Path

from globe_core.kept_values import KeptValues, tree_digest

PLUGINS = Path(__file__).resolve().parents[1]
CODE = ("globe_content", "globe_core")  # what a reader runs
LIBRARIES = ("markdown", "nh3", "pillow", "pelican")
# Settings that say where a build writes, which files it reads, or what it does after
# reading; none changes what a file reads as, so previews and full builds share entries.
NOT_READING = ("OUTPUT_PATH", "ARTICLE_PATHS", "GLOBE_EDITIONS_PATH", "GLOBE_SEARCH_INDEX",
               "GLOBE_READ_PARALLEL_MIN", "GLOBE_WRITE_PARALLEL_MIN",
               "GLOBE_PREVIEW", "GLOBE_URL_MAP", "GLOBE_PROBLEMS", "GLOBE_PREREAD",
               "GLOBE_READ_CACHE", "GLOBE_BACKGROUND_JOBS",
               "GLOBE_BACKGROUND_FINISHED_BY_CALLER", "GLOBE_LISTINGS_PREVIEW",
               "GLOBE_CHOSEN_FILES", "GLOBE_OUTPUT_LISTING", "STATIC_CREATE_LINKS")


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


class ReadCache:
    def __init__(self, folder: str, settings: dict, rules):
        # not compressed: zlib cost 0.4 CPU-s of a cold build of 2,400 articles, for
        # 37 MB of cache instead of 9
        self.values = KeptValues(folder, compressed=False)
        digest = hashlib.sha256(_plain_settings(settings))
        digest.update(pickle.dumps(rules))
        digest.update(tree_digest(rules.content_root, with_contents=False))
        digest.update(tree_digest(os.path.join(settings["THEME"], "translations"), True))
        for package in CODE:
            digest.update(tree_digest(str(PLUGINS / package), with_contents=True))
        for library in LIBRARIES:
            digest.update(importlib.metadata.version(library).encode())
        self.base = digest.digest()

    def key(self, path: str, raw: bytes) -> str:
        return hashlib.sha256(self.base + path.encode() + b"\0" + raw).hexdigest()

    def get(self, key: str):
        """What reading made of these bytes before (a Converted), or None."""
        return self.values.get(key)

    def put(self, key: str, converted) -> None:
        self.values.put(key, converted)
