"""The `globe` entry point ends the process at once, but not before its work is out."""

from __future__ import annotations

import subprocess
import sys

LEAVE = """
import atexit, threading, sys
from globe import __main__ as entry
atexit.register(lambda: print("exit handler ran", file={handler_stream}))
print("written", end=" ")
sys.stderr.write("error text")
{before}
entry._leave_at_once(3)
print("never printed")
"""


def run(before: str = "", handler_stream="sys.stdout") -> subprocess.CompletedProcess:
    script = LEAVE.format(before=before, handler_stream=handler_stream)
    return subprocess.run([sys.executable, "-c", script],
                          capture_output=True, text=True, timeout=60, check=False)


def test_leaving_at_once_keeps_the_exit_code_the_output_and_the_exit_handlers():
    result = run()
    assert result.returncode == 3
    assert result.stdout == "written exit handler ran\n"
    assert result.stderr == "error text"


def test_a_closed_output_pipe_does_not_turn_into_a_traceback():
    result = run("sys.stdout.close()", handler_stream="sys.stderr")
    assert result.returncode == 3 and result.stderr == "error textexit handler ran\n"


def test_the_command_line_still_exits_with_its_code(tmp_path):
    missing = subprocess.run([sys.executable, "-m", "globe", "check", "--content",
                              str(tmp_path / "nowhere")], capture_output=True, text=True,
                             timeout=120, check=False)
    assert missing.returncode == 2 and str(tmp_path / "nowhere") in missing.stderr


def test_started_with_its_output_or_error_stream_closed_it_still_exits_with_its_code(
        tmp_path):
    """CI or a cron job may start globe with a descriptor closed (`>&-`): Python then has
    no sys.stdout (or sys.stderr), which must not turn the exit into a traceback."""
    (tmp_path / "content").mkdir()  # nothing to publish: the check ends with exit 1
    (tmp_path / "editions").mkdir()
    for closed in (">&-", "2>&-"):
        done = subprocess.run(["sh", "-c", f'"$0" -m globe check --content content '
                               f'--editions editions {closed}', sys.executable],
                              capture_output=True, text=True, timeout=120, check=False,
                              cwd=tmp_path)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Traceback" not in done.stdout + done.stderr
