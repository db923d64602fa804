"""Images and links inside a Markdown body: where they point, and whether that exists."""

from __future__ import annotations

import os
import re
from urllib.parse import unquote

from globe_core.messages import _
from globe_core.problems import Problem
from globe_core.source import SourceFile

# [text]({filename}path) links to another content file
_FILENAME_LINK = re.compile(r"\]\(\s*\{filename\}([^\s)#?]+)")
# [text](../2020/other.fr.md) — a link to another Markdown file, relative to this one, as
# any Markdown editor follows it; the site turns it into that article's URL
_MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^\s)>{}:]+\.md)(?:#[^\s)>]*)?>?")
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


def check_references(source: SourceFile, content_root: str) -> list[Problem]:
    """Every link to another file that points nowhere (images: see body_checks.py)."""
    problems: list[Problem] = []
    source_path = os.path.abspath(source.path)
    for offset, line in enumerate(source.body.splitlines()):
        number = source.body_line + offset
        for target in _FILENAME_LINK.findall(line):
            _check_exists(problems, source, number, "{filename}" + target, source_path,
                          content_root, "linked file")
        for target in _MARKDOWN_LINK.findall(line):
            _check_exists(problems, source, number, target, source_path, content_root,
                          "linked file")
    return problems


def _check_exists(problems, source, number, target, source_path, content_root, what):
    relative = content_relative(target, source_path, content_root)
    if relative is None:
        message = (_("image `%(target)s` is outside the content folder", target=target)
                   if what == "image" else
                   _("linked file `%(target)s` is outside the content folder", target=target))
        problems.append(Problem(source.path, number, message,
                                _("keep images and articles under content/")))
    elif not os.path.isfile(os.path.join(content_root, relative)):
        message = (_("image `%(target)s` does not exist", target=target) if what == "image"
                   else _("linked file `%(target)s` does not exist", target=target))
        problems.append(Problem(source.path, number, message,
                                _("check the path; it was looked for at content/%(path)s",
                                  path=relative)))
