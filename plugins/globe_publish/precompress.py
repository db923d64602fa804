"""Gzipped copies of text files for nginx's gzip_static: compressed once, at build time."""

from __future__ import annotations

import gzip
import os

COMPRESSED = (".html", ".css", ".js", ".xml", ".json", ".svg", ".txt")
MIN_SIZE = 1024  # smaller files gain nothing worth a second file


def compressible(output: str) -> list[str]:
    """The text files under `output` worth a gzipped copy."""
    paths = (os.path.join(folder, name)
             for folder, _dirs, files in os.walk(output) for name in files
             if name.endswith(COMPRESSED))
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
