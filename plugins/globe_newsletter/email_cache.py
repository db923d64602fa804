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
import pickle
from pathlib import Path

from globe_core.kept_values import KeptValues, tree_digest

PLUGINS = Path(__file__).resolve().parents[1]
CODE = ("globe_newsletter", "globe_core")  # what renders and checks an email
LIBRARIES = ("mjml-python", "beautifulsoup4", "markdown", "jinja2")
FORGET_AFTER_DAYS = 30  # entries no build used for this long are removed


class EmailCache:
    def __init__(self, folder: str, renderer_args: tuple, gate: tuple):
        self.values = KeptValues(folder)
        templates, translations, sitename = renderer_args
        digest = hashlib.sha256()
        for source in (templates, translations, *(str(PLUGINS / name) for name in CODE)):
            digest.update(tree_digest(source, with_contents=True))
        for library in LIBRARIES:
            digest.update(importlib.metadata.version(library).encode())
        digest.update(pickle.dumps((sitename, gate)))
        self.base = digest.digest()

    def key(self, view) -> str:
        return hashlib.sha256(self.base + pickle.dumps(view)).hexdigest()

    def get(self, key: str):
        """(email, problems found) made earlier from the same inputs, or None."""
        return self.values.get(key, mark_used=True)

    def put(self, key: str, result) -> None:
        self.values.put(key, result)

    def forget_unused(self) -> None:
        self.values.forget_unused(FORGET_AFTER_DAYS)
