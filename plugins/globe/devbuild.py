"""One full development build, run by `globe serve` in a child process.

A child keeps the server answering (and previewing) while the archive is rebuilt on the
other core, and gives back all its memory when it ends. Prints one JSON line: the problems
(path, line, message, fix) and the seconds taken.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sys

from globe_core.problems import Problem
from globe_core.settings import SettingError

from . import build as builds
from . import preview
from .settings_file import SettingsFileError
from .writable_paths import UnusablePathError


def main(argv=None) -> int:
    args = json.loads((argv or sys.argv[1:])[0])
    logging.getLogger().addHandler(logging.NullHandler())
    logging.getLogger().setLevel(logging.WARNING)
    try:
        settings = builds.load_settings(args["content"], args["editions"],
                                        overrides={"SITEURL": args["siteurl"],
                                                   preview.URL_MAP_KEY: args["url_map"]})
    except SettingsFileError as error:  # shown in the browser like any other problem
        result = builds.BuildResult([error.problem])
    except (SettingError, UnusablePathError) as error:  # a setting's value or name
        result = builds.BuildResult([Problem("pelicanconf.py", 0, str(error))])
    else:
        result = builds.build(settings, args["output"])
    print(json.dumps({"problems": [dataclasses.asdict(p) for p in result.problems],
                      "notes": [dataclasses.asdict(p) for p in result.notes],
                      "seconds": result.seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
