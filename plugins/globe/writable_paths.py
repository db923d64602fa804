"""Folders and files that globe writes, named by the user: checked before any work starts.

A report folder that is a file, a cache file that is a folder, a cache folder under a
file: each would otherwise stop the command half-way with the system's own words. Here
they are a usage error that names the option or setting and says what to give instead.
"""

from __future__ import annotations

import argparse
import os

from globe_core.messages import _


class UnusablePathError(Exception):
    """A path setting that globe cannot write to; str() says which and how to fix it."""


def why_unusable(path: str, folder: bool) -> str | None:
    """Why `path` cannot become a folder (folder=True) or a file of globe's; None if it can.

    It may not exist yet: then the nearest part of it that exists must be a folder."""
    if not path.strip():  # "" would silently mean the current folder
        return _("an empty name is not a folder or a file")
    if os.path.isdir(path) and not folder:
        return _("`%(path)s` is a folder, not a file", path=path)
    if os.path.exists(path) and not os.path.isdir(path) and folder:
        return _("`%(path)s` is a file, not a folder", path=path)
    existing = os.path.dirname(os.path.abspath(path))
    while not os.path.exists(existing):
        existing = os.path.dirname(existing)
    if not os.path.isdir(existing):
        return _("`%(path)s` is under `%(file)s`, which is a file", path=path, file=existing)
    return None


def folder_to_write(path: str) -> str:
    """argparse type: a folder globe may create or fill, or a clear usage error (exit 2)."""
    return folder_to_write_as("links-report")(path)


def folder_to_write_as(example: str):
    """folder_to_write, its message giving `example` as a folder to give instead."""
    def folder(path: str) -> str:
        reason = why_unusable(path, folder=True)
        if reason:
            raise argparse.ArgumentTypeError(
                reason + " — " + _("give a folder, e.g. %(example)s", example=example))
        return path
    return folder


def file_to_write(path: str) -> str:
    """argparse type: a file globe may create or replace, or a clear usage error (exit 2)."""
    reason = why_unusable(path, folder=False)
    if reason:
        raise argparse.ArgumentTypeError(
            reason + " — " + _("give a file name, e.g. .cache/links.json"))
    return path


# GLOBE_* settings naming a folder (True) or a file (False) that builds write to
_WRITTEN_SETTINGS = {"GLOBE_CACHE_PATH": True, "GLOBE_THUMBNAIL_CACHE": True,
                     "GLOBE_IMAGE_CACHE": True, "GLOBE_LINKS_CACHE": False}


def check_settings(settings: dict) -> None:
    """Raise UnusablePathError for the first written-to setting that cannot be used."""
    for name, folder in _WRITTEN_SETTINGS.items():
        path = settings.get(name)
        reason = path and why_unusable(path, folder)
        if reason:
            fix = (_("set %(name)s to a folder, or leave it unset", name=name) if folder else
                   _("set %(name)s to a file name, or leave it unset", name=name))
            raise UnusablePathError(f"{name}: {reason} — {fix}")
