"""A build stopped by an exception names the file and line that caused it."""

from __future__ import annotations

import shutil

import pytest
from contentkit import article, write_tree
from support import ROOT


@pytest.mark.parametrize("broken, expected", [
    ("{{ article.title }", "TemplateSyntaxError"),  # a brace lost in an edit
    ("{{ article.title.no_such_thing.upper() }}", "UndefinedError"),  # at render time
])
def test_a_broken_theme_template_is_reported_on_its_file_and_line(
        tmp_path, build_site, broken, expected):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates/article.html"
    lines = template.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if "{% block content %}" in line) + 1
    lines.insert(number - 1, broken)
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    content = write_tree(tmp_path / "content", {"articles/visit.fr.md": article()})

    result = build_site(content, THEME=str(theme))

    assert not result.ok
    problem, = result.problems
    assert (problem.path, problem.line) == (str(template), number), problem
    assert problem.message.startswith(f"the template stopped the build: {expected}")
    assert "fix the template at this line" in problem.fix
