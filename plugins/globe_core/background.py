"""Work a build runs beside itself on the second core, finished before anything is published.

A plugin starts a job when its inputs exist (the editions' emails once the articles are
read), or before and feeds it as they are written (the search index and the checks that
read the output back: `start_fed_process`), and the build goes on meanwhile. The job's
`work` runs in a thread (a subprocess, or C code that releases the GIL); its
`complete` runs in the build's own thread when the build finishes the jobs: at the end of
`finalized`, or in `globe build` whatever happened. After a failed build, `discard`
(if given) runs instead, to clean up. Finishing twice does nothing.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

JOBS = "GLOBE_BACKGROUND_JOBS"  # [Job] of this build, kept in its settings
YIELDING_NICENESS = 10  # added to a yielding process's nice value, without SCHED_IDLE
# The job that adds files to the output after the pages are written: a job that reads the
# output back finishes it before it reports, so that those files are read too.
SEARCH_INDEX_JOB = "search-index"
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
    feed: Feed | None = None  # its input, closed before the job is waited for
    before_wait: Callable[[], None] | None = None  # when the build starts waiting for it
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
        if self.feed is not None:  # after a failure, the input may never have been closed
            self.feed.close()
        if self.before_wait is not None:
            self.before_wait()
        self.thread.join()
        if self.feed is not None:
            self.feed.wait()  # the process has read it all, or ended
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


class Feed:
    """The input of a job's process, sent while the build goes on (`start_fed_process`).

    A thread of its own writes to the process's pipe: the build never waits for a full
    pipe, which a process that yields the cores (below) may leave unread for a while."""

    _CLOSE = object()  # after the items queued before it: close the pipe

    def __init__(self, connection):
        self._connection = connection
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._closed = False
        self._sender = threading.Thread(target=self._send_all, daemon=True,
                                        name="globe-feed")
        self._sender.start()

    def send(self, items: list | None) -> None:
        if not self._closed:
            self._queue.put(items)

    def end(self) -> None:
        """All the input is sent: the work can finish."""
        self.send(None)
        self.close()

    def close(self) -> None:
        """No more input; without `end` first, the work stops unfinished (the build
        failed). Closing twice does nothing."""
        if not self._closed:
            self._closed = True
            self._queue.put(self._CLOSE)

    def wait(self) -> None:
        """Until the pipe is closed (after `end` or `close`)."""
        self._sender.join()

    def _send_all(self) -> None:
        try:
            while (items := self._queue.get()) is not self._CLOSE:
                self._connection.send(items)
        except OSError:
            pass  # the process ended: its job reports why
        finally:
            self._connection.close()


def start_fed_process(settings: dict, name: str, function: Callable, args: tuple,
                      complete: Callable[[object], None],
                      discard: Callable[[], None] | None = None, yields: bool = False
                      ) -> Feed:
    """Like `start`, for pure-Python work (which holds the GIL) whose input is written
    while it runs: `function(*args, items)` runs at once in a new Python process and
    iterates over the items of each `Feed.send` until `Feed.end` (see written_files.py).
    Give it paths and names, not the build's objects. The jobs that read the output
    start when the articles are read (`article_generator_finalized`), not just before
    the first file is written: the build then works out its pages for a second on one
    core, and their start-up (a new Python, its imports) takes the idle one. A build
    that stops before writing drops them.

    Not a fork: a forked copy of the build shares its few hundred megabytes page by page,
    and every page either side then writes is copied; measured, that cost more system
    time than the new process costs to start.

    A process that `yields` gets only the CPU time that nothing else wants (`SCHED_IDLE`)
    while the build runs: it reads what the build writes without slowing it down, since
    the build is what every other job waits for. Once the build waits for it, it runs
    like any other process again. (A nice value of 10 still took a tenth of a core from
    the build: measured, the same wall time as running beside it at full priority.)"""
    spawn = multiprocessing.get_context("spawn")
    items_out, items_in = spawn.Pipe(duplex=False)
    result_out, result_in = spawn.Pipe(duplex=False)
    process = spawn.Process(target=_run_fed, args=(function, args, items_out, result_in),
                            name=f"globe-{name}", daemon=True)
    process.start()
    if yields:
        _schedule(process.pid, idle=True)
    items_out.close()  # the process's ends: a closed end then shows as the end of input
    result_in.close()

    def work():
        try:
            succeeded, value = result_out.recv()
        except EOFError:
            raise RuntimeError(f"{name}: the process ended before its work") from None
        finally:
            result_out.close()
            process.join()
        if not succeeded:
            raise value
        return value

    feed = Feed(items_in)
    job = start(settings, name, work, complete, discard)
    job.feed = feed
    if yields:  # once the build waits for it, nothing else should come first
        job.before_wait = partial(_schedule, process.pid, idle=False)
    return feed


def _schedule(pid: int, idle: bool) -> None:
    """Process `pid` runs only when a core is idle (`SCHED_IDLE`), or again like any other.
    Where the system has no such policy, a yielding process gets a higher nice value for
    good (a process may not lower its own)."""
    try:
        os.sched_setscheduler(pid, os.SCHED_IDLE if idle else os.SCHED_OTHER,
                              os.sched_param(0))
    except AttributeError:
        if idle:
            os.setpriority(os.PRIO_PROCESS, pid, YIELDING_NICENESS)
    except OSError:
        pass  # it has ended already


class InputAbandoned(Exception):
    """The build closed a fed process's input without ending it: it failed."""


def _received(connection):
    while True:
        try:
            items = connection.recv()
        except EOFError:
            raise InputAbandoned from None
        if items is None:
            return
        yield from items


def _run_fed(function: Callable, args: tuple, items, result) -> None:
    try:
        outcome = (True, function(*args, _received(items)))
    except Exception as error:  # raised in the build's thread by Job.finish
        outcome = (False, error)
    with contextlib.suppress(OSError):  # the build was stopped: nobody left to tell
        result.send(outcome)


def _named(settings: dict, name: str) -> list[Job]:
    return [job for job in settings.get(JOBS, []) if job.name == name]


def finish(settings: dict, name: str) -> None:
    for job in _named(settings, name):
        job.finish()


def drop(settings: dict, name: str) -> None:
    """Wait for the named job and throw its result away."""
    for job in _named(settings, name):
        job.drop()


def finish_at_finalized(settings: dict) -> None:
    if not settings.get(CALLER_FINISHES):
        finish_all(settings)


def finish_all(settings: dict) -> None:
    """Wait for every job of this build and complete it, in the order they started.

    The build has nothing left but to wait: a job that gave way to it runs like any other
    from now on, not only once its own turn to be waited for comes (the last one to end
    used to end alone, on one core, after the others)."""
    jobs = list(settings.get(JOBS, []))
    for job in jobs:
        if job.before_wait is not None and not job.finished:
            job.before_wait()
    for job in jobs:
        job.finish()


def finish_unfed(settings: dict) -> None:
    """Wait for the jobs that have all their input (not those still fed the files the
    build writes: before the first one, they have nothing to say) and complete them."""
    for job in list(settings.get(JOBS, [])):
        if job.feed is None:
            job.finish()


def abandon(settings: dict) -> None:
    """Wait for the jobs of a build that failed; their results and errors are dropped."""
    for job in settings.get(JOBS, []):
        job.drop()
