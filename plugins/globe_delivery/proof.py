"""Proofs: the built email, exactly as built, sent over SMTP to a few people."""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from globe_core.messages import _

from .built import BuiltEmail
from .errors import DeliveryError
from .settings import Sender, SmtpConfig

TIMEOUT = 30  # seconds, per SMTP operation


def proof_message(email: BuiltEmail, sender: Sender, recipients: list[str]) -> EmailMessage:
    """multipart/alternative: the plain text first, then the HTML (RFC 2046: the last part
    is the preferred one), with the headers a real campaign carries."""
    message = EmailMessage()
    message["From"] = sender.from_address
    message["Reply-To"] = sender.reply_to
    message["To"] = ", ".join(recipients)
    message["Subject"] = f"[TEST] {email.subject}"
    message["Date"] = formatdate(localtime=True)
    domain = parseaddr(sender.from_address)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    https = sender.unsubscribe_url.format(siteurl=email.siteurl, lang_prefix=email.lang_prefix)
    message["List-Unsubscribe"] = (f"<{https}>, "
                                   f"<mailto:{sender.unsubscribe_mailto}?subject=unsubscribe>")
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    # Base64 carries the files byte for byte (no re-wrapping, no added line end).
    utf8 = {"charset": "utf-8"}
    message.set_content(email.text.encode("utf-8"), maintype="text", subtype="plain",
                        cte="base64", params=utf8)
    message.add_alternative(email.html.encode("utf-8"), maintype="text", subtype="html",
                            cte="base64", params=utf8)
    message["Content-Language"] = email.lang  # after set_content, which clears Content-*
    return message


@dataclass
class SendReport:
    delivered: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # address → the server's answer


def _answer(code: int, text: bytes | str) -> str:
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {text}".strip()


def send_proof(message: EmailMessage, recipients: list[str], config: SmtpConfig,
               timeout: float = TIMEOUT) -> SendReport:
    """Send to every recipient the server accepts; the others are listed, not fatal."""
    where = f"{config.host}:{config.port}"
    tls = ssl.create_default_context()
    try:
        if config.security == "tls":
            client = smtplib.SMTP_SSL(config.host, config.port, timeout=timeout, context=tls)
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=timeout)
        with client:
            if config.security == "starttls":
                client.ehlo()
                if not client.has_extn("starttls"):
                    raise DeliveryError(
                        _("the SMTP server %(where)s does not offer STARTTLS", where=where),
                        _("check GLOBE_SMTP_PORT, or set GLOBE_SMTP_SECURITY=tls for a "
                          "server that starts with TLS"))
                client.starttls(context=tls)
                client.ehlo()
            if config.user:
                client.login(config.user, config.password)
            refused = client.send_message(message, to_addrs=recipients)
    except DeliveryError:
        raise
    except ConnectionRefusedError as error:
        raise DeliveryError(_("the SMTP server %(where)s refused the connection", where=where),
                            _("check GLOBE_SMTP_HOST and GLOBE_SMTP_PORT, and that the "
                              "server is running")) from error
    except (socket.gaierror, UnicodeError) as error:  # UnicodeError: not a host name at all
        raise DeliveryError(_("the SMTP server name %(host)s is unknown", host=config.host),
                            _("check GLOBE_SMTP_HOST")) from error
    except ssl.SSLError as error:
        raise DeliveryError(_("TLS with the SMTP server %(where)s failed: %(error)s",
                              where=where, error=getattr(error, "verify_message", None)
                              or error.reason or error),
                            _("check GLOBE_SMTP_SECURITY (none, starttls or tls) and the "
                              "server's certificate")) from error
    except smtplib.SMTPAuthenticationError as error:
        raise DeliveryError(_("the SMTP server refused the login of %(user)s (%(answer)s)",
                              user=config.user, answer=_answer(error.smtp_code,
                                                               error.smtp_error)),
                            _("check GLOBE_SMTP_USER and GLOBE_SMTP_PASSWORD")) from error
    except smtplib.SMTPNotSupportedError as error:
        raise DeliveryError(_("the SMTP server %(where)s does not accept a login here",
                              where=where),
                            _("use GLOBE_SMTP_SECURITY=starttls or tls, or leave "
                              "GLOBE_SMTP_USER empty")) from error
    except smtplib.SMTPSenderRefused as error:
        raise DeliveryError(_("the SMTP server refused the sender %(sender)s (%(answer)s)",
                              sender=error.sender, answer=_answer(error.smtp_code,
                                                                  error.smtp_error)),
                            _("check GLOBE_NEWSLETTER_FROM, or allow this sender on the "
                              "server")) from error
    except smtplib.SMTPRecipientsRefused as error:
        return SendReport([], {address: _answer(*answer)
                               for address, answer in error.recipients.items()})
    except (smtplib.SMTPException, TimeoutError, OSError) as error:
        raise DeliveryError(_("sending through %(where)s failed: %(error)s", where=where,
                              error=error),
                            _("check the GLOBE_SMTP_* settings and try again")) from error
    return SendReport([a for a in recipients if a not in refused],
                      {address: _answer(*answer) for address, answer in refused.items()})


# An address as a proof's recipient is typed: dot-atom@host.name (RFC 5321), no display
# name, no comment, no quoting, nothing that could end a header or name a second recipient.
_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def valid_address(value: str) -> str:
    """argparse type: one email address, its domain in ASCII (an IDN as `xn--…`);
    ValueError for anything else."""
    local, at, domain = value.strip().rpartition("@")
    if not at or not _LOCAL_PART.fullmatch(local) or len(local) > 64:
        raise ValueError(value)
    try:
        domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError as error:  # a label too long or not allowed in a domain name
        raise ValueError(value) from error
    labels = domain.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        raise ValueError(value)
    address = f"{local}@{domain.lower()}"
    if len(address) > 254:
        raise ValueError(value)
    return address
