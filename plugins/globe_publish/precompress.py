"""Gzipped copies of text files for nginx's gzip_static: compressed once, at build time."""

from __future__ import annotations

import gzip
import os

COMPRESSED = (".html", ".css", ".js", ".xml", ".json", ".svg", ".txt")
MIN_SIZE = 1024  # smaller files gain nothing worth a second file


def precompress(output: str) -> int:
    """Write file.gz beside each text file worth it; how many were written."""
    written = 0
    for folder, _dirs, files in os.walk(output):
        for name in files:
            path = os.path.join(folder, name)
            if not name.endswith(COMPRESSED) or os.path.getsize(path) < MIN_SIZE:
                continue
            with open(path, "rb") as source:
                data = source.read()
            # mtime=0: the same file compresses to the same bytes, so deploys hard-link it
            with open(path + ".gz", "wb") as target:
                target.write(gzip.compress(data, compresslevel=9, mtime=0))
            stat = os.stat(path)
            os.utime(path + ".gz", ns=(stat.st_atime_ns, stat.st_mtime_ns))
            written += 1
    return written
