"""send-test with hostile recipients, SMTP settings and a tampered build: a clear error,
no traceback, nothing sent to anyone not typed, nothing read from outside the build."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from .smtp_server import SmtpServer
from .test_send_test import NUMBER, smtp_env

MANIFEST = "newsletter/editions.json"


@pytest.mark.parametrize("address", [
    "a@example.org\r\nBcc: evil@example.net", "a@example.org, evil@example.net",
    "a@example.org;evil@example.net", "@example.org", "<a@example.org>", "a@@example.org",
    "A <a@example.org>", "a@example.org\x85x", "a@example.org\u2028x", "a\x00@example.org",
    "a@example", "a@-example.org", "a@" + "b" * 64 + ".org", "a" * 65 + "@example.org",
    "jé@example.org", '"a b"@example.org', "a..b@example.org"])
def test_a_recipient_that_is_not_one_plain_address_is_a_usage_error(
        address, sample_site, globe, monkeypatch, capsys):
    with SmtpServer() as server, pytest.raises(SystemExit) as stopped:
        smtp_env(monkeypatch, server.port)
        globe("newsletter", "send-test", NUMBER, "--lang", "fr", "--to", address,
              "--output", sample_site)
    err = capsys.readouterr().err
    assert stopped.value.code == 2, err
    assert "is not an email address" in err and "Traceback" not in err
    assert server.inbox.received == []


def test_an_international_domain_is_sent_to_in_its_ascii_form(sample_site, globe,
                                                              monkeypatch):
    with SmtpServer() as server:
        smtp_env(monkeypatch, server.port)
        code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                                "--to", "Editor@Exämple.org", "--output", sample_site)
    assert code == 0, err
    assert server.inbox.received[0].rcpt_tos == ["Editor@xn--exmple-cua.org"]


@pytest.mark.parametrize(("variable", "value", "expected"), [
    ("GLOBE_SMTP_HOST", "a" * 300, "is unknown"),
    ("GLOBE_SMTP_PORT", "\N{ARABIC-INDIC DIGIT THREE}", "GLOBE_SMTP_PORT"),
])
def test_smtp_settings_that_are_no_host_or_port_are_named(variable, value, expected,
                                                          sample_site, globe, monkeypatch):
    smtp_env(monkeypatch, 2525)
    monkeypatch.setenv(variable, value)
    code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                            "--to", "a@example.org", "--output", sample_site)
    assert code == 1 and expected in err and "Traceback" not in err


def _edit_manifest(change):
    def edit(output):
        path = output / MANIFEST
        manifest = json.loads(path.read_text(encoding="utf-8"))
        change(manifest)
        path.write_text(json.dumps(manifest), encoding="utf-8")
    return edit


def _entry(manifest):
    return next(e for e in manifest["editions"] if e["number"] == NUMBER and e["lang"] == "fr")


def _link_email_to(target):
    def edit(output):
        manifest = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
        html = output / _entry(manifest)["paths"]["html"]
        html.unlink()
        html.symlink_to(target)
    return edit


def _write(relative, data: bytes):
    def edit(output):
        (output / relative).write_bytes(data)
    return edit


TAMPERED = {
    "a list": _write(MANIFEST, b"[]"),
    "null": _write(MANIFEST, b"null"),
    "no editions": _write(MANIFEST, b'{"siteurl": "https://x.org"}'),
    "editions a string": _write(MANIFEST, b'{"siteurl": "https://x.org", "editions": "x"}'),
    "nested too deep": _write(MANIFEST, b"[" * 100_000 + b"]" * 100_000),
    "no paths": _edit_manifest(lambda m: _entry(m).pop("paths")),
    "no subject": _edit_manifest(lambda m: _entry(m).pop("subject")),
    "a number as path": _edit_manifest(lambda m: _entry(m)["paths"].update(html=5)),
    "a number as siteurl": _edit_manifest(lambda m: m.update(siteurl=5)),
    "a line break in the subject": _edit_manifest(
        lambda m: _entry(m).update(subject="Hello\r\nBcc: evil@example.net")),
    "an absolute path": _edit_manifest(lambda m: _entry(m)["paths"].update(html="/etc/passwd")),
    "a path up and out": _edit_manifest(
        lambda m: _entry(m)["paths"].update(text="../" * 12 + "etc/passwd")),
    "email.html linked out": _link_email_to("/etc/passwd"),
    "email.html not UTF-8": _edit_manifest(lambda m: None),  # replaced below
}


@pytest.fixture
def tampered_copy(sample_site, tmp_path):
    def make(name):
        output = tmp_path / "output"
        shutil.copytree(sample_site, output, symlinks=True)
        if name == "email.html not UTF-8":
            manifest = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
            (output / _entry(manifest)["paths"]["html"]).write_bytes(b"\xff\xfe<p>x</p>")
        else:
            TAMPERED[name](output)
        return output
    return make


@pytest.mark.parametrize("name", list(TAMPERED))
def test_a_tampered_build_is_refused_and_nothing_is_sent(name, tampered_copy, globe,
                                                         monkeypatch):
    output = tampered_copy(name)
    with SmtpServer() as server:
        smtp_env(monkeypatch, server.port)
        code, _out, err = globe("newsletter", "send-test", NUMBER, "--lang", "fr",
                                "--to", "a@example.org", "--output", output)
    assert code == 1, err
    assert "Traceback" not in err and "make publish" in err
    assert server.inbox.received == []
    assert os.path.isdir(output)
