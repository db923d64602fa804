"""Old addresses as written in `Old_urls`, reduced to what a server can match on.

WordPress with WPML answers the same article at `/2019/05/visite/?lang=nl`, at
`/?p=123&lang=nl` and (pages) `/?page_id=7`: the path plus the `lang`, `p` and `page_id`
query parameters identify a page; any other parameter (utm_source…) does not, and an old
address that needs one cannot be redirected, so it is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from .messages import _

QUERY_KEYS = ("lang", "p", "page_id")
_SEPARATORS = re.compile(r"[\s,]+")


class OldUrlError(ValueError):
    """An `Old_urls` entry that cannot be redirected; the message says why."""


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
    except ValueError:  # `http://[/x`: an unclosed IPv6 host stopped the build
        raise OldUrlError(_("`%(url)s` is not a web address", url=text)) from None
    if parts.scheme and parts.scheme not in ("http", "https"):
        raise OldUrlError(_("`%(url)s` is not a web address", url=text))
    if not parts.scheme and not text.startswith("/"):
        raise OldUrlError(_("`%(url)s` does not start with /", url=text))
    query = parse_qs(parts.query, keep_blank_values=True)
    others = sorted(set(query) - set(QUERY_KEYS))
    if others:
        raise OldUrlError(_("`%(url)s`: a server cannot redirect on `%(names)s`",
                            url=text, names=", ".join(others)))
    path = re.sub(r"/{2,}", "/", unquote(parts.path) or "/")
    if any(segment in (".", "..") for segment in path.split("/")):
        # browsers and nginx resolve `/a/../b` before asking: the entry would never match
        raise OldUrlError(_("`%(url)s` has `.` or `..` in its path, which no request "
                            "carries", url=text))
    if path in ("/index.php",):
        path = "/"
    return OldUrl(path, *(query.get(key, [""])[0].strip() for key in QUERY_KEYS))


def split_old_urls(value: str) -> list[str]:
    """The entries of one `Old_urls:` line: separated by spaces or commas."""
    return [entry for entry in _SEPARATORS.split(value or "") if entry]
