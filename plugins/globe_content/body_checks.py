"""What the rendered Markdown of a file may contain: its images, and the HTML policy.

The checks read what Markdown produced (every image, however it was written: inline,
reference-style, with a single- or double-quoted title), then find the line in the
source that wrote it, so each problem names `path:line`.
"""

from __future__ import annotations

import os
import re

from globe.messages import _
from globe.problems import Problem

from .html_policy import Policy, violations
from .images import image_problem
from .references import content_relative, is_external
from .source import SourceFile


def line_of(source: SourceFile, *patterns: str, first: int | None = None,
            text: str | None = None) -> int:
    """The line of `text` (default: the body) where the first pattern that matches does."""
    text = source.body if text is None else text
    first = source.body_line if first is None else first
    for pattern in patterns:
        if not pattern:
            continue
        for offset, line in enumerate(text.splitlines()):
            if re.search(pattern, line, re.IGNORECASE):
                return first + offset
    return first


def image_problems(source: SourceFile, images, content_root: str) -> list[Problem]:
    """Each Markdown image (alt, target as written): alt text, host, file."""
    problems = []
    source_path = os.path.abspath(source.path)
    for alt, target in images:
        line = line_of(source, re.escape(target), re.escape(os.path.basename(target)))

        def problem(message, fix, line=line):
            problems.append(Problem(source.path, line, message, fix))

        if not alt.strip():
            problem(_("image `%(target)s` has no alt text", target=target),
                    _("describe the image between the brackets: "
                      "![what the image shows](path \"Caption\")"))
        if is_external(target):
            problem(_("image `%(target)s` is on another site", target=target),
                    _("save it under content/images/ and link to it there: the site loads "
                      "nothing from other hosts"))
            continue
        relative = content_relative(target, source_path, content_root)
        if relative is None:
            problem(_("image `%(target)s` is outside the content folder", target=target),
                    _("keep images and articles under content/"))
            continue
        path = os.path.join(content_root, relative)
        if not os.path.isfile(path):
            problem(_("image `%(target)s` does not exist", target=target),
                    _("check the path; it was looked for at content/%(path)s", path=relative))
            continue
        found = image_problem(path)
        if found:
            problem(_("image `%(target)s`: %(reason)s", target=target, reason=found[0]),
                    found[1])
    return problems


def _needles(violation) -> tuple[str, ...]:
    needle = violation.needle
    if needle.startswith("<"):
        return (r"<\s*" + re.escape(needle[1:]) + r"\b",)
    if re.fullmatch(r"[a-z-]+", needle):
        return (r"\b" + re.escape(needle) + r"\s*=", r"\{:?[^}]*\b" + re.escape(needle))
    return (re.escape(needle), r"\b(?:href|src)\s*=|\]\(")


def policy_problems(source: SourceFile, html: str, policy: Policy, markdown_srcs=(),
                    first: int | None = None, text: str | None = None) -> list[Problem]:
    """Everything in the rendered `html` outside the policy, on the line that wrote it."""
    return [Problem(source.path, line_of(source, *_needles(v), first=first, text=text),
                    v.message, v.fix)
            for v in violations(html, policy, markdown_srcs)]
