"""What tests share besides fixtures: where the project lives, a free port on 127.0.0.1,
a dev server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CONTENT = ROOT / "content"
SAMPLE_EDITIONS = ROOT / "newsletter" / "editions"


def free_port() -> int:
    """A port the OS says is free now: several people run the tests on this machine."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def dev_server(root: Path, **env):
    """`globe serve` over root/content and root/editions on a free port, logging to
    root/serve.log; yields the port, stops the server and asserts it printed no traceback."""
    port = free_port()
    log_path = root / "serve.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "globe"), "serve", "--content", "content",
             "--editions", "editions", "--output", "site", "--port", str(port)],
            cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env={**os.environ, **env})
        try:
            yield port
        finally:
            server.terminate()
            server.wait(timeout=10)
    assert "Traceback" not in log_path.read_text()
