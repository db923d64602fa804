"""Convert a large site's Markdown on both cores, before Pelican asks for each file.

Converting Markdown (and its checks) is most of a build's reading time, and Pelican reads
one file after another. When the articles generator is made, and before it reads, every
article and page file is handed, in the order Pelican will ask for them, to worker
processes forked from the build: they run the reader's `convert_file`, the costly part,
and send back plain values (`Converted`). The reader then takes each file's result
instead of converting it again; everything that needs the build's objects (categories,
tags, Pelican's Article) still happens in the build, in Pelican's order. Small sites are
read the ordinary way: forking costs more than it saves there.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from globe_core import background
from globe_core.problems import Problem
from globe_core.settings import GlobeSettings

PREREAD = "GLOBE_PREREAD"  # {absolute path: (future of a chunk, index in it)}
CHUNK = 24  # files per task: few enough round trips, and results arrive early


@dataclass
class Converted:
    """What `GlobeMarkdownReader.convert_file` makes of one file: values that pickle."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    content: str = ""
    source: object = None  # globe_core.source.SourceFile
    kind: str = "article"
    summary: str = ""


_worker_reader = None  # this worker's reader, made by the first chunk it converts
_worker_settings: dict | None = None  # set in the build just before it forks


def _convert_chunk(paths: list[str]) -> list[Converted]:
    global _worker_reader  # noqa: PLW0603 — one reader per worker process
    if _worker_reader is None:
        from .reader import GlobeMarkdownReader  # noqa: PLC0415 — the reader imports us
        _worker_reader = GlobeMarkdownReader(_worker_settings)
    return [_worker_reader.convert_file(path) for path in paths]


def start(generator) -> None:
    """`article_generator_init` receiver: start converting, if the site is large enough."""
    global _worker_settings  # noqa: PLW0603 — read by the forked workers
    settings = generator.settings
    paths = [os.path.abspath(os.path.join(generator.path, name))
             for paths, exclude in (("ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
                                    ("PAGE_PATHS", "PAGE_EXCLUDES"))
             # the same call as Pelican's own, so the same order (see get_files)
             for name in generator.get_files(settings[paths], exclude=settings[exclude])
             if name.endswith((".md", ".markdown"))]
    workers = os.cpu_count() or 1
    if workers < 2 or len(paths) < GlobeSettings.of(settings).read_parallel_min:
        return
    _worker_settings = settings
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    found: dict[str, tuple[Future, int]] = {}
    futures = []
    for first in range(0, len(paths), CHUNK):
        chunk = paths[first:first + CHUNK]
        future = pool.submit(_convert_chunk, chunk)
        futures.append(future)
        found.update({path: (future, index) for index, path in enumerate(chunk)})
    settings[PREREAD] = found

    def wait_and_close():
        try:
            for future in futures:
                future.exception()  # each one done, whatever happened
        finally:
            pool.shutdown()

    background.start(settings, "markdown", wait_and_close, lambda _result: None)


def taken(settings: dict, path: str) -> Converted | None:
    """The worker's result for this file, once; None when it was not converted ahead."""
    entry = settings.get(PREREAD, {}).pop(os.path.abspath(path), None)
    if entry is None:
        return None
    future, index = entry
    return future.result()[index]
