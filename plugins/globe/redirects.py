"""`globe redirects --format nginx`: the same map the build writes, printed."""

from __future__ import annotations

import os
import sys
import tempfile

from globe_core.messages import _
from globe_redirects.nginx import MAP_FILE

from . import build as builds


def main(args) -> int:
    settings = builds.load_settings(args.content, args.editions)
    with tempfile.TemporaryDirectory(prefix="globe-redirects-") as scratch:
        problems = builds.run_pelican({**settings, "OUTPUT_PATH": scratch})
        if problems:
            for problem in problems:
                print(problem, file=sys.stderr)
            print(_("Check failed: %(count)s problem(s).", count=len(problems)),
                  file=sys.stderr)
            return 1
        with open(os.path.join(scratch, MAP_FILE), encoding="utf-8") as file:
            sys.stdout.write(file.read())
    return 0
