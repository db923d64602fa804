"""Where a file really is: symbolic links resolved, so nothing outside a folder gets in."""

from __future__ import annotations

import os


def inside(path, root) -> bool:
    """True when the real location of `path` lies under `root` (both resolved)."""
    real, root = os.path.realpath(path), os.path.realpath(root)
    return real == root or real.startswith(root + os.sep)
