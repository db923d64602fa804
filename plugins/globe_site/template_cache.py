"""Compiled templates, shared by every Jinja environment of a process and kept on disk.

Pelican gives each generator its own Jinja environment, so one build compiled each theme
template several times (68 compilations for 15 files, most of a one-article preview). The
compiled code is keyed by the template's name and a checksum of its source, so an edited
template is compiled again.
"""

from __future__ import annotations

import os

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket


class TemplateBytecodeCache(FileSystemBytecodeCache):
    _compiled: dict = {}  # this process's compiled templates, by key and source checksum

    def __init__(self, directory: str):
        # The folder is made when the first template is kept, not here: reading the
        # settings writes nothing (and a wrong cache folder is reported, globe/writable_paths.py)
        super().__init__(directory)

    def get_bucket(self, environment, name, filename, source):
        # Compiled code depends on the environment too (autoescape is set after it is made)
        config = (f"{name}|{environment.autoescape!r}|{environment.trim_blocks}|"
                  f"{environment.lstrip_blocks}|{sorted(environment.extensions)}")
        bucket = Bucket(environment, self.get_cache_key(config, filename),
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket):
        code = self._compiled.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code
            return
        super().load_bytecode(bucket)
        if bucket.code is not None:
            self._compiled[(bucket.key, bucket.checksum)] = bucket.code

    def dump_bytecode(self, bucket):
        self._compiled[(bucket.key, bucket.checksum)] = bucket.code
        os.makedirs(self.directory, exist_ok=True)
        super().dump_bytecode(bucket)
