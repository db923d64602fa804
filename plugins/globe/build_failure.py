"""A build stopped by an exception, or a file Pelican could not read, said as a problem on
the file that caused it.

A theme template with a syntax or runtime error stops Pelican with a Jinja exception; its
traceback holds the template's file and line (Jinja rewrites template frames to them).
Any other exception is named as it is, on the content folder: it is a fault of ours.
"""

from __future__ import annotations

import os
import sys
import traceback

from jinja2 import TemplateSyntaxError

from globe_core.messages import _
from globe_core.problems import Problem

_TEMPLATE_SUFFIXES = (".html", ".xml", ".txt", ".mjml", ".j2", ".jinja")


def failure_problem(error: BaseException, content_path: str) -> Problem:
    described = f"{type(error).__name__}: {error}"
    path, line = _template_location(error)
    if path:
        return Problem(path, line, _("the template stopped the build: %(error)s",
                                     error=described),
                       _("fix the template at this line (run `git diff theme/` to see what "
                         "changed)"))
    return Problem(content_path, 0, _("the build stopped: %(error)s", error=described),
                   _("fix the file named above, or report this message to the developers"))


def _template_location(error: BaseException) -> tuple[str, int]:
    if isinstance(error, TemplateSyntaxError) and error.filename:
        return error.filename, error.lineno or 0
    # the innermost template frame: where the template was when it failed
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(_TEMPLATE_SUFFIXES):
            return frame.filename, frame.lineno or 0
    return "", 0


def unread_file_problem(content_path: str, relative: str) -> Problem:
    """The file Pelican could not read, and why: the exception it is handling now."""
    error = sys.exc_info()[1]
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
    else:
        reason = f"{type(error).__name__}: {error}" if error else "?"
    return Problem(os.path.join(content_path, relative), 0,
                   _("the file could not be read: %(reason)s", reason=reason),
                   _("fix the file named above, or report this message to the developers"))
