"""The site's nginx configuration (deploy/nginx/), served by Debian's nginx over a deployed
production build: headers, caching, types, compression, 404 pages, redirects, deploys."""

from __future__ import annotations

import gzip
import re
import shlex
import subprocess
import time
from pathlib import Path

import pytest
import requests
from nginx_server import (
    SITE_FILE,
    SNIPPETS,
    nginx_command,
    outer_config,
    prepare,
    serve,
)
from support import ROOT, free_port

from globe import build as builds
from globe import releases
from globe_core.settings import GlobeSettings

SECURITY_HEADERS = ("Content-Security-Policy", "Strict-Transport-Security",
                    "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy")


def get(site, path, **kwargs):
    return requests.get(site.url + path, allow_redirects=False, timeout=10, **kwargs)


def csp_directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def theme_asset(site, kind: str) -> str:
    pattern = {"css": r'href="[^"]*(/theme/css/site\.[0-9a-f]{10}\.css)"',
               "js": r'src="[^"]*(/theme/js/embed\.[0-9a-f]{10}\.js)"'}[kind]
    for page in sorted(site.built.rglob("index.html")):
        found = re.search(pattern, page.read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    raise AssertionError(f"no fingerprinted {kind} link in the build")


def test_pages_carry_every_security_header(nginx_site):
    for path in ("/", "/nl/", "/archives/", "/feeds/all.atom.xml", "/missing/"):
        response = get(nginx_site, path)
        missing = [h for h in SECURITY_HEADERS if h not in response.headers]
        assert not missing, f"{path} lacks {missing}"
    headers = get(nginx_site, "/").headers
    csp = csp_directives(headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "nginx/" not in headers.get("Server", "")  # no version given away


def test_the_csp_lets_the_form_post_to_the_subscription_endpoint_of_the_settings(nginx_site):
    public = GlobeSettings.of(builds.load_settings(production=True)).listmonk_public_url
    endpoint = public.rstrip("/") + "/subscription/form"  # listmonk's public form
    csp = csp_directives(get(nginx_site, "/").headers["Content-Security-Policy"])
    assert csp["form-action"] == ["'self'", endpoint]


def test_the_csp_allows_the_frames_of_every_embed_the_site_has(nginx_site):
    csp = csp_directives(get(nginx_site, "/").headers["Content-Security-Policy"])
    sources = set()
    for page in nginx_site.built.rglob("index.html"):
        sources |= set(re.findall(r'<iframe[^>]* src="(https://[^/"]+)', page.read_text()))
    assert sources, "the sample site has no embed"
    assert sources <= set(csp["frame-src"]), sources - set(csp["frame-src"])


def test_fingerprinted_assets_are_cached_a_year_and_html_briefly(nginx_site):
    for kind, content_type in (("css", "text/css"), ("js", "application/javascript")):
        response = get(nginx_site, theme_asset(nginx_site, kind))
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith(content_type)
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        # the location that sets the long cache still sends the security headers
        assert all(h in response.headers for h in SECURITY_HEADERS)
    html = get(nginx_site, "/")
    assert html.headers["Cache-Control"] == "public, max-age=300, must-revalidate"
    assert get(nginx_site, "/theme/css/site.css").status_code == 404  # only hashed names
    image = get(nginx_site, "/theme/images/favicon.svg")
    assert image.headers["Cache-Control"] == "public, max-age=86400"


@pytest.mark.parametrize("path, content_type", [
    ("/", "text/html; charset=utf-8"),
    ("/feeds/all.atom.xml", "application/atom+xml; charset=utf-8"),
    ("/nl/feeds/all.atom.xml", "application/atom+xml; charset=utf-8"),
    ("/sitemap.xml", "text/xml; charset=utf-8"),
    ("/newsletter/editions.json", "application/json; charset=utf-8"),
    ("/theme/images/favicon.svg", "image/svg+xml; charset=utf-8"),
    ("/theme/images/share.png", "image/png"),
    ("/robots.txt", "text/plain; charset=utf-8"),
])
def test_content_types(nginx_site, path, content_type):
    response = get(nginx_site, path)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type


def test_text_is_sent_compressed_and_prebuilt_gz_files_are_used_as_they_are(nginx_site):
    for path in ("/", theme_asset(nginx_site, "css"), "/feeds/all.atom.xml"):
        response = get(nginx_site, path, headers={"Accept-Encoding": "gzip"})
        assert response.headers.get("Content-Encoding") == "gzip", path
        assert "Accept-Encoding" in response.headers.get("Vary", "")
    # gzip_static: the bytes on the wire are exactly the .gz file the build wrote
    css = theme_asset(nginx_site, "css")
    response = get(nginx_site, css, headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = response.raw.read(decode_content=False)
    built = nginx_site.root / css.lstrip("/")
    assert raw == built.with_name(built.name + ".gz").read_bytes()
    assert gzip.decompress(raw) == built.read_bytes()
    # pages are compressed as they are served: no second file, the same bytes unpacked
    assert not (nginx_site.root / "index.html.gz").exists()
    response = get(nginx_site, "/", headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = response.raw.read(decode_content=False)
    assert gzip.decompress(raw) == (nginx_site.root / "index.html").read_bytes()
    plain = get(nginx_site, "/", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers


def test_the_search_index_made_beside_the_build_is_compressed_too(nginx_site):
    # Pagefind's files join the output after gzip has started on the rest of it
    scripts = sorted((nginx_site.root / "pagefind").glob("*.js"))
    assert scripts
    for script in scripts:
        twin = script.with_name(script.name + ".gz")
        assert gzip.decompress(twin.read_bytes()) == script.read_bytes(), script.name
    response = get(nginx_site, f"/pagefind/{scripts[0].name}", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("Content-Encoding") == "gzip"


@pytest.mark.parametrize("prefix, lang", [("", "fr"), ("/nl", "nl"), ("/en", "en")])
def test_missing_pages_get_the_404_page_in_their_language(nginx_site, prefix, lang):
    response = get(nginx_site, f"{prefix}/2099/01/nulle-part/")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert f'<html lang="{lang}">' in response.text
    assert 'name="robots" content="noindex"' in response.text
    assert "Content-Security-Policy" in response.headers


def test_old_addresses_of_the_redirect_map_are_redirected(nginx_site):
    response = get(nginx_site, "/2013/05/ancien-article.html")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/archives/")
    assert get(nginx_site, "/2013/05/autre.html").status_code == 404


def test_the_committed_redirect_map_is_valid_and_redirects_nothing_yet():
    lines = [line for line in (SNIPPETS / "redirects.map").read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert all(re.fullmatch(r'\s*"[^"]+"\s+"[^"]+";\s*', line) for line in lines)


def test_a_deploy_switches_what_nginx_serves_and_a_rollback_switches_back(tmp_path):
    target = releases.Target.parse(str(tmp_path / "srv"))
    for text in ("one", "two"):
        site = tmp_path / text
        site.mkdir()
        (site / "index.html").write_text(f"<p>{text}</p>")
    releases.deploy(str(tmp_path / "one"), target)
    port = free_port()
    with serve(tmp_path / "conf", tmp_path / "srv" / "current", port, tmp_path / "one") as site:
        assert get(site, "/").text == "<p>one</p>"
        releases.deploy(str(tmp_path / "two"), target)
        assert get(site, "/").text == "<p>two</p>"
        releases.rollback(target)
        assert get(site, "/").text == "<p>one</p>"


def test_the_https_site_file_is_valid_nginx(tmp_path):
    """`nginx -t` on the real site file, with a throw-away certificate and free ports."""
    prepare(tmp_path)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=international.brussels", "-keyout", str(tmp_path / "key.pem"),
                    "-out", str(tmp_path / "cert.pem")], check=True, capture_output=True)
    tls = (tmp_path / "globe" / "tls.conf").read_text()
    tls = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {tmp_path / 'cert.pem'};", tls)
    tls = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {tmp_path / 'key.pem'};",
                 tls)
    (tmp_path / "globe" / "tls.conf").write_text(tls)
    site = SITE_FILE.read_text()
    assert "listen 443 ssl http2;" in site and "include globe/tls.conf;" in site
    assert "root /srv/international.brussels/current;" in site
    site = site.replace("listen 443", f"listen 127.0.0.1:{free_port()}")
    site = site.replace("listen 80", f"listen 127.0.0.1:{free_port()}")
    site = re.sub(r"\s*listen \[::\]:\d+[^;]*;", "", site)
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(outer_config(tmp_path, "    include site.conf;"))
    checked = subprocess.run([*nginx_command(tmp_path), "-t"], capture_output=True,
                             text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


def test_the_site_file_serves_the_current_release_of_make_deploy():
    # nginx's root is the `current` symlink that `globe deploy` switches
    assert f"/{releases.CURRENT};" in SITE_FILE.read_text()
    assert Path(releases.__file__).is_file()


def _release(folder: Path, name: str, redirect_map: str) -> str:
    site = folder / name
    site.mkdir()
    (site / "index.html").write_text(f"<p>{name}</p>")
    (site / "redirects.map").write_text(redirect_map)
    return str(site)


def _redirects_to(site, path: str, location: str, seconds: float = 10) -> bool:
    """nginx reloads in the background: wait for its new workers to answer."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answer = get(site, path)
        if answer.status_code == 301 and answer.headers["Location"].endswith(location):
            return True
        time.sleep(0.1)
    return False


def test_each_deploy_installs_its_redirect_map_into_nginx_and_a_rejected_one_changes_nothing(
        tmp_path):
    target = releases.Target.parse(str(tmp_path / "srv"))
    conf = tmp_path / "conf"
    releases.deploy(_release(tmp_path, "one", ""), target)
    command = nginx_command(conf)
    after_switch = " ".join([
        f"GLOBE_NGINX_MAP={shlex.quote(str(conf / 'globe' / 'redirects.map'))}",
        f"GLOBE_NGINX_TEST={shlex.quote(shlex.join([*command, '-t', '-q']))}",
        f"GLOBE_NGINX_RELOAD={shlex.quote(shlex.join([*command, '-s', 'reload']))}",
        f"sh {shlex.quote(str(ROOT / 'deploy' / 'nginx' / 'install-redirects.sh'))} current"])
    with serve(conf, tmp_path / "srv" / "current", free_port(), tmp_path / "one") as site:
        assert get(site, "/?p=123").status_code == 200  # no redirect yet

        two = '"/?lang=&p=123&page_id=" "/2019/05/visite/";\n'
        releases.deploy(_release(tmp_path, "two", two), target, after_switch=after_switch)
        assert _redirects_to(site, "/?p=123", "/2019/05/visite/")

        # a map nginx refuses: the site switched, the deploy says so, nginx keeps the old map
        with pytest.raises(releases.AfterSwitchError, match="DEPLOY_AFTER_SWITCH"):
            releases.deploy(_release(tmp_path, "three", "not a map line\n"), target,
                            after_switch=after_switch)
        assert get(site, "/").text == "<p>three</p>"
        assert (conf / "globe" / "redirects.map").read_text() == two
        assert _redirects_to(site, "/?p=123", "/2019/05/visite/")

        # a rollback runs it too
        assert releases.rollback(target, after_switch) == releases.releases(target)[-2]
        assert get(site, "/").text == "<p>two</p>"
