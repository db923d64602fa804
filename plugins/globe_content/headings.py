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


_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)
# A heading line Markdown left as text: inside a raw HTML block (an unclosed <div>
# swallows the rest of the text), never in Markdown, where `##` always starts a heading.
_TEXT_HEADING = re.compile(r"\n[ \t]{0,3}(#{2,6}[ \t]+[^\n<]*)")


def unconverted_headings(source: SourceFile, html: str) -> list[Problem]:
    """`## Title` shown as typed, because an HTML block around it keeps Markdown out."""
    if "\n#" not in html:
        return []
    problems = []
    lines = source.body.splitlines()
    for found in dict.fromkeys(m.strip() for m in _TEXT_HEADING.findall(_CODE.sub("", html))):
        # as typed, at the start of its line (`\## x` is text on purpose)
        offsets = [n for n, text in enumerate(lines) if text.lstrip(" ").startswith(found)]
        if not offsets:
            continue
        line = source.body_line + offsets[0]
        problems.append(Problem(
            source.path, line,
            _("the heading `%(heading)s` is inside an HTML block, so it would be shown as "
              "typed", heading=found[:60]),
            _("close the HTML element above it (`</div>`) and leave a blank line before the "
              "heading, or write the block in Markdown only")))
    return problems
