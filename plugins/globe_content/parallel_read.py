"""Read ahead of Pelican: from the read cache, and on both cores for what is not in it.

Converting Markdown (and its checks) is most of a build's reading time, and Pelican reads
one file after another. When the articles generator is made, before it reads, every
article and page file is looked up in the read cache (read_cache.py: what an earlier
build made of the same bytes in the same surroundings). On a large site, the files not
found there are handed, in the order Pelican will ask for them, to worker processes
forked from the build: they run the reader's `convert_file`, the costly part, keep the
result in the cache and send back plain values (`Converted`). The reader then takes each
file's result instead of converting it again; everything that needs the build's objects
(categories, tags, Pelican's Article) still happens in the build, in Pelican's order.
Small sites convert in the build: forking costs more than it saves there.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from globe_core import background
from globe_core.problems import Problem
from globe_core.settings import GlobeSettings

from .model import ContentRules
from .read_cache import ReadCache

PREREAD = "GLOBE_PREREAD"  # {absolute path: Converted, or (future of a chunk, index in it)}
CACHE = "GLOBE_READ_CACHE"  # this build's ReadCache, or None
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
    notes: list[Problem] = field(default_factory=list)  # worth a look, not wrong


def convert(reader, path: str) -> Converted:
    """Convert one file now, and keep the result in the build's read cache."""
    with open(path, "rb") as file:
        raw = file.read()
    converted = reader.convert_file(path, raw)
    cache = reader.settings.get(CACHE)
    if cache is not None:
        cache.put(cache.key(path, raw), converted)
    return converted


_worker_reader = None  # this worker's reader, made by the first chunk it converts
_worker_settings: dict | None = None  # set in the build just before it forks


def _convert_chunk(paths: list[str]) -> list[Converted]:
    global _worker_reader  # noqa: PLW0603 — one reader per worker process
    if _worker_reader is None:
        from .reader import GlobeMarkdownReader  # noqa: PLC0415 — the reader imports us
        _worker_reader = GlobeMarkdownReader(_worker_settings)
    return [convert(_worker_reader, path) for path in paths]


def _cached(cache: ReadCache, path: str) -> Converted | None:
    try:
        with open(path, "rb") as file:
            return cache.get(cache.key(path, file.read()))
    except OSError:
        return None  # a broken link: the reader and tree.py report it


def start(generator) -> None:
    """`article_generator_init` receiver: take what the cache has, convert the rest ahead."""
    global _worker_settings  # noqa: PLW0603 — read by the forked workers
    settings = generator.settings
    paths = [os.path.abspath(os.path.join(generator.path, name))
             for paths, exclude in (("ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
                                    ("PAGE_PATHS", "PAGE_EXCLUDES"))
             # the same call as Pelican's own, so the same order (see get_files)
             for name in generator.get_files(settings[paths], exclude=settings[exclude])
             if name.endswith((".md", ".markdown"))]
    globe = GlobeSettings.of(settings)
    cache = settings[CACHE] = (
        ReadCache(os.path.join(globe.cache_path, "markdown"), settings,
                  ContentRules.from_settings(settings)) if globe.cache_path else None)
    found: dict[str, Converted | tuple[Future, int]] = {}
    for path in paths if cache is not None else ():
        hit = _cached(cache, path)
        if hit is not None:
            found[path] = hit
    settings[PREREAD] = found
    todo = [path for path in paths if path not in found]
    workers = os.cpu_count() or 1
    if workers < 2 or len(todo) < globe.read_parallel_min:
        return
    _worker_settings = settings
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    futures = []
    for first in range(0, len(todo), CHUNK):
        chunk = todo[first:first + CHUNK]
        future = pool.submit(_convert_chunk, chunk)
        futures.append(future)
        found.update({path: (future, index) for index, path in enumerate(chunk)})

    def wait_and_close():
        try:
            for future in futures:
                future.exception()  # each one done, whatever happened
        finally:
            pool.shutdown()

    background.start(settings, "markdown", wait_and_close, lambda _result: None)


def taken(settings: dict, path: str) -> Converted | None:
    """The file's result read ahead, once; None when it was not."""
    entry = settings.get(PREREAD, {}).pop(os.path.abspath(path), None)
    if entry is None or isinstance(entry, Converted):
        return entry
    future, index = entry
    return future.result()[index]
