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
    path = os.path.join(output, MANIFEST)
    if not os.path.isfile(path):
        raise DeliveryError(_("no newsletter has been built in %(folder)s", folder=output),
                            _("run `make publish` (the production build) first"))
    with open(path, encoding="utf-8") as file:
        try:
            return json.load(file)
        except ValueError as error:
            raise DeliveryError(_("%(path)s cannot be read (%(error)s)", path=path,
                                  error=error),
                                _("build again with `make publish`")) from error


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
    def read(relative: str) -> str:
        path = os.path.join(output, relative)
        try:
            with open(path, encoding="utf-8") as file:
                return file.read()
        except OSError as error:
            raise DeliveryError(_("%(path)s cannot be read (%(error)s)", path=path,
                                  error=error.strerror),
                                _("build again with `make publish`")) from error

    return BuiltEmail(number=entry["number"], lang=entry["lang"], status=entry["status"],
                      subject=entry["subject"], siteurl=siteurl, web_url=entry["web_url"],
                      html=read(entry["paths"]["html"]), text=read(entry["paths"]["text"]))
