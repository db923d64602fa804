"""`globe` and `python -m globe`: the command line, imported only when it runs.

Processes a build starts with multiprocessing's spawn import the entry script again:
kept this small, each does not import the whole command line, Pelican and every plugin.
"""

import atexit
import contextlib
import logging
import multiprocessing
import os
import sys
import threading


def main() -> int:
    from globe.cli import main as run  # noqa: PLC0415

    code = run()
    if threading.active_count() == 1 and not multiprocessing.active_children():
        _leave_at_once(code)
    return code


def _leave_at_once(code: int) -> None:
    """End the process without freeing, one by one, the few hundred thousand objects a
    build leaves behind (about 0.4 s after a large build), which the system reclaims at
    once. Nothing is lost: no thread or child process runs any more, the exit handlers
    still run and the output streams are flushed."""
    logging.shutdown()
    atexit._run_exitfuncs()  # noqa: SLF001 (what interpreter shutdown would run)
    for stream in (sys.stdout, sys.stderr):
        # a closed pipe (`globe … | head`): nothing more can be kept; None: started with
        # that descriptor closed (`globe … >&-`)
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
