"""Work a build runs beside itself on the second core, finished before anything is published.

A plugin starts a job when its inputs are written (the search index once the article and
page files exist) and the build goes on with listings, editions and checks meanwhile. The
job's `work` runs in a thread (a subprocess, or C code that releases the GIL); its
`complete` runs in the build's own thread when the build finishes the jobs: at the end of
`finalized`, or in `globe build` whatever happened. After a failed build, `discard`
(if given) runs instead, to clean up. Finishing twice does nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

JOBS = "GLOBE_BACKGROUND_JOBS"  # [Job] of this build, kept in its settings
YIELDING_NICENESS = 10  # added to a yielding process's nice value (os.nice)
# Set by `globe build`, which finishes the jobs itself after its last check of the output;
# a plain `pelican` run has them finished at the end of `finalized`.
CALLER_FINISHES = "GLOBE_BACKGROUND_FINISHED_BY_CALLER"


@dataclass
class Job:
    name: str
    work: Callable[[], object]
    complete: Callable[[object], None]  # given what `work` returned
    discard: Callable[[], None] | None = None  # instead of `complete`, after a failed build
    thread: threading.Thread | None = None
    result: object = None
    error: BaseException | None = None
    finished: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as error:  # handed to the build's thread by finish()
            self.error = error

    def finish(self) -> None:
        """Wait, then apply the result; a failure is raised in the caller's thread."""
        if self._wait():
            if self.error is None:
                self.complete(self.result)
                return
            self._discard()
            raise self.error

    def drop(self) -> None:
        """Wait, and throw the result away (the build failed)."""
        if self._wait():
            self._discard()

    def _wait(self) -> bool:
        """Join the thread; False when the job was finished or dropped already."""
        with self._lock:
            if self.finished:
                return False
            self.finished = True
        self.thread.join()
        return True

    def _discard(self) -> None:
        if self.discard is not None:
            self.discard()


def start(settings: dict, name: str, work: Callable[[], object],
          complete: Callable[[object], None], discard: Callable[[], None] | None = None
          ) -> Job:
    job = Job(name, work, complete, discard)
    job.thread = threading.Thread(target=job.run, name=f"globe-{name}", daemon=True)
    settings.setdefault(JOBS, []).append(job)
    job.thread.start()
    return job


def start_process(settings: dict, name: str, function: Callable, args: tuple,
                  complete: Callable[[object], None],
                  discard: Callable[[], None] | None = None, yields: bool = False) -> Job:
    """Like `start`, for pure-Python work (which holds the GIL): `function(*args)` runs in
    a new Python process. Give it paths and names, not the build's objects. A process
    that `yields` runs at a lower priority: the cores go first to the work the build
    waits on longest (the search index), and it fills what they leave.

    Not a fork: a forked copy of the build shares its few hundred megabytes page by page,
    and every page either side then writes is copied; measured, that cost more system
    time than the new process costs to start."""
    executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=os.nice if yields else None,
                                   initargs=(YIELDING_NICENESS,) if yields else ())
    future = executor.submit(function, *args)

    def work():
        try:
            return future.result()
        finally:
            executor.shutdown()

    return start(settings, name, work, complete, discard)


def finish(settings: dict, name: str) -> None:
    for job in list(settings.get(JOBS, [])):
        if job.name == name:
            job.finish()


def finish_at_finalized(settings: dict) -> None:
    if not settings.get(CALLER_FINISHES):
        finish_all(settings)


def finish_all(settings: dict) -> None:
    """Wait for every job of this build and complete it, in the order they started."""
    for job in list(settings.get(JOBS, [])):
        job.finish()


def abandon(settings: dict) -> None:
    """Wait for the jobs of a build that failed; their results and errors are dropped."""
    for job in settings.get(JOBS, []):
        job.drop()
