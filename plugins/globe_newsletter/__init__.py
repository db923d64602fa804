"""Pelican plugin: newsletter editions (email HTML, plain text, web version).

Pelican is imported with the plugin, not with the package: the processes a build starts
import single modules of it (the email workers, the checks, the search index).
"""


def register():
    from .plugin import register as register_plugin  # noqa: PLC0415

    register_plugin()
