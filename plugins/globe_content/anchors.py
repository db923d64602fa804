"""Footnotes and element ids in a Markdown body: what a reader can jump to must exist, once.

`Text[^2]` without a `[^2]: …` line is shown as the characters `[^2]`, and a second
`[^2]: …` line is dropped; `{: #programme }` written twice, or naming an element of the
page around the text (`#main-content`, the skip link's target), sends links to the wrong
place. Each is an error on the line that wrote it.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import cache

from globe_core.html_policy import line_of
from globe_core.messages import _
from globe_core.problems import Problem
from globe_core.source import SourceFile

_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).*?\1")
_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")
_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_ID = re.compile(r"""\sid=["']([^"']*)["']""")
_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)
_ATTRIBUTE_LIST = re.compile(r"\{:[^}\n<]*\}")
_TEMPLATE_ID = re.compile(r"""\bid=["']([^"'{]*)(\{\{)?""")


def footnote_problems(source: SourceFile) -> list[Problem]:
    """References without a definition, and definitions given twice."""
    if "[^" not in source.body:
        return []
    problems: list[Problem] = []
    defined: dict[str, int] = {}
    references: list[tuple[str, int]] = []
    fenced = False
    for offset, line in enumerate(source.body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or "[^" not in line:
            continue
        number = source.body_line + offset
        definition = _DEFINITION.match(line)
        if definition:
            label = definition.group(1)
            if label in defined:
                problems.append(Problem(
                    source.path, number,
                    _("the footnote `[^%(label)s]` is defined twice (first on line "
                      "%(first)s); this text would be dropped", label=label,
                      first=defined[label]),
                    _("give each footnote its own label, e.g. `[^%(label)s-2]`",
                      label=label)))
            else:
                defined[label] = number
        text = line[definition.end():] if definition else line
        references += [(label, number)
                       for label in _REFERENCE.findall(_CODE_SPAN.sub("", text))]
    for label, number in references:
        if label not in defined:
            problems.append(Problem(
                source.path, number,
                _("the footnote `[^%(label)s]` has no text: the page would show "
                  "`[^%(label)s]`", label=label),
                _("add a line `[^%(label)s]: the note` below the paragraph, or remove the "
                  "reference", label=label)))
    return problems


def summary_footnote_problems(source: SourceFile) -> list[Problem]:
    """A summary is one paragraph with no room for notes: `[^1]` there is shown as typed."""
    summary = source.value("summary") or ""
    if "[^" not in summary:
        return []
    return [Problem(source.path, source.line_of("summary"),
                    _("the footnote `[^%(label)s]` has no text: the page would show "
                      "`[^%(label)s]`", label=label),
                    _("write the note in the sentence, in brackets"))
            for label in dict.fromkeys(_REFERENCE.findall(_CODE_SPAN.sub("", summary)))]


def id_problems(source: SourceFile, html: str, theme_ids: tuple) -> list[Problem]:
    """Element ids of the rendered body given twice, or taken by the page around it.
    theme_ids: (ids, prefixes) the theme's templates write."""
    if " id=" not in html:
        return []
    reserved, prefixes = theme_ids
    problems: list[Problem] = []
    counts = Counter(_ID.findall(html))
    for element_id, count in counts.items():
        written = r"\{:?[^}]*#" + re.escape(element_id) + r"(?![\w-])"
        needles = (written, r"""\bid=["']""" + re.escape(element_id) + r"""["']""")
        if count > 1:
            problems.append(Problem(
                source.path, line_of(source, *needles),
                _("the id `#%(id)s` is given to %(count)s elements", id=element_id,
                  count=count),
                _("give each heading or element its own id")))
        elif element_id in reserved or element_id.startswith(prefixes):
            problems.append(Problem(
                source.path, line_of(source, *needles),
                _("the id `#%(id)s` is taken by the page around the text", id=element_id),
                _("choose another id, e.g. `#%(id)s-text`", id=element_id)))
    return problems


def stray_attribute_lists(source: SourceFile, html: str) -> list[Problem]:
    """`{: #id }` that Markdown did not apply (on the line under a heading, or after a
    blank line): the page would show it as text."""
    if "{:" not in html:
        return []
    return [Problem(source.path, line_of(source, re.escape(found)),
                    _("the attribute list `%(list)s` is not attached to anything: the page "
                      "would show it as text", list=found),
                    _("write it at the end of the heading's line (`## Title {: #id }`) or "
                      "on the last line of the paragraph"))
            for found in dict.fromkeys(_ATTRIBUTE_LIST.findall(_CODE.sub("", html)))]


@cache
def theme_ids(theme: str) -> tuple[frozenset, tuple]:
    """The ids the theme's templates write: fixed ones, and the fixed start of the ids
    they compute (`year-{{ year }}`)."""
    fixed, prefixes = set(), set()
    for folder, _dirs, files in os.walk(os.path.join(theme, "templates")):
        for name in files:
            if not name.endswith(".html"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as file:
                for found, computed in _TEMPLATE_ID.findall(file.read()):
                    if computed and found:
                        prefixes.add(found)
                    elif found and not computed:
                        fixed.add(found)
    return frozenset(fixed), tuple(sorted(prefixes))
