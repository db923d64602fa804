"""Problems found in content: values first, reported by the CLI, fatal to the build."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .messages import _


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, with a hint on how to fix it."""

    path: str
    line: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{location}: " + _("error") + f": {self.message}"
        return f"{text} — {self.fix}" if self.fix else text

    def as_note(self) -> str:
        """The same, said as a note: worth a look, but nothing stops."""
        location = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{location}: " + _("note") + f": {self.message}"
        return f"{text} — {self.fix}" if self.fix else text


@dataclass
class ProblemLog:
    """Collects the problems of one build, shared by every reader and generator."""

    root: str = "."
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # reported, never fatal

    def note(self, notes) -> None:
        for note in notes:
            self.notes.append(Problem(self.display_path(note.path), note.line, note.message,
                                      note.fix))

    def add(self, path: str, line: int, message: str, fix: str = "") -> None:
        self.problems.append(Problem(self.display_path(path), line, message, fix))

    def extend(self, problems) -> None:
        for problem in problems:
            self.add(problem.path, problem.line, problem.message, problem.fix)

    def display_path(self, path: str) -> str:
        """Paths relative to where the command runs, as an editor would open them."""
        path = os.fspath(path)
        relative = os.path.relpath(path, self.root) if os.path.isabs(path) else path
        return path if relative.startswith("..") else relative

    def __bool__(self) -> bool:
        return bool(self.problems)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))


class ContentProblems(Exception):
    """Raised to stop a build whose content has problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(_("%(count)s problem(s) in the content", count=len(problems)))


def problem_log(settings) -> ProblemLog:
    """The build's shared log; created on first use so plain `pelican` runs work too."""
    log = settings.get("GLOBE_PROBLEMS")
    if log is None:
        log = settings["GLOBE_PROBLEMS"] = ProblemLog(os.getcwd())
    return log
