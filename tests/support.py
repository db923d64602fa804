"""What tests share besides fixtures: where the project lives, the differences between two
built sites, a free port on 127.0.0.1, a dev server."""

from __future__ import annotations

import filecmp
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CONTENT = ROOT / "content"
SAMPLE_EDITIONS = ROOT / "newsletter" / "editions"


def differences(left: Path, right: Path) -> list[str]:
    """Every file that is in one built site only, or differs byte for byte; [] if none."""
    found = []
    comparison = filecmp.dircmp(left, right)
    stack = [(comparison, "")]
    while stack:
        node, prefix = stack.pop()
        found += [f"only in {left}: {prefix}{name}" for name in node.left_only]
        found += [f"only in {right}: {prefix}{name}" for name in node.right_only]
        _same, changed, errors = filecmp.cmpfiles(node.left, node.right, node.common_files,
                                                  shallow=False)
        found += [f"differs: {prefix}{name}" for name in changed + errors]
        stack += [(child, f"{prefix}{name}/") for name, child in node.subdirs.items()]
    return found


def free_port() -> int:
    """A port the OS says is free now: several people run the tests on this machine."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_whole_site(root: Path, seconds: float = 120) -> None:
    """`globe serve` answers at once with a first look, then swaps in its first full build
    and tells the browsers to reload: wait for that, so a test's page is not reloaded under
    it. Only a full build has a search index."""
    deadline = time.monotonic() + seconds
    index = root / "site" / "pagefind" / "pagefind-ui.js"
    while not index.exists():
        if time.monotonic() > deadline:
            raise AssertionError("globe serve never finished its first full build:\n"
                                 + (root / "serve.log").read_text()[-2000:])
        time.sleep(0.1)
    time.sleep(0.5)  # the server bumps its build number just after the swap


@contextmanager
def dev_server(root: Path, **env):
    """`globe serve` over root/content and root/editions on a free port, logging to
    root/serve.log; yields the port once the whole site is served, stops the server and
    asserts it printed no traceback."""
    port = free_port()
    log_path = root / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "globe"), "serve", "--content", "content",
             "--editions", "editions", "--output", "site", "--port", str(port)],
            cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env={**os.environ, **env})
        try:
            _wait_for_whole_site(root)
            yield port
        finally:
            server.terminate()
            server.wait(timeout=10)
    assert "Traceback" not in log_path.read_text()
