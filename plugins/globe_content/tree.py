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
import stat
import unicodedata
from functools import cache

from globe_core.folders import inside
from globe_core.images import image_problem
from globe_core.messages import _
from globe_core.problems import Problem

from .model import IMAGE_SUFFIXES

MARKDOWN_SUFFIXES = (".md", ".markdown")
# Files officers may mean as articles, which only Markdown can be.
DOCUMENT_SUFFIXES = (".rst", ".html", ".htm", ".txt", ".doc", ".docx", ".odt", ".rtf",
                     ".pdf")
# What the static folders may publish as it is: pictures and documents, which browsers
# show or download without running them. An .html, .js or .php file there would be served
# from the site's own address as if the site had written it.
PUBLISHED_SUFFIXES = (*IMAGE_SUFFIXES, ".pdf", ".doc", ".docx", ".odt", ".ods", ".odp",
                      ".xls", ".xlsx", ".ppt", ".pptx", ".csv", ".txt", ".zip", ".epub",
                      ".mp3", ".mp4", ".webm", ".ogg", ".vtt")
# Characters a URL or an HTML attribute would have to encode, or that no editor shows.
_BAD_NAME = re.compile(r"[#?%\"<>\\`{}|\x00-\x1f\x7f]|^\s|\s$")


def tree_problems(root: str, display, source_dirs=(), static_dirs=(),
                  editions: bool = False) -> list[Problem]:
    """Every problem of the files under root. display: path -> path as shown.

    source_dirs: sub-folders holding Markdown (articles, pages); static_dirs: sub-folders
    published as they are (images, documents); editions: root holds edition files only."""
    problems: list[Problem] = []
    if not root or not os.path.isdir(root):
        return problems
    root = os.path.abspath(root)
    for folder, dirs, files in os.walk(root):
        relative_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        top = relative_folder.split("/", 1)[0]
        problems += _case_clashes(folder, dirs + files, display)
        for name in list(dirs):
            path = os.path.join(folder, name)
            if os.path.islink(path):
                dirs.remove(name)
                problems.append(_link_problem(path, display, root, folder=True))
            elif name.startswith("."):
                dirs.remove(name)  # .git, .cache…: never read nor published, like .files
        for name in files:
            if name.startswith("."):
                continue  # editor and system files (.DS_Store, .#draft.md) are not content
            path = os.path.join(folder, name)
            if os.path.islink(path) and not (inside(path, root) and os.path.isfile(path)):
                problems.append(_link_problem(path, display, root, folder=False))
                continue
            problems += _name_problems(path, name, display)
            suffix = os.path.splitext(name)[1]
            if editions:
                problems += _edition_folder_problems(path, suffix, display)
            elif top in source_dirs:
                problems += _source_problems(path, suffix, display)
            elif top in static_dirs:
                problems += _static_problems(path, suffix, display)
            else:
                problems += _unplaced_problems(path, suffix, display, source_dirs)
            if (top in static_dirs or top in source_dirs) and \
                    suffix.lower() in IMAGE_SUFFIXES:
                found = image_problem(path)
                if found:
                    problems.append(Problem(display(path), 0, *found))
    return problems


def _case_clashes(folder: str, names: list[str], display) -> list[Problem]:
    """Names of one folder that differ only in capitals (`Photo.jpg`, `photo.jpg`): on
    macOS and Windows, where officers check the site out, they are one file, and one of
    them silently replaces the other."""
    first: dict[str, str] = {}
    problems = []
    for name in sorted(names):
        other = first.setdefault(unicodedata.normalize("NFC", name).casefold(), name)
        if other != name:
            problems.append(Problem(display(os.path.join(folder, name)), 0,
                                    _("`%(name)s` and `%(other)s` differ only in capitals: "
                                      "on macOS and Windows one would replace the other",
                                      name=name, other=other),
                                    _("rename one of them")))
    return problems


def undecodable_names(root: str, display) -> list[Problem]:
    """Files and folders under root whose names are not UTF-8 (a zip made on Windows keeps
    `café` as Latin-1): Python holds such a name with stand-ins no file name can be written
    or printed with, so they are found before anything else reads the tree."""
    problems = []
    for folder, dirs, files in os.walk(root or ""):
        for name in dirs + files:
            try:
                name.encode("utf-8")
            except UnicodeEncodeError:
                shown = os.fsencode(display(os.path.join(folder, name))).decode(
                    "utf-8", "backslashreplace")
                problems.append(Problem(shown, 0, _("the name is not UTF-8 text"),
                                        _("rename it with letters, digits and hyphens, e.g. "
                                          "cafe.fr.md or my-photo.jpg")))
    return problems


def special_files(root: str, display) -> list[Problem]:
    """Named pipes, sockets and devices under root, or links to them: opening a pipe
    waits for a writer that never comes (the build would hang), the others fail. Found
    before anything reads the tree. Regular files cost no system call here: the folder
    listing says what each entry is."""
    problems: list[Problem] = []
    if not root or not os.path.isdir(root):
        return problems
    folders = [root]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:
            continue  # an unreadable folder: not ours to report here
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                    continue
                if entry.is_file() or entry.is_dir() or not os.path.exists(entry.path):
                    continue  # a file, a link to a folder or a broken link: see tree_problems
                kind = _special_kind(os.stat(entry.path).st_mode)
            except OSError:
                continue
            problems.append(Problem(display(entry.path), 0,
                                    _("`%(name)s` is not a file but a %(kind)s: reading it "
                                      "would wait or fail", name=entry.name, kind=kind),
                                    _("remove it: only files and folders belong here")))
    return problems


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("named pipe")
    if stat.S_ISSOCK(mode):
        return _("socket")
    return _("device")


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
    if unicodedata.is_normalized("NFC", name) is False:
        # `é` saved as `e` + accent (macOS does): links typed with `é` would not find it
        return [Problem(display(path), 0,
                        _("the file name `%(name)s` is saved with its accents apart from "
                          "their letters", name=unicodedata.normalize("NFC", name)),
                        _("rename it without accents, e.g. `%(ascii)s`",
                          ascii=unicodedata.normalize("NFKD", name).encode(
                              "ascii", "ignore").decode("ascii") or "my-file.jpg"))]
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


def _static_problems(path: str, suffix: str, display) -> list[Problem]:
    if suffix.lower() in PUBLISHED_SUFFIXES:
        return []
    if suffix.lower() in _picture_suffixes() or suffix.lower() in (".heic", ".heif", ".avif"):
        return [Problem(display(path), 0,
                        _("browsers do not show `%(suffix)s` images", suffix=suffix),
                        _("save it as JPEG (a photo) or PNG (a drawing, a chart)"))]
    return [Problem(display(path), 0,
                    _("`%(suffix)s` files are not published: the site's address would serve "
                      "this file as if the site had written it (a page, a script)",
                      suffix=suffix or os.path.basename(path)),
                    _("remove it; put images (.jpg, .png…) and documents (.pdf, .docx, "
                      ".xlsx…) here, and write pages in Markdown under pages/"))]


def _unplaced_problems(path: str, suffix: str, display, source_dirs) -> list[Problem]:
    """A Markdown text, in a folder that is neither read nor published."""
    if suffix.lower() not in MARKDOWN_SUFFIXES or not source_dirs:
        return []
    return [Problem(display(path), 0,
                    _("this file is in no folder that is read or published, so it would "
                      "be left out"),
                    _("move it: articles go under articles/YEAR/, pages under pages/, "
                      "documents under documents/"))]


def _edition_folder_problems(path: str, suffix: str, display) -> list[Problem]:
    if suffix == ".md":
        return []
    if suffix.lower() == ".md":  # .MD: the editions folder is read for *.md only
        return [Problem(display(path), 0,
                        _("`%(suffix)s` is not read: Markdown files end in lowercase .md",
                          suffix=suffix),
                        _("rename it to end in .md"))]
    return [Problem(display(path), 0,
                    _("only edition files ending in .md are read in the editions folder; "
                      "this one would be left out"),
                    _("rename it to end in .md (e.g. 2026-14.fr.md), or move it elsewhere"))]


@cache
def _picture_suffixes() -> frozenset:
    """Every image format Pillow knows (.tif, .bmp, .psd…): a picture, not a page."""
    from PIL import Image  # noqa: PLC0415 — only when a static file is not published

    return frozenset(Image.registered_extensions())
