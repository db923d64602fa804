"""The articles written on both cores: half by the build, half by a forked copy of it.

Pelican renders and writes the articles one after another, on one core, and the search
index cannot start before the last one is written. On a large site the build forks once
it has written the first article (its templates are compiled and its shared parts
rendered by then); the copy writes every other article of the rest while the build
writes the others, and tells the build which files it wrote. The build then passes them
on as if it had written them itself (Pelican's writer knows them, `content_written` hands
them to the search index and the checks).

The copy only helps: after anything unusual in it (an error, a warning, a problem or a
note logged, a copy that died) the build writes the copy's half itself, so that what is
reported, and how, is what a build on one core reports.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
from functools import partial
from signal import SIGKILL

from pelican import signals

from globe_core import written_files
from globe_core.pelican_seams import (
    add_written,
    articles_to_write,
    files_written,
    write_article,
    writer_of,
)
from globe_core.problems import problem_log
from globe_core.settings import GlobeSettings


def split_article_writing(generator) -> None:
    """`article_generator_finalized` receiver: a large site's articles are written in two
    processes (Pelican seam 6: the generator's `generate_articles`)."""
    globe = GlobeSettings.of(generator.settings)
    count = len(generator.articles) + len(generator.translations)
    if count >= globe.write_parallel_min and hasattr(os, "fork") and (os.cpu_count() or 1) > 1:
        generator.generate_articles = partial(write_articles, generator)


def write_articles(generator, write) -> None:
    """What Pelican's `ArticlesGenerator.generate_articles` does, on two cores."""
    contents = articles_to_write(generator)
    if not contents:
        return
    write_one = partial(write_article, generator, write)
    write_one(contents[0])
    mine, theirs = contents[1::2], contents[2::2]
    writer = writer_of(write)
    helper = _Helper.start(theirs, write_one, writer, generator.settings)
    try:
        for article in mine:
            write_one(article)
    except BaseException:  # the build stops: so does its copy
        helper.stop()
        helper.wait()
        raise
    outcome = helper.wait()
    if outcome is None:  # the build writes them, and reports what there is to report
        for article in theirs:
            write_one(article)
        return
    written, overridden = outcome
    add_written(writer, written, overridden)  # Pelican still refuses to write them twice
    for path in sorted(written):
        signals.content_written.send(path, context=generator.context)


class _Helper:
    """The forked copy, seen from the build."""

    def __init__(self, pid: int, pipe: int):
        self.pid, self.pipe = pid, pipe

    @classmethod
    def start(cls, contents, write_one, writer, settings) -> _Helper:
        reading, writing = os.pipe()
        # Objects frozen out of the collector's reach: a collection in either process
        # would otherwise touch (and so copy) every page the two still share.
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # the copy: it never returns from here
            os.close(reading)
            _run_copy(contents, write_one, writer, settings, writing)
        os.close(writing)
        return cls(pid, reading)

    def wait(self):
        """(files written, files overridden) by the copy; None when it failed."""
        with os.fdopen(self.pipe, "rb") as pipe:
            try:
                data = pipe.read()
            finally:
                _, status = os.waitpid(self.pid, 0)
                gc.unfreeze()
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            return None
        with contextlib.suppress(Exception):
            return pickle.loads(data)  # noqa: S301 (our own fork's answer)
        return None

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, SIGKILL)


def _run_copy(contents, write_one, writer, settings, pipe: int) -> None:
    """In the copy: write `contents`, answer through `pipe`, and end without running
    anything of the build's (no exit handlers, no clean-up of its folders)."""
    code = 1
    try:
        outcome = _write_in_copy(contents, write_one, writer, settings)
        with os.fdopen(pipe, "wb") as answer:
            pickle.dump(outcome, answer)
        code = 0
    finally:
        os._exit(code)


class _Records(logging.Handler):
    """Whatever the copy would have shown: the build writes its half again if any."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def _write_in_copy(contents, write_one, writer, settings):
    written_files.forget(settings)  # the build passes the files on
    records = _Records()
    logging.getLogger().handlers[:] = [records]  # the copy's own handlers, not the build's
    log = problem_log(settings)
    logged = (len(log.problems), len(log.notes))
    written, overridden = files_written(writer)
    for article in contents:
        write_one(article)
    if records.count or (len(log.problems), len(log.notes)) != logged:
        return None
    written_now, overridden_now = files_written(writer)
    return written_now - written, overridden_now - overridden
