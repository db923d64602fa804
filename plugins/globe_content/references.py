"""Images and links inside a Markdown body: where they point, and whether that exists."""

from __future__ import annotations

import os
import re

from globe_core.messages import _
from globe_core.problems import Problem
from globe_core.source import SourceFile

from .images import resolve_image, suggest_image
from .paths import content_relative, is_external

# ![alt](target "title") — the only image syntax officers are taught
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# [text]({filename}path) links to another content file
_FILENAME_LINK = re.compile(r"\]\(\s*\{filename\}([^\s)#?]+)")
# [text](../2020/other.fr.md) — a link to another Markdown file, relative to this one, as
# any Markdown editor follows it; the site turns it into that article's URL
_MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^\s)>{}:]+\.md)(?:#[^\s)>]*)?>?")
_RAW_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT_ATTR = re.compile(r"\balt\s*=\s*([\"'])\s*\S", re.IGNORECASE)
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
    if what == "image":
        found = resolve_image(target, source_path, content_root)
        if found is None and relative is not None:
            problems.append(missing_image(source.path, number, target, content_root))
        if found is not None or relative is not None:
            return
    if relative is None:
        message = (_("image `%(target)s` is outside the content folder", target=target)
                   if what == "image" else
                   _("linked file `%(target)s` is outside the content folder", target=target))
        problems.append(Problem(source.path, number, message,
                                _("keep images and articles under content/")))
    elif not os.path.isfile(os.path.join(content_root, relative)):
        problems.append(Problem(source.path, number,
                                _("linked file `%(target)s` does not exist", target=target),
                                _("check the path; it was looked for at content/%(path)s",
                                  path=relative)))


def missing_image(path: str, line: int, target: str, content_root: str) -> Problem:
    """An image that is not there, with the closest existing one as the fix."""
    close = suggest_image(target, content_root)
    fix = (_("did you mean `%(path)s`?", path=close) if close else
           _("save the image under content/images/<year>/ and write its path as "
             "`images/<year>/<file>`"))
    return Problem(path, line, _("image `%(target)s` does not exist", target=target), fix)
