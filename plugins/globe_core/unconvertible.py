"""A text that Python-Markdown fails to convert: a problem at its line, not a traceback.

Markdown's block parser recurses once per level of nesting, so a list nested a few hundred
levels deep (`- - - - … x` on one line does it too) exceeds Python's recursion limit.
Any other failure of the converter on one file is reported the same way, at the text's
first line, so that the officer knows which file to look at.
"""

from __future__ import annotations

import re

from .messages import _
from .problems import Problem

_NESTING = re.compile(r"[ \t]*(?:(?:[-*+>]|\d+[.)])[ \t]+)*")  # indentation and markers


def conversion_problem(path: str, text: str, first_line: int, error: Exception) -> Problem:
    """`text` (starting at line `first_line` of `path`) made the converter raise `error`."""
    if isinstance(error, RecursionError):
        return Problem(path, first_line + _deepest_line(text),
                       _("the text nests lists or quotes too deeply to be converted"),
                       _("keep lists and quotes to a few levels: a sub-list is indented by "
                         "four spaces under its item"))
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
