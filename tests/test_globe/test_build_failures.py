"""A build stopped by an exception names the file and line that caused it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from contentkit import article, write_tree
from support import ROOT

from globe import build as builds
from globe import cli
from globe.settings_file import SettingsFileError, read_settings_file


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


@pytest.mark.parametrize("mistake, line, expected", [
    ("SITENAME = 'The Globe\n", 2, "the settings file is not valid Python: unterminated"),
    ("  TIMEZONE = 'Europe/Brussels'\n", 2, "the settings file is not valid Python: "
                                            "unexpected indent"),
    ("SITEURL = SITE_URL\n", 2, "the settings file stopped with NameError: name 'SITE_URL'"),
])
def test_a_mistake_in_a_settings_file_is_reported_on_its_line(tmp_path, mistake, line,
                                                              expected):
    # Pelican keeps a settings file in sys.modules under its name: not `pelicanconf`,
    # which publishconf.py imports in the builds of later tests
    conf = tmp_path / "brokenconf.py"
    conf.write_text("AUTHOR = 'Brussels International'\n" + mistake, encoding="utf-8")
    try:
        with pytest.raises(SettingsFileError) as raised:
            read_settings_file(str(conf), {})
    finally:
        sys.modules.pop("brokenconf", None)
    problem = raised.value.problem
    assert (problem.line, problem.path.endswith("brokenconf.py")) == (line, True)
    assert problem.message.startswith(expected), problem.message
    assert "fix this line of the settings file" in problem.fix


def test_globe_says_where_the_settings_file_is_broken_without_a_traceback(tmp_path):
    project = tmp_path / "project"  # globe reads the settings beside its own plugins
    for name in ("plugins", "theme"):
        shutil.copytree(ROOT / name, project / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "pelicanconf.py", project)
    (project / "publishconf.py").write_text(
        (ROOT / "publishconf.py").read_text(encoding="utf-8") + "\nSITEURL = 'https://x\n",
        encoding="utf-8")
    line = len((project / "publishconf.py").read_text(encoding="utf-8").splitlines())
    content = write_tree(tmp_path / "content", {"articles/visit.fr.md": article()})
    result = subprocess.run(
        [sys.executable, "-m", "globe", "check", "--content", str(content)], cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(project / "plugins")}, capture_output=True,
        text=True, check=False)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"project/publishconf.py:{line}: error: the settings "
                                    "file is not valid Python"), result.stderr


def test_an_unexpected_fault_is_one_line_and_a_file_for_the_developers(
        tmp_path, monkeypatch, capsys):
    # A fault of ours, injected where any command starts: the officer sees no traceback
    def fail(*_args, **_kwargs):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(cli.builds, "load_settings", fail)
    code = cli.main(["check", "--content", str(tmp_path)])
    error = capsys.readouterr().err
    assert code == 70
    assert "Traceback" not in error
    first, = error.splitlines()
    assert first.startswith("globe stopped on an unexpected error: RuntimeError: a bug of ours")
    kept = Path(first.split(" the details are in ")[1].split(": please send")[0])
    assert "Traceback" in kept.read_text(encoding="utf-8")
    assert 'raise RuntimeError("a bug of ours")' in kept.read_text(encoding="utf-8")
    kept.unlink()


def test_production_settings_import_the_project_pelicanconf_whatever_was_read_before(
        tmp_path):
    # Pelican keeps each settings file in sys.modules under its name, and publishconf.py
    # imports `pelicanconf`: one read earlier from elsewhere (a test, another project)
    # used to be imported instead, without the plugins
    other = tmp_path / "pelicanconf.py"
    other.write_text("SITENAME = 'Another site'\nPLUGINS = []\n", encoding="utf-8")
    read_settings_file(str(other), {})
    settings = builds.load_settings(production=True)
    assert settings["SITENAME"] != "Another site"
    assert "globe_content" in settings["PLUGINS"]
    assert settings["SITEURL"] == "https://international.brussels"
