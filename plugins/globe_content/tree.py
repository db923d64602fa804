"""The content and editions folders as files on disk: what may be published from them.

Nothing outside these folders may reach the site: a symbolic link that leaves its folder
(to /proc/self/environ, ~/.ssh, another project) is an error naming the link, and links
to folders are refused outright (they can loop). Files a reader would not read (.rst,
.html under articles/) and names a URL cannot carry are errors too, and every image that
would be published is checked (see images.py).
"""

from __future__ import annotations

import os
import re

from globe_core.folders import inside
from globe_core.images import image_problem
from globe_core.messages import _
from globe_core.problems import Problem

from .model import IMAGE_SUFFIXES

MARKDOWN_SUFFIXES = (".md", ".markdown")
# Files officers may mean as articles, which only Markdown can be.
DOCUMENT_SUFFIXES = (".rst", ".html", ".htm", ".txt", ".doc", ".docx", ".odt", ".rtf",
                     ".pdf")
# Characters a URL or an HTML attribute would have to encode, or that no editor shows.
_BAD_NAME = re.compile(r"[#?%\"<>\\`{}|\x00-\x1f\x7f]|^\s|\s$")


def tree_problems(root: str, display, source_dirs=(), static_dirs=()) -> list[Problem]:
    """Every problem of the files under root. display: path -> path as shown.

    source_dirs: sub-folders holding Markdown (articles, pages); static_dirs: sub-folders
    published as they are (images)."""
    problems: list[Problem] = []
    if not root or not os.path.isdir(root):
        return problems
    root = os.path.abspath(root)
    for folder, dirs, files in os.walk(root):
        relative_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        top = relative_folder.split("/", 1)[0]
        for name in list(dirs):
            path = os.path.join(folder, name)
            if os.path.islink(path):
                dirs.remove(name)
                problems.append(_link_problem(path, display, root, folder=True))
        for name in files:
            if name.startswith("."):
                continue  # editor and system files (.DS_Store, .#draft.md) are not content
            path = os.path.join(folder, name)
            if os.path.islink(path) and not (inside(path, root) and os.path.isfile(path)):
                problems.append(_link_problem(path, display, root, folder=False))
                continue
            problems += _name_problems(path, name, display)
            suffix = os.path.splitext(name)[1]
            if top in source_dirs:
                problems += _source_problems(path, suffix, display)
            if (top in static_dirs or top in source_dirs) and \
                    suffix.lower() in IMAGE_SUFFIXES:
                found = image_problem(path)
                if found:
                    problems.append(Problem(display(path), 0, *found))
    return problems


def _link_problem(path: str, display, root: str, folder: bool) -> Problem:
    target = os.path.realpath(path)
    if folder:
        message = _("`%(path)s` is a link to the folder %(target)s", path=display(path),
                    target=target)
    elif not os.path.exists(target):
        message = _("`%(path)s` is a link to %(target)s, which does not exist",
                    path=display(path), target=target)
    else:
        message = _("`%(path)s` is a link to %(target)s, outside %(root)s: nothing "
                    "outside it is published", path=display(path), target=target,
                    root=display(root))
    return Problem(display(path), 0, message,
                   _("replace the link by a copy of the file itself, or remove it"))


def _name_problems(path: str, name: str, display) -> list[Problem]:
    if not _BAD_NAME.search(name):
        return []
    return [Problem(display(path), 0,
                    _("the file name `%(name)s` has characters a web address cannot carry",
                      name=name.encode("unicode_escape").decode("ascii")
                      if any(ord(c) < 32 for c in name) else name),
                    _("rename it with letters, digits and hyphens, e.g. my-photo.jpg"))]


def _source_problems(path: str, suffix: str, display) -> list[Problem]:
    lowered = suffix.lower()
    if lowered in MARKDOWN_SUFFIXES and suffix != lowered:
        return [Problem(display(path), 0,
                        _("`%(suffix)s` is not read: Markdown files end in lowercase .md",
                          suffix=suffix),
                        _("rename it to end in .md"))]
    if lowered in DOCUMENT_SUFFIXES:
        return [Problem(display(path), 0,
                        _("only Markdown (.md) files are read here; this %(suffix)s file "
                          "would be left out", suffix=suffix),
                        _("write the text in Markdown and save it as .md, or move the file "
                          "out of the content folder"))]
    return []
