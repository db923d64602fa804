"""What tests share besides fixtures: where the project lives, a free port on 127.0.0.1."""

from __future__ import annotations

import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CONTENT = ROOT / "content"
SAMPLE_EDITIONS = ROOT / "newsletter" / "editions"


def free_port() -> int:
    """A port the OS says is free now: several people run the tests on this machine."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
