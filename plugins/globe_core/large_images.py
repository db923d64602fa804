"""A warning (not an error) for camera originals: they make the build slow and the repo big."""

from __future__ import annotations

import os

from .messages import _
from .problems import Problem

# Above these a source is probably a camera original.
LARGE_PIXELS = 20_000_000
LARGE_BYTES = 15 * 1024 * 1024


def warn_if_large(log, path: str, width: int, height: int) -> bool:
    size = os.path.getsize(path)
    if width * height <= LARGE_PIXELS and size <= LARGE_BYTES:
        return False
    log.note([Problem(path, 0,
                      _("very large image (%(size)s): it slows the build",
                        size=f"{width}×{height} px, {size / 1024 / 1024:.1f} MB"),
                      _("resize it to at most 3000 px wide before adding it"))])
    return True
