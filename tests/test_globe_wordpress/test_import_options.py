"""`globe import wordpress` with options it cannot use: a usage error naming the option,
before anything is read or written (not a traceback or "globe stopped" half-way)."""

from __future__ import annotations

import os

import pytest
from wxr_export import Post, wxr

from .running import globe


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(wxr("http://international.brussels",
                        [Post(101, "Titre", "titre", content="<p>Bonjour</p>", lang="fr")]),
                    encoding="utf-8")
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    return path


@pytest.mark.parametrize(("options", "expected"), [
    (["--content", "a-file"], "--content: `a-file` is a file, not a folder"),
    (["--content", "a-file/inside"], "which is a file — give a folder, e.g. content"),
    (["--content", ""], "--content: an empty name is not a folder or a file"),
    (["--work", "a-file"], "--work: `a-file` is a file, not a folder"),
    (["--timeout", "-1"], "--timeout: -1 is not a number of seconds"),
    (["--timeout", "0"], "--timeout: 0 is not a number of seconds"),
    (["--timeout", "nan"], "--timeout: nan is not a number of seconds"),
    (["--timeout", "inf"], "--timeout: inf is not a number of seconds"),
])
def test_an_option_the_import_cannot_use_is_a_usage_error(tmp_path, export, options,
                                                           expected):
    before = sorted(os.listdir(tmp_path))
    result = globe("import", "wordpress", export, *options, cwd=tmp_path,
                   env={**os.environ, "GLOBE_LANG": "en"})
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert sorted(os.listdir(tmp_path)) == before
