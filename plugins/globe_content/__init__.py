"""Pelican plugin: strict reading and validation of articles and pages.

Pelican is imported with the plugin, not with the package: the processes a build starts
import single modules of it (the email workers, the checks, the search index).
"""


def register():
    from .plugin import register as register_plugin  # noqa: PLC0415

    register_plugin()
