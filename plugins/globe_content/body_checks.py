"""The images of a rendered Markdown file (the HTML policy: globe_core/html_policy.py).

The checks read what Markdown produced (every image, however it was written: inline,
reference-style, with a single- or double-quoted title), then find the line in the
source that wrote it, so each problem names `path:line`.
"""

from __future__ import annotations

import os
import re

from globe_core.html_policy import line_of
from globe_core.images import image_problem
from globe_core.messages import _
from globe_core.problems import Problem
from globe_core.source import SourceFile

from .images import resolve_image
from .paths import content_relative, is_external
from .references import missing_image


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
        found = resolve_image(target, source_path, content_root)
        if found is None and content_relative(target, source_path, content_root) is None:
            problem(_("image `%(target)s` is outside the content folder", target=target),
                    _("keep images and articles under content/"))
            continue
        if found is None:
            missing = missing_image(source.path, line, target, content_root)
            problem(missing.message, missing.fix)
            continue
        found = image_problem(os.path.join(content_root, found))
        if found:
            problem(_("image `%(target)s`: %(reason)s", target=target, reason=found[0]),
                    found[1])
    return problems
