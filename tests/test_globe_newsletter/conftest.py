"""A tiny site with editions in French and English, built once (production) for the gate."""

from __future__ import annotations

import pytest

from globe import build as builds

from .kit import tiny_editions, write_site


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory):
    """Production build of a tiny tree: edition 2021-15 in fr (alpha, beta, gamma) and en."""
    root = tmp_path_factory.mktemp("tiny")
    content, editions = write_site(root, tiny_editions())
    output = root / "output"
    settings = builds.load_settings(content, editions, production=True)
    result = builds.build(settings, str(output))
    assert result.ok, "\n".join(map(str, result.problems))
    return output
