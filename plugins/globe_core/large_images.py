"""A warning (not an error) for camera originals: they make the build slow and the repo big."""

from __future__ import annotations

import os

from .images import fitting_size, smaller_size_fix
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
                      _fix(width, height))])
    return True


def _fix(width: int, height: int) -> str:
    """What to make smaller: the bytes of a picture with few pixels (a photo saved as PNG),
    else the width, or both sides of a tall picture that is narrow already."""
    if width * height <= LARGE_PIXELS:
        return _("save it as JPEG, or with more compression, to weigh less than %(size)s MB",
                 size=LARGE_BYTES // 1024 // 1024)
    smaller = fitting_size(width, height, LARGE_PIXELS, 3000)
    return smaller_size_fix(smaller) if smaller else \
        _("resize it to at most 3000 px wide before adding it")
