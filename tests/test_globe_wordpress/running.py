"""Running the `globe` command the way an officer does: a subprocess, no stdin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GLOBE = str(Path(sys.executable).with_name("globe"))


def globe(*args, cwd, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([GLOBE, *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=600, stdin=subprocess.DEVNULL, env=env, check=False)
