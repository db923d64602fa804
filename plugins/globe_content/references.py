"""Images and links inside a Markdown body: where they point, and whether that exists."""

from __future__ import annotations

import os
import re

from globe_core.messages import _
from globe_core.problems import Problem
from globe_core.source import SourceFile

from .images import resolve_image, suggest_image
from .paths import content_relative

# [text]({filename}path) links to another content file, {static}/{attach} to an image or
# document; in a reference definition too (`[id]: {static}/documents/x.pdf`)
_INTRASITE_LINK = re.compile(r"(?:\]\(\s*|^\s{0,3}\[[^\]]+\]:\s*)<?"
                             r"\{(filename|static|attach)\}([^\s)#?>]+)")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
# [text](..\..\images\x.jpg): a path copied from Windows' Explorer; Markdown reads `\.`
# as an escaped dot, so the path would be garbled, not found
_BACKSLASH_PATH = re.compile(r"\]\(\s*<?((?![a-z]+:)[^\s)>]*\\[^\s)>]*)", re.IGNORECASE)
# [text](../2020/other.fr.md) — a link to another Markdown file, relative to this one, as
# any Markdown editor follows it; the site turns it into that article's URL
_MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^\s)>{}:|]+\.md)(?:#[^\s)>]*)?>?")


def check_references(source: SourceFile, content_root: str) -> list[Problem]:
    """Every link to another file that points nowhere (images: see body_checks.py)."""
    problems: list[Problem] = []
    source_path = os.path.abspath(source.path)
    for offset, line in enumerate(source.body.splitlines()):
        number = source.body_line + offset
        # each pattern only where its marker is: most lines have none (a third of the
        # reading time of these checks, on the corpus)
        for kind, target in _INTRASITE_LINK.findall(line) if "{" in line else ():
            if kind == "filename" and not target.lower().endswith(_MARKDOWN_SUFFIXES):
                problems.append(Problem(
                    source.path, number,
                    _("`{filename}` links to articles and pages, not to `%(target)s`",
                      target=target),
                    _("write `{static}%(target)s` to link to an image or a document",
                      target=target)))
                continue
            _check_exists(problems, source, number, f"{{{kind}}}{target}", source_path,
                          content_root, "linked file")
        for target in _BACKSLASH_PATH.findall(line) if "\\" in line else ():
            problems.append(Problem(source.path, number,
                                    _("the path `%(target)s` is written with \\ (as Windows "
                                      "shows it)", target=target),
                                    _("write it with /, e.g. `%(fixed)s`",
                                      fixed=target.replace("\\", "/"))))
        for target in _MARKDOWN_LINK.findall(line) if ".md" in line else ():
            _check_exists(problems, source, number, target, source_path, content_root,
                          "linked file")
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
