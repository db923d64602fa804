"""Delivery fixtures: a development build for the refusal test; `globe` run in-process."""

from __future__ import annotations

import pytest
from test_globe_newsletter.kit import tiny_editions, write_site

from globe import build as builds
from globe import cli
from globe_core import messages


@pytest.fixture(scope="session")
def dev_site(tmp_path_factory):
    """Development build (links to http://127.0.0.1:8000) of a tiny tree: 2021-15 fr, en."""
    root = tmp_path_factory.mktemp("dev")
    content, editions = write_site(root, tiny_editions())
    output = root / "output"
    result = builds.build(builds.load_settings(content, editions), str(output))
    assert result.ok, "\n".join(map(str, result.problems))
    return output


@pytest.fixture
def globe(monkeypatch, capsys):
    """globe(*argv) → (exit code, stdout, stderr), messages in English."""
    monkeypatch.setenv("GLOBE_LANG", "en")
    messages.cli_language.cache_clear()

    def run(*argv):
        code = cli.main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    messages.cli_language.cache_clear()
