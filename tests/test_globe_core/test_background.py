"""Background jobs of a build: finished once, in the build's thread; failures come back."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from globe_core import background


def test_a_job_runs_beside_the_caller_and_completes_once_in_the_caller_s_thread():
    settings, completed = {}, []
    release = threading.Event()
    job = background.start(settings, "slow", lambda: release.wait(10) and 42,
                           lambda result: completed.append((result, threading.get_ident())))
    assert job.thread.is_alive() and completed == []  # the caller goes on meanwhile
    release.set()
    background.finish_all(settings)
    background.finish_all(settings)
    assert completed == [(42, threading.get_ident())]


def test_a_failed_job_raises_in_the_caller_and_is_discarded():
    settings, discarded = {}, []

    def fail():
        raise RuntimeError("pagefind: no such file")

    background.start(settings, "index", fail, lambda _result: None,
                     lambda: discarded.append(True))
    with pytest.raises(RuntimeError, match="pagefind"):
        background.finish_all(settings)
    assert discarded == [True]


def test_a_failed_build_drops_its_jobs_without_completing_them():
    settings, completed, discarded = {}, [], []
    background.start(settings, "emails", lambda: "built", completed.append,
                     lambda: discarded.append(True))
    background.abandon(settings)
    assert completed == [] and discarded == [True]
    background.finish_all(settings)  # nothing left to complete
    assert completed == []


def test_only_the_named_job_is_finished():
    settings, completed = {}, []
    background.start(settings, "a", lambda: "a", completed.append)
    background.start(settings, "b", lambda: "b", completed.append)
    background.finish(settings, "b")
    assert completed == ["b"]
    background.finish_all(settings)
    assert completed == ["b", "a"]


def scheduling(started, items) -> tuple[int, int, list]:
    """Its scheduling policy at first, and after the build waits for it: when it runs
    only on idle cores at first, once that changes (or after ten seconds)."""
    first = os.sched_getscheduler(0)
    open(started, "w").close()
    for _ in range(1000):
        if first != os.SCHED_IDLE or os.sched_getscheduler(0) != first:
            break
        time.sleep(0.01)
    return first, os.sched_getscheduler(0), list(items)


def test_a_yielding_fed_process_runs_only_when_idle_until_the_build_waits_for_it(tmp_path):
    settings, completed = {}, []
    for name, yields in (("yielding", True), ("plain", False)):
        feed = background.start_fed_process(settings, name, scheduling,
                                            (str(tmp_path / name),), completed.append,
                                            yields=yields)
        feed.send(["a", "b"])
        feed.send(["c"])
        feed.end()
    while not all((tmp_path / name).exists() for name in ("yielding", "plain")):
        time.sleep(0.01)  # both are running: the build is still busy
    background.finish_all(settings)
    normal = os.sched_getscheduler(0)
    assert completed == [(os.SCHED_IDLE, normal, ["a", "b", "c"]),
                         (normal, normal, ["a", "b", "c"])]


def test_a_fed_process_whose_input_is_not_ended_stops_unfinished(tmp_path):
    settings, completed = {}, []
    feed = background.start_fed_process(settings, "fed", scheduling, (str(tmp_path / "a"),),
                                        completed.append)
    feed.send(["a"])
    background.abandon(settings)  # a failed build: its input is closed, never ended
    assert completed == []
    feed.send(["late"])  # after the process is gone: nothing, no error

    settings = {}
    feed = background.start_fed_process(settings, "fed", scheduling, (str(tmp_path / "b"),),
                                        completed.append)
    feed.close()
    with pytest.raises(background.InputAbandoned):
        background.finish_all(settings)
    assert completed == []


def test_a_build_stopped_before_writing_finishes_its_work_but_not_its_fed_jobs(tmp_path):
    """Problems found before the first file is written: the jobs still running report
    theirs too, and the jobs waiting for the output are dropped, not failed."""
    settings, completed = {}, []
    background.start(settings, "emails", lambda: "emails", completed.append)
    background.start_fed_process(settings, "link-check", scheduling, (str(tmp_path / "a"),),
                                 completed.append)
    background.finish_unfed(settings)
    assert completed == ["emails"]
    background.abandon(settings)
    assert completed == ["emails"]


def count_after(marker, items) -> int:
    """Reads nothing until `marker` exists: a process that gets no CPU for a while."""
    while not os.path.exists(marker):
        time.sleep(0.01)
    return sum(1 for _ in items)


def test_the_build_never_waits_for_a_process_that_does_not_read_yet(tmp_path):
    settings, completed = {}, []
    marker = str(tmp_path / "read-now")
    feed = background.start_fed_process(settings, "slow", count_after, (marker,),
                                        completed.append, yields=True)
    # 100 KB a message (distinct strings: pickle sends equal ones once); a pipe holds 64 KB
    batch = [f"{n:01000}" for n in range(100)]
    sent = []

    def send_all():
        for number in range(20):
            feed.send(batch)
            sent.append(number)

    sender = threading.Thread(target=send_all, daemon=True)
    sender.start()
    sender.join(timeout=30)
    assert len(sent) == 20  # all sent while nothing was read
    open(marker, "w").close()
    feed.end()
    background.finish_all(settings)
    assert completed == [20 * 100]


STOPPED_BUILD = """
import os
import subprocess
import sys
from globe_core import background
feed = background.start_fed_process({}, "orphan", sorted, (), print)
feed.send(["a"])
os._exit(0)  # stopped (the dev server stops its build's process): no end, no finish
"""


def test_a_fed_process_of_a_stopped_build_ends_quietly():
    # the pipes close only when the orphaned process has ended too
    result = subprocess.run([sys.executable, "-c", STOPPED_BUILD], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr, result.stderr
