"""Headings in a Markdown body: the title is the page's only <h1>, so the text starts at ##."""

from __future__ import annotations

import re

from globe_core.messages import _
from globe_core.problems import Problem
from globe_core.source import SourceFile

_H1 = re.compile(r"^ {0,3}#(?:\s|$)")
_RAW_H1 = re.compile(r"<\s*h1\b", re.IGNORECASE)
_SETEXT_H1 = re.compile(r"^ {0,3}=+\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def check_headings(source: SourceFile) -> list[Problem]:
    problems, fenced, previous = [], False, ""
    for offset, line in enumerate(source.body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (_H1.match(line) or ("<" in line and _RAW_H1.search(line))
                             or (_SETEXT_H1.match(line) and previous.strip())):
            problems.append(Problem(
                source.path, source.body_line + offset,
                _("a level-1 heading in the text would be a second title on the page"),
                _("start section headings with `##` (the Title is the page's heading)")))
        previous = line
    return problems
