"""GLOBE_* settings of the wrong type in a copy of pelicanconf.py: a usage error naming the
setting, before anything is built, instead of an AttributeError deep inside a build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from globe import build as builds
from globe import cli, devbuild

ROOT = Path(__file__).resolve().parents[2]

WRONG = [
    ("GLOBE_READ_PARALLEL_MIN", "'200'", "int"),
    ("GLOBE_NEWSLETTER_PARALLEL_MIN", "True", "int"),
    ("GLOBE_PRODUCTION", "'yes'", "bool"),
    ("GLOBE_FINGERPRINT_ASSETS", "1", "bool"),
    ("GLOBE_LANGUAGES", "'fr'", "tuple[str, ...]"),
    ("GLOBE_LANGUAGES", "['fr', 3]", "tuple[str, ...]"),
    ("GLOBE_CATEGORIES", "['news']", "dict"),
    ("GLOBE_CATEGORIES", "{'news': 'News'}", "dict"),
    ("GLOBE_SOCIAL", "{'X': 'https://x.com'}", "list"),
    ("GLOBE_SOCIAL", "[('X',)]", "list"),
    ("GLOBE_ORGANISATION", "None", "dict"),
    ("GLOBE_INDEX_URL", "None", "str"),
    ("GLOBE_SEARCH_URL", "5", "str | None"),
    ("GLOBE_NEWSLETTER_FROM", "b'x@y.z'", "str"),
    ("GLOBE_NEWSLETTER_LISTS", "'uuid'", "dict"),
    ("GLOBE_NEWSLETTER_LISTS", "{'fr': 5}", "dict"),
    ("GLOBE_LINKS_TIMEOUT", "'10'", "float"),
    ("GLOBE_LINKS_ATTEMPTS", "2.5", "int"),
    ("GLOBE_EDITIONS_PATH", "3", "str | None"),
    ("GLOBE_CACHE_PATH", "7", "str | None"),
]


@pytest.fixture
def project_copy(tmp_path, monkeypatch):
    """A project whose pelicanconf.py is the real one plus the lines a test adds."""
    def write(line: str) -> Path:
        for name in ("pelicanconf.py", "publishconf.py"):
            (tmp_path / name).write_text(
                f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                f"from {name[:-3]} import *  # noqa\n{line}\n", encoding="utf-8")
        monkeypatch.setattr(builds, "PROJECT_ROOT", tmp_path)
        return tmp_path
    return write


@pytest.mark.parametrize(("name", "value", "kind"), WRONG)
def test_a_setting_of_the_wrong_type_is_a_usage_error_naming_it(project_copy, capsys, name,
                                                                value, kind):
    project = project_copy(f"{name} = {value}")
    code = cli.main(["build", "--content", str(ROOT / "content"), "--output",
                     str(project / "site")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"{name} is " in err and f"must be {kind}" in err and "pelicanconf.py" in err
    assert "Traceback" not in err
    assert not (project / "site").exists()


@pytest.mark.parametrize("line", ["GLOBE_LINKS_TIMEOUT = 10",
                                  "GLOBE_LANGUAGES = ['fr', 'nl', 'en']",
                                  "GLOBE_SEARCH_URL = None",
                                  "GLOBE_SOCIAL = [['X', 'https://x.com']]",
                                  "GLOBE_NEWSLETTER_LISTS = {'fr': 'a-uuid'}"])
def test_values_of_the_right_type_written_as_settings_files_write_them_are_accepted(
        project_copy, line):
    project = project_copy(line)
    settings = builds.load_settings(str(ROOT / "content"))
    assert settings["PATH"] == str(ROOT / "content")
    assert project.is_dir()


TYPO = "GLOBE_" + "PRECOMPRES"  # not a name the settings test finds in the sources


@pytest.mark.parametrize(("line", "expected"), [
    (f"{TYPO} = False", f"{TYPO} is not a setting — did you mean GLOBE_PRECOMPRESS?"),
    ("GLOBE_WHATEVER = 1", "GLOBE_WHATEVER is not a setting — every GLOBE_* setting is "
                           "listed in plugins/globe_core/settings.py"),
])
def test_a_setting_name_with_a_typo_is_a_usage_error_not_ignored(project_copy, capsys, line,
                                                                 expected):
    project = project_copy(line)
    code = cli.main(["build", "--content", str(ROOT / "content"), "--output",
                     str(project / "site")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert expected in err
    assert not (project / "site").exists()


def test_the_dev_servers_build_shows_a_wrong_setting_as_a_problem(project_copy, capsys):
    # the full build of `globe serve` runs in a child, whose problems reach the browser
    project = project_copy("GLOBE_PRODUCTION = 'yes'")
    code = devbuild.main([json.dumps({
        "content": str(ROOT / "content"), "editions": None, "siteurl": "http://127.0.0.1:1",
        "url_map": str(project / "url-map.json"), "output": str(project / "site")})])
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0
    problem, = report["problems"]
    assert "GLOBE_PRODUCTION is 'yes', but must be bool" in problem["message"]
    assert not (project / "site").exists()
