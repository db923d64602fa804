"""Reading pelicanconf.py or publishconf.py: a mistake in one is said on its line.

They are Python files that Pelican runs. A typo (an unclosed quote, a name that does not
exist) used to end every command with Python's traceback of Pelican's internals."""

from __future__ import annotations

import os
import sys
import traceback

from pelican.settings import read_settings

from globe_core.messages import _
from globe_core.problems import Problem, ProblemLog


class SettingsFileError(Exception):
    """A settings file that cannot be read; `problem` says where and how to fix it."""

    def __init__(self, problem: Problem):
        shown = ProblemLog(os.getcwd()).display_path(problem.path)  # as an editor opens it
        self.problem = Problem(shown, problem.line, problem.message, problem.fix)
        super().__init__(str(self.problem))


def read_settings_file(path: str, override: dict) -> dict:
    fix = _("fix this line of the settings file (`git diff` shows what changed)")
    _forget_settings_read_elsewhere(path)
    try:
        return read_settings(path, override=override)
    except SyntaxError as error:  # IndentationError too
        raise SettingsFileError(Problem(
            error.filename or path, error.lineno or 0,
            _("the settings file is not valid Python: %(error)s", error=error.msg),
            fix)) from None
    except Exception as error:  # raised while the file runs, or by Pelican's own checks
        # the innermost line of a settings file (publishconf.py imports pelicanconf.py)
        folder = os.path.dirname(os.path.abspath(path))
        frames = [frame for frame in traceback.extract_tb(error.__traceback__)
                  if os.path.dirname(os.path.abspath(frame.filename)) == folder]
        where = frames[-1] if frames else None
        raise SettingsFileError(Problem(
            where.filename if where else path, (where.lineno or 0) if where else 0,
            _("the settings file stopped with %(error)s",
              error=f"{type(error).__name__}: {error}"),
            fix if where else _("check the settings this message names"))) from None


def _forget_settings_read_elsewhere(path: str) -> None:
    """Pelican runs a settings file as a module named after it and keeps it in sys.modules;
    publishconf.py imports pelicanconf by that name. In a process that read settings from
    another folder before (tests, a second project), that other pelicanconf was imported."""
    folder = os.path.dirname(os.path.abspath(path))
    for name in ("pelicanconf", "publishconf"):
        file = getattr(sys.modules.get(name), "__file__", None)
        if name in sys.modules and (
                not file or os.path.dirname(os.path.abspath(file)) != folder):
            del sys.modules[name]
