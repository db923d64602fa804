"""An imported archive, shared by the tests that only read it."""

from __future__ import annotations

import pytest

from .archive import write_archive
from .running import globe


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The archive imported into content/, then built (production) into output/."""
    root = tmp_path_factory.mktemp("wordpress")
    export, uploads = write_archive(root)
    (root / "editions").mkdir()
    run = globe("import", "wordpress", export, "--content", "content", "--uploads", uploads,
                cwd=root)
    assert run.returncode == 0, run.stderr
    build = globe("build", "--production", "--content", "content", "--editions", "editions",
                  "--output", "output", cwd=root)
    assert build.returncode == 0, build.stdout + build.stderr
    return root, run
