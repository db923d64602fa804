"""Images of the old site, each stored once under content/images/YYYY/.

They come from a local copy of wp-content/uploads, or are downloaded with requests
(timeouts, a few retries with back-off by tenacity on network errors and 5xx answers).
A file is identified by its bytes: the same image used by ten posts is stored once.
"""

from __future__ import annotations

import hashlib
import io
import ipaddress
import os
import re
import socket
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

import requests
from PIL import Image
from tenacity import (
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential,
)

from globe_core.messages import _

from .names import safe_file_name

_UPLOADS = re.compile(r"/wp-content/uploads/(.+)$")
_YEAR = re.compile(r"^(\d{4})/")
# WordPress's resized copies: photo-1024x683.jpg next to photo.jpg
_SIZE_SUFFIX = re.compile(r"-\d{2,5}x\d{2,5}(?=\.[A-Za-z0-9]+$)")
_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}
# Files posts link to (reports, brochures): kept under content/documents/YYYY/
DOCUMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".ppt",
                     ".pptx", ".odp", ".csv", ".txt", ".zip", ".mp3")


def _image_suffix(data: bytes) -> str | None:
    """.jpg, .png… from the bytes themselves; None if they are not an image the web shows."""
    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture.verify()
            return _FORMATS.get(picture.format or "")
    except Exception:  # noqa: BLE001 — Pillow raises many kinds for a non-image
        return None


class _TryAgain(Exception):
    """A network error or a 5xx answer: worth another attempt."""


@dataclass
class Failure:
    url: str
    reason: str


@dataclass
class MediaStore:
    content_root: str
    site_url: str
    uploads: str | None = None
    download: bool = False
    timeout: float = 15.0
    attempts: int = 3
    known_hashes: dict[str, str] = field(default_factory=dict)  # sha256 -> relative path
    written: dict[str, str] = field(default_factory=dict)  # relative path -> sha256
    failures: list[Failure] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"stored": 0, "reused": 0})
    _resolved: dict[str, str | None] = field(default_factory=dict)
    _session: requests.Session | None = None

    def is_own(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        own = (urlsplit(self.site_url).hostname or "").removeprefix("www.")
        return not host or host == own

    def image(self, url: str, year: str) -> str | None:
        """The stored image's path relative to the content folder; None if it failed."""
        return self._once(url, year, "images")

    def document(self, url: str, year: str) -> str | None:
        """A linked file (PDF…) stored under documents/YYYY/; None if it failed."""
        suffix = os.path.splitext(urlsplit(url).path)[1].lower()
        if suffix not in DOCUMENT_SUFFIXES:
            return self.image(url, year) if suffix in (".jpg", ".jpeg", ".png", ".gif",
                                                       ".webp") else None
        return self._once(url, year, "documents")

    def _once(self, url: str, year: str, folder: str) -> str | None:
        url = url.strip()
        key = urlsplit(url).path if self.is_own(url) else url
        if key not in self._resolved:
            self._resolved[key] = self._store(url, year, folder)
        return self._resolved[key]

    def _store(self, url: str, year: str, folder: str) -> str | None:
        data, reason, found = None, "", url
        for candidate in self._candidates(url):
            data, reason = self._fetch(candidate)
            if data is not None:
                found = candidate
                break
        if data is None:
            self.failures.append(Failure(url, reason))
            return None
        if folder == "documents":
            suffix = os.path.splitext(urlsplit(found).path)[1].lower()
        else:
            suffix = _image_suffix(data)
        if suffix is None:
            self.failures.append(Failure(url, _("not a JPEG, PNG, GIF or WebP image")))
            return None
        digest = hashlib.sha256(data).hexdigest()
        if digest in self.known_hashes:
            self.counts["reused"] += 1
            return self.known_hashes[digest]
        uploaded = _UPLOADS.search(unquote(urlsplit(found).path))
        if uploaded and _YEAR.match(uploaded.group(1)):
            year = _YEAR.match(uploaded.group(1)).group(1)
        name = os.path.basename(unquote(urlsplit(found).path)) or "image"
        relative = self._free_name(f"{folder}/{year}", safe_file_name(name, suffix), digest)
        path = os.path.join(self.content_root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if not os.path.exists(path):
            with open(path, "wb") as file:
                file.write(data)
            self.counts["stored"] += 1
        else:
            self.counts["reused"] += 1
        self.known_hashes[digest] = relative
        self.written[relative] = digest
        return relative

    def _free_name(self, folder: str, name: str, digest: str) -> str:
        """images/YYYY/name, or name-2… if another file already has that name."""
        stem, suffix = os.path.splitext(name)
        for number in range(1, 1000):
            candidate = f"{folder}/{stem}{'' if number == 1 else f'-{number}'}{suffix}"
            path = os.path.join(self.content_root, candidate)
            if not os.path.exists(path):
                return candidate
            with open(path, "rb") as file:
                if hashlib.sha256(file.read()).hexdigest() == digest:
                    return candidate
        raise OSError(f"no free file name for {name} in {folder}")

    def year_of(self, url: str, default: str) -> str:
        uploaded = _UPLOADS.search(unquote(urlsplit(url).path))
        year = _YEAR.match(uploaded.group(1)) if uploaded else None
        return year.group(1) if year else default

    @staticmethod
    def _candidates(url: str) -> list[str]:
        """The full-size original first, then the resized copy the post showed."""
        path = urlsplit(url).path
        original = _SIZE_SUFFIX.sub("", path)
        return [url.replace(path, original, 1), url] if original != path else [url]

    def _fetch(self, url: str) -> tuple[bytes | None, str]:
        if self.uploads and self.is_own(url):
            found = _UPLOADS.search(unquote(urlsplit(url).path))
            if not found:
                return None, _("not under wp-content/uploads")
            path = os.path.join(self.uploads, found.group(1))
            # `uploads/../../x.pdf` in a post, or a link in the copy: never a file from
            # elsewhere on this machine (it would be published under documents/)
            root = os.path.realpath(self.uploads)
            if os.path.commonpath([root, os.path.realpath(path)]) != root:
                return None, _("outside the uploads folder (%(path)s)", path=path)
            if not os.path.isfile(path):
                return None, _("not found in the uploads folder (%(path)s)", path=path)
            with open(path, "rb") as file:
                return file.read(), ""
        if not self.download:
            return None, _("not downloaded: give --uploads DIR or --download")
        if not self.is_own(url):
            # Only the old site is asked: an export naming http://127.0.0.1:…, a cloud
            # metadata address or an intranet host would have this machine fetch it and
            # publish the answer.
            return None, _("on another site (%(host)s): not downloaded; save it by hand if "
                           "its licence allows", host=urlsplit(url).hostname)
        unsafe = _unsafe_host(urlsplit(self.site_url).hostname or "")
        if unsafe:
            return None, unsafe
        return self._download(urljoin(self.site_url + "/", url))

    def _download(self, url: str) -> tuple[bytes | None, str]:
        if self._session is None:
            self._session = requests.Session()
            self._session.headers["User-Agent"] = "globe-import (The Brussels Globe)"
        retrying = Retrying(stop=stop_after_attempt(self.attempts), reraise=True,
                            wait=wait_exponential(multiplier=0.2, max=2),
                            retry=retry_if_exception_type(_TryAgain))
        try:
            return retrying(self._get, url), ""
        except _TryAgain as error:
            return None, str(error)
        except requests.RequestException as error:
            return None, str(error) or type(error).__name__

    def _get(self, url: str) -> bytes:
        try:
            response = self._session.get(url, timeout=self.timeout, allow_redirects=False)
            for _hop in range(MOST_REDIRECTS):  # followed on the old site only
                if not response.is_redirect:
                    break
                url = urljoin(url, response.headers["Location"])
                if not self.is_own(url):
                    raise requests.HTTPError(_(
                        "redirected to another site (%(host)s): not downloaded",
                        host=urlsplit(url).hostname))
                response = self._session.get(url, timeout=self.timeout,
                                             allow_redirects=False)
        except (requests.ConnectionError, requests.Timeout) as error:
            raise _TryAgain(_("no answer within %(seconds)s s", seconds=self.timeout)
                            if isinstance(error, requests.Timeout) else
                            _("could not connect")) from None
        if response.status_code >= 500:
            raise _TryAgain(_("HTTP error %(status)s", status=response.status_code))
        if response.status_code != 200:
            raise requests.HTTPError(_("HTTP error %(status)s", status=response.status_code))
        return response.content


MOST_REDIRECTS = 5


def _unsafe_host(host: str) -> str:
    """Why the old site's host may not be asked, or "". The export names it: one naming a
    link-local address (a cloud's metadata service, 169.254.169.254) would have this
    machine fetch its credentials and publish them under documents/."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return ""  # not resolved: the download says it could not connect
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if ip.is_link_local or ip.is_multicast or ip.is_unspecified:
            return _("the old site's address %(host)s (%(ip)s) is not a web site's: "
                     "not downloaded", host=host, ip=address)
    return ""
