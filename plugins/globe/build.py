"""Run Pelican on a content tree: read once, fail on any problem, publish atomically."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican, signals
from pelican.log import console as pelican_console

from globe_content.tree import special_files, undecodable_names
from globe_core import background, written_files
from globe_core.foreign_resources import (
    LOADING,
    host_name,
    load_problems,
    loaded_from,
    written_loads,
)
from globe_core.pelican_seams import forget_limited_messages
from globe_core.problems import ContentProblems, Problem, ProblemLog
from globe_core.settings import GlobeSettings, check_no_unknown

from . import fingerprint, output_folder, writable_paths
from .build_failure import failure_problem, unread_file_problem
from .settings_file import read_settings_file

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
    """The project's settings, pointed at any content tree (SettingsFileError when the
    file cannot be read, SettingError when a GLOBE_* value has the wrong type,
    UnusablePathError when a folder or file they name cannot be written)."""
    name = "publishconf.py" if production else "pelicanconf.py"
    override = dict(overrides or {})
    if content:
        override["PATH"] = os.path.abspath(content)
    if editions:
        override["GLOBE_EDITIONS_PATH"] = os.path.abspath(editions)
    settings = read_settings_file(str(PROJECT_ROOT / name), override)
    GlobeSettings.from_settings(settings)  # SettingError: a GLOBE_* value of the wrong type
    check_no_unknown(settings, set(override))  # SettingError: a GLOBE_* name with a typo
    writable_paths.check_settings(settings)
    return settings


# Pelican warnings that globe reports itself, on the file and line (site_checks.py; links
# written `{filename}`, `{static}` or `{attach}`: references.py, and the link check)
_REPORTED_BY_GLOBE = ("There are %s items", "There are %s original (not translated) items",
                      "{filename} used for linking to static", "Unable to find '%s'",
                      "Cannot get modification stamp for %s",
                      "Unable to generate valid slug for %s",
                      "Replacement Indicator %r not recognized",
                      "The {attach} link in %s cannot relocate")


# Pelican's words when reading one file raised (a reader, a check, a plugin's receiver):
# it logs them inside its `except`, without the exception unless DEBUG is set.
_COULD_NOT_PROCESS = "Could not process %s"


class _PelicanWarnings(logging.Handler):
    """Pelican logs bad input and carries on; here every warning fails the build."""

    def __init__(self, content_path):
        super().__init__(logging.WARNING)
        self.content_path = content_path
        self.problems: list[Problem] = []

    def emit(self, record):
        if record.name.startswith("globe"):
            return  # our own errors are already problems
        if str(record.msg).startswith(_REPORTED_BY_GLOBE):
            return
        if record.msg == _COULD_NOT_PROCESS and record.args:
            self.problems.append(unread_file_problem(self.content_path, str(record.args[0])))
            return
        self.problems.append(Problem(self.content_path, 0, record.getMessage().strip()))


def run_pelican(settings: dict, notes: list | None = None) -> list[Problem]:
    """One Pelican run into settings['OUTPUT_PATH']; the problems it found, if any.
    Notes (worth a look, not fatal) are appended to `notes` when given."""
    forget_limited_messages()
    log = settings["GLOBE_PROBLEMS"] = ProblemLog(os.getcwd())
    folders = (settings["PATH"], settings.get("GLOBE_EDITIONS_PATH"))
    # names first: a name that is not UTF-8 cannot be shown in another problem
    unreadable = [problem for folder in folders
                  for problem in undecodable_names(folder, log.display_path)] or \
                 [problem for folder in folders
                  for problem in special_files(folder, log.display_path)]
    if unreadable:  # nothing could name, digest or write these: stop before reading
        return unreadable
    settings[background.CALLER_FINISHES] = True  # after the foreign-load check below
    settings[FOREIGN_LOADS_INPUT] = True  # started by the receiver below
    display_root = log.display_path(settings["PATH"])
    warnings = _PelicanWarnings(display_root)
    root_logger = logging.getLogger()
    root_logger.addHandler(warnings)
    # Pelican prints its own English "Done: Processed …" summary; `globe` reports instead.
    quiet, pelican_console.quiet = pelican_console.quiet, True
    try:
        Pelican(settings).run()
        follower = settings.pop(FOREIGN_LOADS_INPUT, None)
        if isinstance(follower, written_files.Follower):
            if log.problems or warnings.problems:
                background.drop(settings, FOREIGN_LOADS_JOB)
            else:
                written_files.end(follower, loaded_from(settings["OUTPUT_PATH"],
                                                        written_files.listing(settings)))
        background.finish_all(settings)
    except ContentProblems:
        pass
    except Exception as error:  # a template or plugin failure: still a clear message
        log.extend([failure_problem(error, settings["PATH"])])
    finally:
        background.abandon(settings)  # after a failure: no job outlives its build
        written_files.forget(settings)
        root_logger.removeHandler(warnings)
        pelican_console.quiet = quiet
    if notes is not None:
        notes.extend(sorted(set(log.notes)))
    return sorted(set(log.problems)) + warnings.problems


FOREIGN_LOADS_JOB = "foreign-loads"
FOREIGN_LOADS_INPUT = "globe_foreign_loads_input"  # True in globe build, then its Follower


def start_foreign_load_check(generator) -> None:
    """`article_generator_finalized` receiver (the articles are read, and nothing is
    written yet; see background.start_fed_process), under `globe build`: the check for
    loads from another host starts and reads each file as soon as it is written
    (written_files.py), on the cores the build leaves idle, beside the link check and
    the search index. The index's own files are read once it is in."""
    settings = generator.settings
    if settings.get(FOREIGN_LOADS_INPUT) is not True:
        return
    log: ProblemLog = settings["GLOBE_PROBLEMS"]
    output, host = settings["OUTPUT_PATH"], host_name(settings["SITEURL"])
    sources = [settings["PATH"], settings.get("GLOBE_EDITIONS_PATH")]

    def report(loads):
        background.finish(settings, background.SEARCH_INDEX_JOB)  # its files are read too
        added = sorted(set(loaded_from(output, written_files.listing(settings)))
                       - follower.sent)
        log.extend(load_problems([*loads, *written_loads(output, host, added)], sources,
                                 log.display_path))

    feed = background.start_fed_process(settings, FOREIGN_LOADS_JOB, written_loads,
                                        (output, host), report, yields=True)
    follower = settings[FOREIGN_LOADS_INPUT] = written_files.follow(output, feed,
                                                                     tuple(LOADING))


signals.article_generator_finalized.connect(start_foreign_load_check)
signals.content_written.connect(written_files.pass_written)
signals.feed_written.connect(written_files.pass_written)


def check(settings: dict) -> BuildResult:
    """Build into a throw-away folder: every problem, nothing published."""
    started = time.perf_counter()
    notes: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="globe-check-") as scratch:
        settings = {**settings, "OUTPUT_PATH": scratch}
        problems = run_pelican(settings, notes)
    return BuildResult(problems, time.perf_counter() - started, notes=notes)


def source_folders(settings: dict) -> list[str]:
    """Folders a build reads: an output may never overlap them."""
    return [settings["PATH"], settings.get("GLOBE_EDITIONS_PATH"), settings["THEME"],
            *settings.get("PLUGIN_PATHS", [])]


def refused_output(settings: dict, output: str) -> list[Problem]:
    """Problems that forbid writing to `output` (see output_folder.py); [] when it may be."""
    return output_folder.output_problems(output, source_folders(settings), [str(PROJECT_ROOT)])


def build(settings: dict, output: str) -> BuildResult:
    """Build beside `output`, then swap it in; on any problem `output` stays as it was.

    When nothing that the build reads has changed since it last built `output`, it
    does nothing (see fingerprint.py)."""
    started = time.perf_counter()
    refused = refused_output(settings, output)
    if refused:
        return BuildResult(refused, time.perf_counter() - started, os.path.abspath(output))
    # a link to the folder (a web server's root): the build replaces that folder, not the link
    output = os.path.realpath(output) if os.path.islink(output) else os.path.abspath(output)
    cache_root = GlobeSettings.of(settings).cache_path or str(PROJECT_ROOT / ".cache")
    digest = fingerprint.input_digest(settings, str(PROJECT_ROOT))
    if fingerprint.is_current(cache_root, output, digest):
        return BuildResult([], time.perf_counter() - started, output, unchanged=True)
    fingerprint.forget(cache_root, output)
    os.makedirs(os.path.dirname(output), exist_ok=True)
    output_folder.clean_leftovers(output)
    staging = output_folder.staging_folder(output)
    notes: list[Problem] = []
    try:
        problems = run_pelican({**settings, "OUTPUT_PATH": staging}, notes)
        if problems:
            return BuildResult(problems, time.perf_counter() - started, output, notes)
        output_folder.mark(staging)
        output_folder.swap_in(staging, output)
        fingerprint.remember(cache_root, output, digest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when swapped in
    return BuildResult([], time.perf_counter() - started, output, notes)
