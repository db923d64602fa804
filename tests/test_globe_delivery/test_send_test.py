"""`globe newsletter send-test`: real proofs to a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import json

import pytest

from .smtp_server import (
    Inbox,
    SmtpServer,
    password_check,
    self_signed_certificate,
    server_tls_context,
)

NUMBER = "2026-13"


def smtp_env(monkeypatch, port, security="none", user="", password=""):
    monkeypatch.setenv("GLOBE_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("GLOBE_SMTP_PORT", str(port))
    monkeypatch.setenv("GLOBE_SMTP_SECURITY", security)
    monkeypatch.setenv("GLOBE_SMTP_USER", user)
    monkeypatch.setenv("GLOBE_SMTP_PASSWORD", password)


def built(output, lang):
    manifest = json.loads((output / "newsletter/editions.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["editions"] if e["number"] == NUMBER and e["lang"] == lang)
    return (entry, (output / entry["paths"]["html"]).read_text(encoding="utf-8"),
            (output / entry["paths"]["text"]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_proof_is_the_built_email_text_first_then_html_with_every_header(
        lang, sample_site, globe, monkeypatch):
    with SmtpServer() as server:
        smtp_env(monkeypatch, server.port)
        code, out, err = globe("newsletter", "send-test", NUMBER, "--lang", lang,
                               "--to", "editor@example.org", "--output", sample_site)
    assert code == 0, err
    assert "editor@example.org" in out
    [received] = server.inbox.received
    assert received.rcpt_tos == ["editor@example.org"]
    message = received.message
    entry, html, text = built(sample_site, lang)

    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert parts[0].get_content() == text
    assert parts[1].get_content() == html
    assert all(p.get_content_charset() == "utf-8" for p in parts)

    assert message["Subject"] == f"[TEST] {entry['subject']}"
    assert message["From"] == "The Brussels Globe <newsletter@international.brussels>"
    assert message["Reply-To"] == "info@international.brussels"
    assert message["To"] == "editor@example.org"
    assert message["Date"].datetime is not None
    assert message["Message-ID"].startswith("<") and "@international.brussels>" in \
        message["Message-ID"]
    assert message["Content-Language"] == lang
    prefix = "" if lang == "fr" else f"{lang}/"
    assert message["List-Unsubscribe"] == (
        f"<https://international.brussels/{prefix}subscribe/>, "
        "<mailto:unsubscribe@international.brussels?subject=unsubscribe>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_both_parts_carry_a_visible_unsubscribe_link(sample_site):
    for lang, word in (("fr", "Se désabonner"), ("nl", "Uitschrijven"), ("en", "Unsubscribe")):
        _entry, html, text = built(sample_site, lang)
        assert "{{ UnsubscribeURL }}" in text and word in text
        assert 'href="{{ UnsubscribeURL }}"' in html and word in html


def test_several_recipients_each_get_the_proof(sample_site, globe, monkeypatch):
    with SmtpServer() as server:
        smtp_env(monkeypatch, server.port)
        code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                                "--to", "a@example.org", "--to", "b@example.org",
                                "--output", sample_site)
    assert code == 0, err
    [received] = server.inbox.received
    assert received.rcpt_tos == ["a@example.org", "b@example.org"]


def test_a_rejected_recipient_is_named_the_others_still_receive_it(
        sample_site, globe, monkeypatch):
    inbox = Inbox(reject={"gone@example.org"})
    with SmtpServer(inbox) as server:
        smtp_env(monkeypatch, server.port)
        code, out, err = globe("newsletter", "send-test", NUMBER, "--lang", "en",
                               "--to", "a@example.org", "--to", "gone@example.org",
                               "--to", "b@example.org", "--output", sample_site)
    assert code == 1
    [received] = inbox.received
    assert received.rcpt_tos == ["a@example.org", "b@example.org"]
    assert "sent to a@example.org" in out and "sent to b@example.org" in out
    assert "NOT sent to gone@example.org" in err and "550" in err
    assert "2 of 3 recipient(s)" in err


def test_every_recipient_rejected_exits_non_zero(sample_site, globe, monkeypatch):
    inbox = Inbox(reject={"gone@example.org"})
    with SmtpServer(inbox) as server:
        smtp_env(monkeypatch, server.port)
        code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "en",
                                "--to", "gone@example.org", "--output", sample_site)
    assert code == 1 and not inbox.received
    assert "NOT sent to gone@example.org" in err and "0 of 1" in err


def test_refused_connection_names_host_and_port(sample_site, globe, monkeypatch):
    with SmtpServer() as server:
        port = server.port
    smtp_env(monkeypatch, port)  # the server is stopped: nothing listens there any more
    code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                            "--to", "a@example.org", "--output", sample_site)
    assert code == 1
    assert f"127.0.0.1:{port} refused the connection" in err
    assert "GLOBE_SMTP_HOST" in err and "Traceback" not in err


@pytest.fixture
def certificate(tmp_path):
    return self_signed_certificate(tmp_path)


def test_starttls_with_login_delivers(sample_site, globe, monkeypatch, certificate):
    cert, key = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts this test's certificate
    with SmtpServer(tls_context=server_tls_context(cert, key), require_starttls=True,
                    authenticator=password_check("proofs", "s3cret"),
                    auth_require_tls=True) as server:
        smtp_env(monkeypatch, server.port, "starttls", "proofs", "s3cret")
        code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "nl",
                                "--to", "a@example.org", "--output", sample_site)
    assert code == 0, err
    [received] = server.inbox.received
    assert received.message["Content-Language"] == "nl"


def test_starttls_with_an_untrusted_certificate_is_a_tls_failure(
        sample_site, globe, monkeypatch, certificate):
    cert, key = certificate
    with SmtpServer(tls_context=server_tls_context(cert, key), require_starttls=True) as server:
        smtp_env(monkeypatch, server.port, "starttls")
        code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                                "--to", "a@example.org", "--output", sample_site)
    assert code == 1 and not server.inbox.received
    assert "TLS with the SMTP server" in err and "certificate" in err


def test_starttls_asked_of_a_server_without_it(sample_site, globe, monkeypatch):
    with SmtpServer() as server:
        smtp_env(monkeypatch, server.port, "starttls")
        code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                                "--to", "a@example.org", "--output", sample_site)
    assert code == 1 and not server.inbox.received
    assert "does not offer STARTTLS" in err


def test_bad_credentials_are_named(sample_site, globe, monkeypatch, certificate):
    cert, key = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    with SmtpServer(tls_context=server_tls_context(cert, key), require_starttls=True,
                    authenticator=password_check("proofs", "s3cret")) as server:
        smtp_env(monkeypatch, server.port, "starttls", "proofs", "wrong")
        code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                                "--to", "a@example.org", "--output", sample_site)
    assert code == 1 and not server.inbox.received
    assert "refused the login of proofs" in err and "535" in err
    assert "GLOBE_SMTP_PASSWORD" in err


def test_a_development_build_is_refused_unless_asked(dev_site, globe, monkeypatch):
    with SmtpServer() as server:
        smtp_env(monkeypatch, server.port)
        code, _out, err = globe("newsletter", "send-test", "2021-15", "--lang", "fr",
                                "--to", "a@example.org", "--output", dev_site)
        assert code == 1 and not server.inbox.received
        assert "http://127.0.0.1:8000" in err and "make publish" in err
        code, _out, err = globe("newsletter", "send-test", "2021-15", "--lang", "fr",
                                "--to", "a@example.org", "--output", dev_site,
                                "--allow-dev-build")
    assert code == 0, err
    assert len(server.inbox.received) == 1


@pytest.mark.parametrize(("number", "lang", "expected"), [
    ("2026-99", "fr", "edition 2026-99 (fr) is not in the build"),
    ("2021-13", "en", "edition 2021-13 was not built in `en`"),
])
def test_unknown_edition_or_language(number, lang, expected, sample_site, globe, monkeypatch):
    smtp_env(monkeypatch, 1)
    code, _out, err = globe("newsletter", "send-test", number, "--lang", lang,
                            "--to", "a@example.org", "--output", sample_site)
    assert code == 1
    assert expected in err and "Traceback" not in err


def test_nothing_built(tmp_path, globe, monkeypatch):
    smtp_env(monkeypatch, 1)
    code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                            "--to", "a@example.org", "--output", tmp_path)
    assert code == 1
    assert "no newsletter has been built" in err and "make publish" in err


def test_missing_smtp_settings_are_named(sample_site, globe, monkeypatch):
    monkeypatch.delenv("GLOBE_SMTP_HOST", raising=False)
    code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                            "--to", "a@example.org", "--output", sample_site)
    assert code == 1 and "GLOBE_SMTP_HOST is not set" in err


def test_a_malformed_address_is_a_usage_error(sample_site, globe):
    with pytest.raises(SystemExit) as stopped:
        globe("newsletter", "send-test", NUMBER, "--lang", "fr", "--to", "not-an-address",
              "--output", sample_site)
    assert stopped.value.code == 2


def test_implicit_tls_delivers(sample_site, globe, monkeypatch, certificate):
    cert, key = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    with SmtpServer(server_hostname="127.0.0.1",
                    ssl_context=server_tls_context(cert, key)) as server:
        smtp_env(monkeypatch, server.port, "tls")
        code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "en",
                                "--to", "a@example.org", "--output", sample_site)
    assert code == 0, err
    assert len(server.inbox.received) == 1


@pytest.mark.parametrize(("variable", "value", "expected"), [
    ("GLOBE_SMTP_SECURITY", "ssl", "GLOBE_SMTP_SECURITY is `ssl`"),
    ("GLOBE_SMTP_PORT", "smtp", "GLOBE_SMTP_PORT is `smtp`"),
    ("GLOBE_SMTP_PASSWORD", "", "GLOBE_SMTP_USER is set but GLOBE_SMTP_PASSWORD is not"),
])
def test_wrong_smtp_settings_are_named(variable, value, expected, sample_site, globe,
                                       monkeypatch):
    smtp_env(monkeypatch, 2525, "starttls", "proofs", "s3cret")
    monkeypatch.setenv(variable, value)
    code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                            "--to", "a@example.org", "--output", sample_site)
    assert code == 1 and expected in err
