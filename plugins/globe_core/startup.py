"""What every plugin does at Pelican's `initialized`: typed settings, and all plugins present.

Each plugin connects `at_initialized`; blinker keeps one receiver however often it is
connected, so this runs once per build whichever plugins are loaded.
"""

from __future__ import annotations

from .messages import _
from .problems import ContentProblems, problem_log
from .settings import install

# The site is made by all four together: a build without one of them is broken, not smaller.
EXPECTED_PLUGINS = ("globe_content", "globe_site", "globe_newsletter", "globe_publish")


def missing_plugins(loaded_names) -> list[str]:
    loaded = {name.rsplit(".", 1)[-1] for name in loaded_names}
    return [name for name in EXPECTED_PLUGINS if name not in loaded]


def at_initialized(pelican) -> None:
    settings = pelican.settings
    install(settings)
    missing = missing_plugins(p.__name__ for p in pelican.plugins)
    if missing:
        log = problem_log(settings)
        for name in missing:
            log.add(log.display_path(settings["PATH"]), 0,
                    _("the plugin %(name)s is not loaded", name=name),
                    _("check PLUGINS and PLUGIN_PATHS in pelicanconf.py"))
        raise ContentProblems(log.sorted())
