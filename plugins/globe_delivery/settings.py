"""Delivery settings: the public ones from GlobeSettings, servers from the environment.

Addresses and list identifiers are public and are declared in globe_core/settings.py;
server addresses and credentials come from the environment only, so they never land in the
repository.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from globe_core.messages import _
from globe_core.settings import GlobeSettings

from .errors import DeliveryError

SECURITY_MODES = ("none", "starttls", "tls")


@dataclass(frozen=True)
class Sender:
    """Who a newsletter comes from, as the settings say."""

    from_address: str
    reply_to: str
    unsubscribe_mailto: str
    unsubscribe_url: str  # format string: {siteurl}, {lang_prefix}

    @classmethod
    def of(cls, globe: GlobeSettings) -> Sender:
        return cls(globe.newsletter_from, globe.newsletter_reply_to,
                   globe.newsletter_unsubscribe_mailto, globe.newsletter_proof_unsubscribe_url)


def _required(env, name: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        raise DeliveryError(_("%(name)s is not set", name=name),
                            _("set it in the environment (never in a committed file)"))
    return value


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    user: str
    password: str
    security: str

    @classmethod
    def from_env(cls, env=None) -> SmtpConfig:
        env = os.environ if env is None else env
        host = _required(env, "GLOBE_SMTP_HOST")
        security = env.get("GLOBE_SMTP_SECURITY", "starttls").strip().lower() or "starttls"
        if security not in SECURITY_MODES:
            raise DeliveryError(_("GLOBE_SMTP_SECURITY is `%(value)s`", value=security),
                                _("use one of: %(values)s", values=", ".join(SECURITY_MODES)))
        default_port = {"none": "25", "starttls": "587", "tls": "465"}[security]
        port = env.get("GLOBE_SMTP_PORT", "").strip() or default_port
        if not (port.isascii() and port.isdigit()) or not 0 < int(port) < 65536:
            raise DeliveryError(_("GLOBE_SMTP_PORT is `%(value)s`", value=port),
                                _("give a port number, e.g. 587"))
        user = env.get("GLOBE_SMTP_USER", "").strip()
        password = env.get("GLOBE_SMTP_PASSWORD", "")
        if user and not password:
            raise DeliveryError(_("GLOBE_SMTP_USER is set but GLOBE_SMTP_PASSWORD is not"),
                                _("set both, or neither for a server without login"))
        return cls(host, int(port), user, password, security)


@dataclass(frozen=True)
class ListmonkConfig:
    url: str  # listmonk's root address, without /api
    user: str
    token: str
    timeout: float = 30.0  # seconds to wait for each answer

    @classmethod
    def from_env(cls, env=None) -> ListmonkConfig:
        env = os.environ if env is None else env
        url = _required(env, "GLOBE_LISTMONK_URL").rstrip("/")
        if not _is_web_address(url):
            raise DeliveryError(_("GLOBE_LISTMONK_URL is `%(value)s`", value=url),
                                _("give listmonk's address, e.g. https://newsletter.example.org"))
        timeout = env.get("GLOBE_LISTMONK_TIMEOUT", "").strip() or "30"
        try:
            seconds = float(timeout)
        except ValueError:
            seconds = 0
        if not (math.isfinite(seconds) and 0 < seconds <= MOST_SECONDS):  # nan, inf: no wait
            raise DeliveryError(_("GLOBE_LISTMONK_TIMEOUT is `%(value)s`", value=timeout),
                                _("give a number of seconds, e.g. 30"))
        return cls(url, _credential(env, "GLOBE_LISTMONK_USER"),
                   _credential(env, "GLOBE_LISTMONK_TOKEN"), seconds)


MOST_SECONDS = 3600
_HOST = re.compile(r"[A-Za-z0-9._-]+|[0-9A-Fa-f:.]+")  # a name, IPv4, or IPv6 (unbracketed)


def _is_web_address(url: str) -> bool:
    """http(s)://host[:port][/path], the host a name or an IP address, the port a port."""
    if any(c.isspace() or ord(c) < 32 for c in url):
        return False
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError for a port that is no number or out of range
    except ValueError:  # e.g. `http://[::1`
        return False
    return (parts.scheme in ("http", "https") and bool(parts.hostname)
            and bool(_HOST.fullmatch(parts.hostname)) and port != 0)


def _credential(env, name: str) -> str:
    """A user name or token: it goes into an HTTP header, one line without spaces."""
    value = _required(env, name)
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in value):
        raise DeliveryError(_("%(name)s contains a space, a line break or another control "
                              "character", name=name),
                            _("copy it again from listmonk (Admin → Users)"))
    return value
