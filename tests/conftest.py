"""Shared fixtures: real Pelican builds into temporary folders, and a served sample site."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from support import SAMPLE_CONTENT, SAMPLE_EDITIONS, free_port

from globe import build as builds
from globe.serve import make_server


@pytest.fixture
def build_site(tmp_path):
    """build_site(content_dir, editions=None, production=False, **setting_overrides)."""

    def _build(content, editions=None, production=False, output=None, **overrides):
        settings = builds.load_settings(content, editions or tmp_path / "no-editions",
                                        production, overrides)
        return builds.build(settings, str(output or tmp_path / "output"))

    return _build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The project's own content and editions, production build (https://international.brussels)."""
    output = tmp_path_factory.mktemp("sample") / "output"
    settings = builds.load_settings(SAMPLE_CONTENT, SAMPLE_EDITIONS, production=True)
    result = builds.build(settings, str(output))
    assert result.ok, "\n".join(map(str, result.problems))
    return output


class ServedSite:
    def __init__(self, output: Path, url: str):
        self.output = output
        self.url = url


@pytest.fixture(scope="session")
def served_sample_site(tmp_path_factory):
    """A production build whose SITEURL is a server on 127.0.0.1 that serves it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    output = tmp_path_factory.mktemp("served") / "output"
    settings = builds.load_settings(SAMPLE_CONTENT, SAMPLE_EDITIONS, production=True,
                                    overrides={"SITEURL": url})
    result = builds.build(settings, str(output))
    assert result.ok, "\n".join(map(str, result.problems))
    server = make_server(str(output), port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield ServedSite(output, url)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def nginx_site(tmp_path_factory):
    """The sample site, production build, deployed to a release folder, served by nginx."""
    from nginx_server import serve  # noqa: PLC0415 — only the nginx tests need it

    from globe import releases  # noqa: PLC0415

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    folder = tmp_path_factory.mktemp("nginx")
    settings = builds.load_settings(SAMPLE_CONTENT, SAMPLE_EDITIONS, production=True,
                                    overrides={"SITEURL": url})
    result = builds.build(settings, str(folder / "build"))
    assert result.ok, "\n".join(map(str, result.problems))
    releases.deploy(str(folder / "build"), releases.Target.parse(str(folder / "srv")))
    redirects = {"/2013/05/ancien-article.html": "/archives/"}  # as the migration writes them
    with serve(folder / "conf", folder / "srv" / "current", port, folder / "build",
               redirects) as site:
        yield site
