"""Where a build may write: never over sources, a repository, or a folder it did not make.

A build replaces its output folder as a whole, so a wrong `--output` (`.`, `content`, the
home folder) would delete what it replaces. Rules, checked before anything is written:

- the output is not a file, nor under one;
- it is not, does not contain and does not sit inside a source folder (content, editions,
  theme, plugins) or the project;
- it is not, and does not contain, a git repository;
- an existing, non-empty output carries the marker file every build writes into its
  output (`MARKER`); a folder without it was not made by `globe build` and is left alone.

Staging folders are named after their output and the building process, so a later
build can clean up the ones a killed build left behind without touching a running one.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from globe_core.messages import _
from globe_core.problems import Problem

from .writable_paths import why_unusable

MARKER = ".globe-output"
_STAGING = ".globe-build-"
_RETIRED = ".globe-old-"


def _inside(path: str, folder: str) -> bool:
    """True when path is folder or lies under it (both resolved)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _git_root(start: str) -> str | None:
    folder = start
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def output_problems(output: str, sources: list[str], protected: list[str] = ()
                    ) -> list[Problem]:
    """Why `output` must not be written, as problems naming it; [] when it may be.

    sources: folders the output may neither contain nor sit in; protected: folders it
    may not contain (the project, which holds the output folder itself)."""
    shown = output
    output = os.path.realpath(output)

    def refuse(message):
        return [Problem(shown, 0, message,
                        _("choose a new or empty folder for the output, e.g. --output output"))]

    if os.path.islink(shown) and not os.path.exists(output):
        return refuse(_("the output `%(path)s` is a symbolic link to %(target)s, which does "
                        "not exist", path=shown, target=os.readlink(shown)))
    if os.path.exists(output) and not os.path.isdir(output):
        return refuse(_("the output `%(path)s` is a file, not a folder", path=shown))
    under_a_file = why_unusable(shown, folder=True)
    if under_a_file:
        return refuse(under_a_file)
    for given in sources:
        if not given:
            continue
        source = os.path.realpath(given)
        if _inside(source, output):
            return refuse(_("the output `%(path)s` contains the source folder %(source)s: "
                            "building would delete it", path=shown, source=source))
        if _inside(output, source):
            return refuse(_("the output `%(path)s` is inside the source folder %(source)s",
                            path=shown, source=source))
    for folder in [*protected, _git_root(os.getcwd())]:
        if folder and _inside(os.path.realpath(folder), output):
            return refuse(_("the output `%(path)s` contains the project or git repository "
                            "%(repo)s", path=shown, repo=folder))
    if not os.path.isdir(output) or not os.listdir(output):
        return []
    if os.path.exists(os.path.join(output, ".git")):
        return refuse(_("the output `%(path)s` is a git repository", path=shown))
    if not os.path.isfile(os.path.join(output, MARKER)):
        return refuse(_("the output `%(path)s` is a folder the build did not make (it has "
                        "no %(marker)s file): replacing it would delete its files",
                        path=shown, marker=MARKER))
    return []


def mark(folder: str) -> None:
    with open(os.path.join(folder, MARKER), "w", encoding="utf-8") as file:
        file.write("Made by `globe build`; the next build replaces this whole folder.\n")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers(output: str) -> None:
    """Remove staging and retired folders of `output` whose building process is gone."""
    parent, name = os.path.split(os.path.abspath(output))
    try:
        entries = os.listdir(parent)
    except OSError:
        return
    for entry in entries:
        for prefix in (_STAGING, _RETIRED):
            head = f"{prefix}{name}-"
            if not entry.startswith(head):
                continue
            pid = entry[len(head):].split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(os.path.join(parent, entry), ignore_errors=True)


def staging_folder(output: str) -> str:
    """A new folder beside `output` to build into (marked once the build succeeds)."""
    parent, name = os.path.split(os.path.abspath(output))
    return tempfile.mkdtemp(prefix=f"{_STAGING}{name}-{os.getpid()}-", dir=parent)


def swap_in(staging: str, output: str) -> None:
    """Replace `output` by `staging` (renames only: the old site is never half-deleted)."""
    os.chmod(staging, 0o755)  # mkdtemp makes it private; a web server must read it
    parent, name = os.path.split(os.path.abspath(output))
    retired = None
    if os.path.exists(output):
        retired = tempfile.mkdtemp(prefix=f"{_RETIRED}{name}-{os.getpid()}-", dir=parent)
        os.rename(output, os.path.join(retired, "site"))
    os.rename(staging, output)
    if retired:
        shutil.rmtree(retired, ignore_errors=True)
