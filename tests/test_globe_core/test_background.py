"""Background jobs of a build: finished once, in the build's thread; failures come back."""

from __future__ import annotations

import os
import threading

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


def test_pure_python_work_runs_in_another_process():
    settings, completed = {}, []
    background.start_process(settings, "pid", os.getpid, (), completed.append)
    background.finish_all(settings)
    assert completed and completed[0] != os.getpid()


def test_a_process_that_yields_runs_at_a_lower_priority():
    settings, completed = {}, []
    background.start_process(settings, "plain", os.nice, (0,), completed.append)
    background.start_process(settings, "yielding", os.nice, (0,), completed.append,
                             yields=True)
    background.finish_all(settings)
    assert completed == [os.nice(0), min(19, os.nice(0) + background.YIELDING_NICENESS)]
