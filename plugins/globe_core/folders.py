"""Where a file really is: symbolic links resolved, so nothing outside a folder gets in."""

from __future__ import annotations

import os


def inside(path, root) -> bool:
    """True when the real location of `path` lies under `root` (both resolved)."""
    return _under(os.path.realpath(path), os.path.realpath(root))


def _under(real: str, root: str) -> bool:
    return real == root or real.startswith(root + os.sep)


class RealFolders:
    """`inside` for many files of a few folders, within one build: each folder is resolved
    once (resolving a path looks up every folder above it), each file still every time."""

    def __init__(self):
        self._folders: dict[str, str] = {}

    def realpath(self, path: str) -> str:
        if os.path.islink(path) or ".." in str(path).split(os.sep):
            return os.path.realpath(path)  # `..` after a link leads out of the link's target
        folder, name = os.path.split(os.path.abspath(path))
        if folder not in self._folders:
            self._folders[folder] = os.path.realpath(folder)
        return os.path.join(self._folders[folder], name)

    def inside(self, path: str, root: str) -> bool:
        return _under(self.realpath(path), self.realpath(root))
