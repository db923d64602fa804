"""Run Pelican on a content tree: read once, fail on any problem, publish atomically."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.log import console as pelican_console
from pelican.settings import read_settings

from globe_core.messages import _
from globe_core.pelican_seams import forget_limited_messages
from globe_core.problems import ContentProblems, Problem, ProblemLog
from globe_core.settings import GlobeSettings

from . import fingerprint

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    output: str = ""
    notes: list[Problem] = field(default_factory=list)
    unchanged: bool = False  # nothing changed since the last build of this output: skipped

    @property
    def ok(self) -> bool:
        return not self.problems


def load_settings(content=None, editions=None, production=False, overrides=None) -> dict:
    """The project's settings, pointed at any content tree."""
    name = "publishconf.py" if production else "pelicanconf.py"
    override = dict(overrides or {})
    if content:
        override["PATH"] = os.path.abspath(content)
    if editions:
        override["GLOBE_EDITIONS_PATH"] = os.path.abspath(editions)
    return read_settings(str(PROJECT_ROOT / name), override=override)


class _PelicanWarnings(logging.Handler):
    """Pelican logs bad input and carries on; here every warning fails the build."""

    def __init__(self, content_path):
        super().__init__(logging.WARNING)
        self.content_path = content_path
        self.problems: list[Problem] = []

    def emit(self, record):
        if record.name.startswith("globe"):
            return  # our own errors are already problems
        self.problems.append(Problem(self.content_path, 0, record.getMessage().strip()))


def run_pelican(settings: dict, notes: list | None = None) -> list[Problem]:
    """One Pelican run into settings['OUTPUT_PATH']; the problems it found, if any.
    Notes (worth a look, not fatal) are appended to `notes` when given."""
    forget_limited_messages()
    log = settings["GLOBE_PROBLEMS"] = ProblemLog(os.getcwd())
    display_root = log.display_path(settings["PATH"])
    warnings = _PelicanWarnings(display_root)
    root_logger = logging.getLogger()
    root_logger.addHandler(warnings)
    # Pelican prints its own English "Done: Processed …" summary; `globe` reports instead.
    quiet, pelican_console.quiet = pelican_console.quiet, True
    try:
        Pelican(settings).run()
    except ContentProblems:
        pass
    except Exception as error:  # a template or plugin failure: still a clear message
        log.add(settings["PATH"], 0,
                _("the build stopped: %(error)s", error=f"{type(error).__name__}: {error}"),
                _("fix the file named above, or report this message to the developers"))
    finally:
        root_logger.removeHandler(warnings)
        pelican_console.quiet = quiet
    if notes is not None:
        notes.extend(sorted(set(log.notes)))
    return sorted(set(log.problems)) + warnings.problems


def check(settings: dict) -> BuildResult:
    """Build into a throw-away folder: every problem, nothing published."""
    started = time.perf_counter()
    notes: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="globe-check-") as scratch:
        settings = {**settings, "OUTPUT_PATH": scratch}
        problems = run_pelican(settings, notes)
    return BuildResult(problems, time.perf_counter() - started, notes=notes)


def build(settings: dict, output: str) -> BuildResult:
    """Build beside `output`, then swap it in; on any problem `output` stays as it was.

    When nothing that the build reads has changed since it last built `output`, it
    does nothing (see fingerprint.py)."""
    started = time.perf_counter()
    output = os.path.abspath(output)
    cache_root = GlobeSettings.of(settings).cache_path or str(PROJECT_ROOT / ".cache")
    digest = fingerprint.input_digest(settings, str(PROJECT_ROOT))
    if fingerprint.is_current(cache_root, output, digest):
        return BuildResult([], time.perf_counter() - started, output, unchanged=True)
    fingerprint.forget(cache_root, output)
    parent = os.path.dirname(output)
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".globe-build-", dir=parent)
    notes: list[Problem] = []
    problems = run_pelican({**settings, "OUTPUT_PATH": staging}, notes)
    if problems:
        shutil.rmtree(staging, ignore_errors=True)
        return BuildResult(problems, time.perf_counter() - started, output, notes)
    _swap_in(staging, output)
    fingerprint.remember(cache_root, output, digest)
    return BuildResult([], time.perf_counter() - started, output, notes)


def _swap_in(staging: str, output: str) -> None:
    os.chmod(staging, 0o755)  # mkdtemp makes it private; a web server must read it
    retired = None
    if os.path.exists(output):
        retired = tempfile.mkdtemp(prefix=".globe-old-", dir=os.path.dirname(output))
        os.rename(output, os.path.join(retired, "site"))
    os.rename(staging, output)
    if retired:
        shutil.rmtree(retired, ignore_errors=True)
