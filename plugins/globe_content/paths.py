"""Paths officers write in Markdown, resolved against the content folder."""

from __future__ import annotations

import os
import re
from urllib.parse import unquote

_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^\{(static|attach|filename)\}")


def content_relative(target: str, source_path: str, content_root: str) -> str | None:
    """Path of a referenced file relative to the content root, or None if outside it.

    `{static}/images/x.jpg` is relative to the root; `../../images/x.jpg` and
    `{static}x.jpg` are relative to the Markdown file, so they preview in any editor.
    """
    path = unquote(_PLACEHOLDER.sub("", target).split("#")[0].split("?")[0])
    base = content_root if path.startswith("/") else os.path.dirname(source_path)
    resolved = os.path.normpath(os.path.join(base, path.lstrip("/")))
    if not resolved.startswith(content_root + os.sep):
        return None
    return os.path.relpath(resolved, content_root).replace(os.sep, "/")


def is_external(target: str) -> bool:
    return bool(_EXTERNAL.match(target)) and not _PLACEHOLDER.match(target)
