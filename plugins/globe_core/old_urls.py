"""Old addresses as written in `Old_urls`, reduced to what a server can match on.

WordPress with WPML answers the same article at `/2019/05/visite/?lang=nl`, at
`/?p=123&lang=nl` and (pages) `/?page_id=7`: the path plus the `lang`, `p` and `page_id`
query parameters identify a page; any other parameter (utm_source…) does not, and an old
address that needs one cannot be redirected, so it is refused.

The host of a full address (`https://www.example.org/2019/05/visite/`) is not compared
with the site's: the old site may have had another name (www., an older domain) that now
leads here. Only the path and query are redirected, so an entry must be an address such a
site served: http or https, a host name, no user name; a path no request can carry (`..`,
`\\`), or one the web server keeps to itself (`/.htaccess`, `/.well-known/…`), is refused.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from .messages import _

QUERY_KEYS = ("lang", "p", "page_id")
_SEPARATORS = re.compile(r"[\s,]+")
# A host name: labels of letters (any script: an IDN as typed), digits and inner hyphens
_LABEL = r"[^\W_](?:(?:[^\W_]|-)*[^\W_])?"
_HOST_NAME = re.compile(rf"(?:{_LABEL}\.)*{_LABEL}\.?")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_QUERY_VALUE = re.compile(r"[A-Za-z0-9_-]*")


class OldUrlError(ValueError):
    """An `Old_urls` entry that cannot be redirected; the message says why, `fix` how to
    write it (empty: the general advice of whoever reports it)."""

    def __init__(self, message: str, fix: str = ""):
        super().__init__(message)
        self.fix = fix


@dataclass(frozen=True, order=True)
class OldUrl:
    path: str
    lang: str = ""
    p: str = ""
    page_id: str = ""

    @property
    def has_query(self) -> bool:
        return bool(self.lang or self.p or self.page_id)

    def nginx_key(self) -> str:
        """As the server's map builds it from `$uri` and the three arguments."""
        return f"{self.path}?lang={self.lang}&p={self.p}&page_id={self.page_id}"

    def __str__(self) -> str:
        query = "&".join(f"{key}={getattr(self, key)}" for key in QUERY_KEYS
                         if getattr(self, key))
        return self.path + (f"?{query}" if query else "")

    def variants(self) -> list[OldUrl]:
        """With and without the final slash, as WordPress answered both (and `/index.php`
        for the root, where its short links `/?p=123` also worked)."""
        if self.path == "/":
            return [self, OldUrl("/index.php", self.lang, self.p, self.page_id)]
        if re.search(r"\.[a-z0-9]{2,5}$", self.path):
            return [self]
        other = self.path[:-1] if self.path.endswith("/") else self.path + "/"
        return [self, OldUrl(other, self.lang, self.p, self.page_id)]


def parse_old_url(text: str) -> OldUrl:
    """`/2019/05/visite/?lang=nl`, or the same with `http(s)://host` in front."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port  # a port that is not a number, or past 65535, raises
    except ValueError:  # `http://[/x`: an unclosed IPv6 host stopped the build
        raise OldUrlError(_("`%(url)s` is not a web address", url=text)) from None
    if parts.scheme or parts.netloc:
        _check_site(text, parts, port)
    elif not text.startswith("/"):
        raise OldUrlError(_("`%(url)s` does not start with /", url=text))
    query = parse_qs(parts.query, keep_blank_values=True)
    others = sorted(set(query) - set(QUERY_KEYS))
    if others:
        raise OldUrlError(_("`%(url)s`: a server cannot redirect on `%(names)s`",
                            url=text, names=", ".join(others)))
    values = [query.get(key, [""])[0].strip() for key in QUERY_KEYS]
    if not all(_QUERY_VALUE.fullmatch(value) for value in values):
        # WordPress's were `nl`, `pt-br`, `123`; nginx matches the value as sent, encoded
        raise OldUrlError(_("`%(url)s` is not a web address", url=text))
    try:  # `%E9`: a Latin-1 `é`, which no request to WordPress (UTF-8) carried
        path = re.sub(r"/{2,}", "/", unquote(parts.path, errors="strict") or "/")
    except UnicodeDecodeError:
        raise OldUrlError(_("`%(url)s` is not a web address", url=text)) from None
    _check_path(text, path)
    if path in ("/index.php",):
        path = "/"
    return OldUrl(path, *values)


def _check_site(text: str, parts, port: int | None) -> None:
    """What comes before the path: an address of a web site, as its visitors typed it."""
    if not parts.scheme:  # `//2019/05/visit/` would name a site `2019`
        raise OldUrlError(_("`%(url)s` starts with //, which names another site", url=text),
                          _("start the path with a single /, e.g. /2019/05/visit/"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise OldUrlError(_("`%(url)s` is not a web address", url=text))
    if "@" in parts.netloc:  # `http://international.brussels@elsewhere.example/`
        raise OldUrlError(_("`%(url)s` has a user name before its host, which no address "
                            "of the old site had", url=text))
    if not _HOST_NAME.fullmatch(parts.hostname or "") or port == 0:
        raise OldUrlError(_("`%(url)s` is not a web address", url=text))


def _check_path(text: str, path: str) -> None:
    """A path that some request carries, to a page rather than to the server's files."""
    control = _CONTROL.search(path)
    if control:  # `%00`, `%0A`: in no page's address; no file or map line can hold them
        raise OldUrlError(
            _("`%(url)s` writes a control character in its path (%(code)s)", url=text,
              code=f"U+{ord(control.group()):04X}"),
            _("remove it from Old_urls: no page of the old site had such an address"))
    if "\\" in path:  # browsers send `/` for it: the entry would never match
        raise OldUrlError(_("`%(url)s` has a \\ in its path, which browsers send as /",
                            url=text), _("write / instead of \\"))
    for segment in path.split("/"):
        if segment in (".", ".."):
            # browsers and nginx resolve `/a/../b` before asking: the entry would never match
            raise OldUrlError(_("`%(url)s` has `.` or `..` in its path, which no request "
                                "carries", url=text))
        if segment.startswith("."):
            # `.htaccess`, `.well-known/`, `.git/`: the server's, never a page's; a redirect
            # page there would be a hidden folder in the site
            raise OldUrlError(
                _("`%(url)s` has a name starting with a dot (`%(name)s`), which the web "
                  "server keeps to itself", url=text, name=segment),
                _("remove it from Old_urls: no page of the old site had such an address"))


def site_folder_of(path: str, folders: Collection[str], languages: Collection[str]
                   ) -> str | None:
    """The folder of the site's own that `path` lies in (`/pagefind/`, `/nl/search/`), or
    the home page of a language (`/nl/`); None for any other path (`/nl/2019/05/x/`)."""
    parts = [part for part in path.split("/") if part]
    prefix = "/"
    if parts and parts[0] in languages:
        prefix, parts = f"/{parts[0]}/", parts[1:]
        if not parts:
            return prefix
    if parts and parts[0] in folders:
        return f"{prefix}{parts[0]}/"
    return None


def split_old_urls(value: str) -> list[str]:
    """The entries of one `Old_urls:` line: separated by spaces or commas."""
    return [entry for entry in _SEPARATORS.split(value or "") if entry]
