"""Debian's nginx, with the generated map and deploy/nginx/globe/redirects.conf, answers every
old address shape with a 301 to the new one, and leaves the new addresses alone."""

from __future__ import annotations

import http.client
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from support import ROOT, free_port

from .running import globe

NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")

CONFIG = """
daemon off;
master_process off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {output}/redirects.nginx.conf;
    server {{
        listen 127.0.0.1:{port};
        root {output};
        include {redirects};
        location / {{ try_files $uri $uri/ =404; }}
    }}
}}
"""


@pytest.fixture(scope="module")
def nginx(imported, tmp_path_factory):
    assert NGINX, "nginx is missing: run `make system-packages`"
    root, _run = imported
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(CONFIG.format(prefix=prefix, output=root / "output", port=port,
                                  redirects=ROOT / "deploy/nginx/globe/redirects.conf"))
    test = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(conf), "-e",
                           str(prefix / "error.log")], capture_output=True, text=True,
                          check=False)
    assert test.returncode == 0, test.stderr
    server = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf), "-e",
                               str(prefix / "error.log")], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).connect()
            break
        except OSError:
            time.sleep(0.1)
    yield port
    server.terminate()
    server.wait(timeout=10)


def get(port: int, target: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", target)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, response.getheader("Location") or ""


@pytest.mark.parametrize("old, new", [
    ("/?p=101", "/2021/10/visite-a-ankara/"),
    ("/?p=102", "/nl/2021/10/visite-a-ankara/"),
    ("/?lang=nl&p=102", "/nl/2021/10/visite-a-ankara/"),
    ("/?p=102&lang=nl", "/nl/2021/10/visite-a-ankara/"),
    ("/2021/10/bezoek-aan-ankara/?lang=nl", "/nl/2021/10/visite-a-ankara/"),
    ("/2021/10/bezoek-aan-ankara?lang=nl", "/nl/2021/10/visite-a-ankara/"),
    ("/2020/03/%C3%A9%C3%A9n-webinar/?lang=nl&utm_source=x", "/nl/2020/03/een-webinar/"),
    ("/2019/05/brussels-at-the-expo/?lang=en", "/en/2019/05/brussels-at-the-expo/"),
    ("/2019/07/%c3%a9t%c3%a9-%c3%a0-bruxelles/", "/2019/07/ete-a-bruxelles/"),
    ("/who-are-we/missions/?lang=en", "/en/missions/"),
    ("/qui-sommes-nous/missions/", "/missions/"),
    ("/qui-sommes-nous/missions", "/missions/"),
    ("/?page_id=200", "/a-propos-de-brussels-international/"),
    ("/index.php?p=104", "/en/2019/05/brussels-at-the-expo/"),
])
def test_old_addresses_answer_301_to_the_new_ones(nginx, old, new):
    status, location = get(nginx, old)
    assert status == 301, (old, status)
    assert urlsplit(location).path == new


@pytest.mark.parametrize("address", [
    "/", "/2021/10/visite-a-ankara/", "/nl/2021/10/visite-a-ankara/",
    "/a-propos-de-brussels-international/", "/en/missions/", "/missions/",
    "/2021/10/visite-a-ankara/?utm_source=newsletter",
])
def test_new_addresses_are_not_redirected(nginx, address):
    assert get(nginx, address)[0] == 200


def test_unknown_addresses_are_not_found_rather_than_redirected(nginx):
    assert get(nginx, "/?p=999999")[0] == 200  # the home page, as WordPress did
    assert get(nginx, "/2099/01/nothing/")[0] == 404


def test_path_only_addresses_also_get_a_plain_redirect_page(imported):
    root, _run = imported
    page = (root / "output/qui-sommes-nous/missions/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=https://international.brussels/missions/"' \
        in page
    assert '<link rel="canonical" href="https://international.brussels/missions/">' in page
    assert Path(root / "output/2019/07/été-à-bruxelles/index.html").is_file()
    # query-string addresses cannot be files: only the server map has them
    assert not list((root / "output").rglob("*lang=*"))


def test_globe_redirects_prints_the_map_the_build_wrote(imported):
    root, _run = imported
    run = globe("redirects", "--content", "content", "--editions", "editions", "--format",
                "nginx", cwd=root)
    assert run.returncode == 0, run.stderr
    assert run.stdout == (root / "output/redirects.nginx.conf").read_text(encoding="utf-8")
    assert '"/?lang=nl&p=102&page_id=" "/nl/2021/10/visite-a-ankara/";' in run.stdout
