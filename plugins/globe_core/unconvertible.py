"""A text that Python-Markdown fails to convert: a problem at its line, not a traceback.

Markdown's block parser recurses once per level of nesting, so a list nested a few hundred
levels deep (`- - - - … x` on one line does it too) exceeds Python's recursion limit.
Some texts take it time that grows with the square of their length: each `[` is matched
against the rest of its paragraph, so 20,000 unclosed brackets (a 20 KB file) take 40 s
and 60,000 take several minutes. `time_limit` stops a conversion that runs too long.
Any other failure of the converter on one file is reported the same way, at the text's
first line, so that the officer knows which file to look at.
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager

from .messages import _
from .problems import Problem

_NESTING = re.compile(r"[ \t]*(?:(?:[-*+>]|\d+[.)])[ \t]+)*")  # indentation and markers
# The longest a text may take to convert: the longest article of the archive takes 0.05 s.
LONGEST_CONVERSION = 10.0


class ConversionTooSlow(Exception):
    """A conversion ran past LONGEST_CONVERSION seconds."""


@contextmanager
def time_limit(seconds: float = LONGEST_CONVERSION):
    """Raise ConversionTooSlow in the block once `seconds` have passed.

    A timer signal reaches only the main thread of a process, which is where every build
    reads: the build's own process, its reading workers, the dev server's previews (its
    watch loop) and its full builds (a process of their own). Called from another thread,
    it sets no limit."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signal, _frame):
        raise ConversionTooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def conversion_problem(path: str, text: str, first_line: int, error: Exception) -> Problem:
    """`text` (starting at line `first_line` of `path`) made the converter raise `error`."""
    if isinstance(error, RecursionError):
        return Problem(path, first_line + _deepest_line(text),
                       _("the text nests lists or quotes too deeply to be converted"),
                       _("keep lists and quotes to a few levels: a sub-list is indented by "
                         "four spaces under its item"))
    if isinstance(error, ConversionTooSlow):
        slow = _("the text takes too long to convert (over %(seconds)s seconds)",
                 seconds=int(LONGEST_CONVERSION))
        if text.count("[") < 1000:  # not the one known cause
            return Problem(path, first_line, slow,
                           _("look for long runs of unusual characters in this text"))
        return Problem(path, first_line + _most_brackets_line(text),
                       slow + _(": it has many `[` that are not closed"),
                       _("close each `[` with `]` (a link is [text](address)), or write "
                         "`\\[` for a bracket that is only a bracket"))
    return Problem(path, first_line,
                   _("the text could not be converted to HTML (%(error)s)",
                     error=f"{type(error).__name__}: {error}"[:200]),
                   _("look for unusual Markdown in this text; if it looks right, report "
                     "this message to the developers"))


def _deepest_line(text: str) -> int:
    """The index of the line that opens the most levels (indentation, list and quote
    markers), counted from 0."""
    depths = [len(_NESTING.match(line).group()) for line in text.split("\n")]
    return max(range(len(depths)), key=depths.__getitem__) if depths else 0


def _most_brackets_line(text: str) -> int:
    """The index of the line with the most `[`, counted from 0."""
    counts = [line.count("[") for line in text.split("\n")]
    return max(range(len(counts)), key=counts.__getitem__) if counts else 0
