"""`globe` and `python -m globe`: the command line, imported only when it runs.

Processes a build starts with multiprocessing's spawn import the entry script again:
kept this small, each does not import the whole command line, Pelican and every plugin.
"""

import sys


def main() -> int:
    from globe.cli import main as run  # noqa: PLC0415

    return run()


if __name__ == "__main__":
    sys.exit(main())
