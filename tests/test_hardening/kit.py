"""Run `globe` on small hostile trees and read what it reported or wrote."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GLOBE = str(Path(sys.executable).with_name("globe"))
A = "content/articles/2021/visit.fr.md"


def run_globe(cwd: Path, *args: str, timeout: int = 180,
              env: dict | None = None) -> subprocess.CompletedProcess:
    (cwd / "editions").mkdir(exist_ok=True)
    return subprocess.run([GLOBE, *args], check=False, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL,
                          env={**os.environ, "GLOBE_LANG": "en", **(env or {})})


def check(cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return run_globe(cwd, "check", "--content", "content", "--editions", "editions", env=env)


def build(cwd: Path, output: str = "site", *extra: str,
          env: dict | None = None) -> subprocess.CompletedProcess:
    return run_globe(cwd, "build", "--content", "content", "--editions", "editions",
                     "--output", output, *extra, env=env)


def assert_reported(result, *expected: str) -> None:
    """Exit 1, no traceback, and each expected text starts or sits in a reported line."""
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    lines = result.stderr.splitlines()
    for text in expected:
        assert any(line.startswith(text) or (not text.startswith("content/") and text in line)
                   for line in lines), f"{text!r} not in:\n{result.stderr}"
