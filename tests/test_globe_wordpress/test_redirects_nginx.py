"""Debian's nginx, with the site's own configuration (deploy/nginx/globe/) and the map the
build wrote, answers every old address shape with a 301 to the new one, and leaves the new
addresses alone."""

from __future__ import annotations

import http.client
import re
from urllib.parse import urlsplit

import pytest
from nginx_server import serve
from support import free_port

from .running import globe

_ENTRY = re.compile(r'^"((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)";$')


def map_entries(path) -> dict[str, str]:
    """The entries of the generated redirects.map, as a deploy would install them."""
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            match = _ENTRY.match(line)
            assert match, line
            entries[match.group(1)] = match.group(2)
    return entries


@pytest.fixture(scope="module")
def nginx(imported, tmp_path_factory):
    root, _run = imported
    output = root / "output"
    port = free_port()
    with serve(tmp_path_factory.mktemp("nginx"), output, port, output,
               map_entries(output / "redirects.map")):
        yield port


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
    assert (root / "output/2019/07/été-à-bruxelles/index.html").is_file()
    # query-string addresses cannot be files: only the server map has them
    assert not list((root / "output").rglob("*lang=*"))


def test_globe_redirects_prints_the_map_the_build_wrote(imported):
    root, _run = imported
    run = globe("redirects", "--content", "content", "--editions", "editions", "--format",
                "nginx", cwd=root)
    assert run.returncode == 0, run.stderr
    assert run.stdout == (root / "output/redirects.map").read_text(encoding="utf-8")
    assert '"/?lang=nl&p=102&page_id=" "/nl/2021/10/visite-a-ankara/";' in run.stdout
