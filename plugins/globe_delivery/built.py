"""The editions a build wrote, found through its manifest (newsletter/editions.json)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from globe_core.messages import _

from .errors import DeliveryError

MANIFEST = os.path.join("newsletter", "editions.json")
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


@dataclass(frozen=True)
class BuiltEmail:
    """One edition in one language, as built: the exact files to hand over."""

    number: str
    lang: str
    status: str
    subject: str
    siteurl: str
    web_url: str
    html: str
    text: str

    @property
    def lang_prefix(self) -> str:
        # The site's convention: French at the root, other languages under /<lang>/.
        return "" if self.lang == "fr" else f"{self.lang}/"

    @property
    def is_dev_build(self) -> bool:
        """Links point at the developer's machine: subscribers could not follow them."""
        host = urlsplit(self.siteurl).hostname or ""
        return host in LOCAL_HOSTS or any(f"//{h}" in self.html for h in LOCAL_HOSTS)


def read_manifest(output: str) -> dict:
    """The manifest as the build wrote it; DeliveryError for one that is missing, not
    JSON or not of the build's shape (edited by hand, cut short, from another tool)."""
    path = os.path.join(output, MANIFEST)
    if not os.path.isfile(path):
        raise DeliveryError(_("no newsletter has been built in %(folder)s", folder=output),
                            _("run `make publish` (the production build) first"))
    with open(path, encoding="utf-8") as file:
        try:
            manifest = json.load(file)
        except (ValueError, RecursionError) as error:  # RecursionError: [[[[… nested
            raise _unreadable(path, error) from error
    problem = _shape_problem(manifest)
    if problem:
        raise _unreadable(path, problem)
    return manifest


def _unreadable(path: str, error) -> DeliveryError:
    return DeliveryError(_("%(path)s cannot be read (%(error)s)", path=path, error=error),
                         _("build again with `make publish`"))


_ENTRY_TEXTS = ("number", "lang", "status", "subject", "web_url")
_FILES = ("html", "text")


def _shape_problem(manifest) -> str | None:
    """What in the manifest is not as the build writes it (None: all of it is)."""
    if not isinstance(manifest, dict) or not isinstance(manifest.get("siteurl"), str):
        return _("it has no `siteurl`")
    editions = manifest.get("editions")
    if not isinstance(editions, list):
        return _("it has no list of `editions`")
    for position, entry in enumerate(editions, 1):
        paths = entry.get("paths") if isinstance(entry, dict) else None
        if not (isinstance(paths, dict) and all(isinstance(entry.get(key), str)
                                                for key in _ENTRY_TEXTS)
                and all(isinstance(paths.get(key), str) for key in _FILES)):
            return _("edition %(position)s of the list lacks one of %(keys)s",
                     position=position, keys=", ".join((*_ENTRY_TEXTS, "paths")))
        if any(ord(c) < 32 or ord(c) == 127 for key in _ENTRY_TEXTS for c in entry[key]):
            # a line break in a subject would end an email header
            return _("edition %(position)s of the list has a control character (a line "
                     "break…) in a value", position=position)
    return None


def built_editions(output: str) -> list[BuiltEmail]:
    """Every edition and language of the build, read from its files."""
    manifest = read_manifest(output)
    return [_load(output, manifest["siteurl"], entry) for entry in manifest["editions"]]


def built_email(output: str, number: str, lang: str) -> BuiltEmail:
    manifest = read_manifest(output)
    entries = manifest["editions"]
    for entry in entries:
        if entry["number"] == number and entry["lang"] == lang:
            return _load(output, manifest["siteurl"], entry)
    in_lang = sorted({e["number"] for e in entries if e["lang"] == lang})
    other = sorted({e["lang"] for e in entries if e["number"] == number})
    if other:
        raise DeliveryError(
            _("edition %(number)s was not built in `%(lang)s`", number=number, lang=lang),
            _("it exists in: %(values)s; write its %(lang)s file, or choose one of those",
              values=", ".join(other), lang=lang))
    raise DeliveryError(
        _("edition %(number)s (%(lang)s) is not in the build in %(folder)s", number=number,
          lang=lang, folder=output),
        _("built editions in this language: %(values)s (a production build leaves out "
          "`Status: draft` editions)", values=", ".join(in_lang) or "—"))


def _load(output: str, siteurl: str, entry: dict) -> BuiltEmail:
    root = os.path.realpath(output)

    def read(relative: str) -> str:
        path = os.path.join(output, relative)
        # Only what the build wrote is sent: never a file outside the output, named by an
        # absolute or `../` path in the manifest or reached through a symbolic link.
        if os.path.commonpath([root, os.path.realpath(path)]) != root:
            raise DeliveryError(_("%(path)s is outside the build in %(folder)s",
                                  path=relative, folder=output),
                                _("build again with `make publish`"))
        try:
            with open(path, encoding="utf-8") as file:
                return file.read()
        except OSError as error:
            raise _unreadable(path, error.strerror) from error
        except UnicodeDecodeError as error:
            raise _unreadable(path, error) from error

    return BuiltEmail(number=entry["number"], lang=entry["lang"], status=entry["status"],
                      subject=entry["subject"], siteurl=siteurl, web_url=entry["web_url"],
                      html=read(entry["paths"]["html"]), text=read(entry["paths"]["text"]))
