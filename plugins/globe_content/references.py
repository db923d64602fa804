"""Images and links inside a Markdown body: where they point, and whether that exists."""

from __future__ import annotations

import os
import re
from urllib.parse import unquote

from globe_core.messages import _
from globe_core.problems import Problem
from globe_core.source import SourceFile

# ![alt](target "title") — the only image syntax officers are taught
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# [text]({filename}path) links to another content file
_FILENAME_LINK = re.compile(r"\]\(\s*\{filename\}([^\s)#?]+)")
# [text](../2020/other.fr.md) — a link to another Markdown file, relative to this one, as
# any Markdown editor follows it; the site turns it into that article's URL
_MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^\s)>{}:]+\.md)(?:#[^\s)>]*)?>?")
_RAW_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT_ATTR = re.compile(r"\balt\s*=\s*([\"'])\s*\S", re.IGNORECASE)
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
    """Every image without alt text, and every image or link that points nowhere."""
    problems: list[Problem] = []
    source_path = os.path.abspath(source.path)
    for offset, line in enumerate(source.body.splitlines()):
        number = source.body_line + offset
        for alt, target in _IMAGE.findall(line):
            if not alt.strip():
                problems.append(Problem(source.path, number,
                                        _("image `%(target)s` has no alt text",
                                          target=target),
                                        _("describe the image between the brackets: "
                                          "![what the image shows](path \"Caption\")")))
            if is_external(target):
                problems.append(Problem(source.path, number,
                                        _("image `%(target)s` is on another site",
                                          target=target),
                                        _("save it under content/images/ and link to it "
                                          "there: the site loads nothing from other hosts")))
                continue
            _check_exists(problems, source, number, target, source_path, content_root,
                          "image")
        for target in _FILENAME_LINK.findall(line):
            _check_exists(problems, source, number, "{filename}" + target, source_path,
                          content_root, "linked file")
        for target in _MARKDOWN_LINK.findall(line):
            _check_exists(problems, source, number, target, source_path, content_root,
                          "linked file")
        for tag in _RAW_IMG.findall(line):
            if not _ALT_ATTR.search(tag):
                problems.append(Problem(source.path, number, _("an <img> has no alt text"),
                                        _('add alt="what the image shows" to the tag')))
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
