"""Images downloaded from the old site: stored when found, reported when not."""

from __future__ import annotations

import io
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image
from wxr_export import Post, wxr

from .running import globe


def jpeg(colour=(10, 61, 145)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def import_downloading(tmp_path, site, body, title="Photos", slug="photos"):
    """`globe import wordpress --download` of one post of `site` with `body`."""
    export = tmp_path / "export.xml"
    export.write_text(wxr(site, [Post(1, title, slug, "2018-03-01 10:00:00", content=body,
                                      link=f"{site}/2018/03/{slug}/",
                                      categories=[("varia", "Varia")])]), encoding="utf-8")
    run = globe("import", "wordpress", export, "--download", "--timeout", "0.5", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    return run


@pytest.fixture
def old_site():
    """A stand-in for the old WordPress host on 127.0.0.1: 200, 404, 503, too slow."""
    requests = Counter()
    image = jpeg()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 — the http.server API
            requests[self.path] += 1
            if self.path.endswith("/ok.jpg"):
                self.send_response(200)
                self.send_header("Content-Type", "image/jpeg")
                self.end_headers()
                self.wfile.write(image)
            elif self.path.endswith(("/moved.jpg", "/away.jpg")):
                host = "127.0.0.1" if self.path.endswith("/moved.jpg") else "localhost"
                self.send_response(301)
                self.send_header("Location", f"http://{host}:{self.server.server_address[1]}"
                                             "/wp-content/uploads/2018/03/ok.jpg")
                self.end_headers()
            elif self.path.endswith("/slow.jpg"):
                time.sleep(1.5)
                self.send_response(200)
                self.end_headers()
            elif self.path.endswith("/flaky.jpg") and requests[self.path] < 2:
                self.send_response(503)
                self.end_headers()
            elif self.path.endswith("/flaky.jpg"):
                self.send_response(200)
                self.end_headers()
                self.wfile.write(jpeg((200, 0, 0)))
            else:
                self.send_response(404)
                self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def test_downloads_store_what_answers_and_report_the_rest(tmp_path, old_site):
    site, requests = old_site
    up = f"{site}/wp-content/uploads/2018/03"
    body = "\n\n".join(f'<img src="{up}/{name}.jpg" alt="Photo {name}" />'
                       for name in ("ok", "missing", "slow", "flaky"))
    run = import_downloading(tmp_path, site, body)
    assert "2 stored" in run.stdout and "2 failed" in run.stdout
    assert (tmp_path / "content/images/2018/ok.jpg").read_bytes() == jpeg()
    assert (tmp_path / "content/images/2018/flaky.jpg").is_file()  # 503, then 200
    text = (tmp_path / "content/articles/2018/photos.fr.md").read_text(encoding="utf-8")
    assert "![Photo ok](../../images/2018/ok.jpg)" in text
    # neither a remote image nor a link to a host that will be gone: its words, reported
    assert "Photo missing" in text and "missing.jpg" not in text
    report = (tmp_path / "wordpress-import/report.md").read_text(encoding="utf-8")
    assert f"{up}/missing.jpg — HTTP error 404" in report
    assert f"{up}/slow.jpg — no answer within 0.5 s" in report
    assert requests["/wp-content/uploads/2018/03/missing.jpg"] == 1  # a 404 is not retried
    assert requests["/wp-content/uploads/2018/03/slow.jpg"] == 3  # a timeout is, twice
    (tmp_path / "editions").mkdir()
    build = globe("build", "--production", "--content", "content", "--editions", "editions",
                  "--output", "output", cwd=tmp_path)
    assert build.returncode == 0, build.stdout + build.stderr


@pytest.mark.parametrize("other", ["http://localhost:{port}", "http://[::1]:{port}",
                                   "http://169.254.169.254", "gopher://localhost:{port}"])
def test_only_the_old_site_is_asked_for_files(tmp_path, old_site, other):
    """The export names the old site; an image or attachment on any other host (a
    service on this machine, an intranet, a cloud metadata address) is not fetched."""
    site, requests = old_site
    other = other.format(port=site.rsplit(":", 1)[1])
    body = (f'<img src="{other}/wp-content/uploads/2018/03/ok.jpg" alt="Inside" />\n\n'
            f'<img src="{site}/wp-content/uploads/2018/03/ok.jpg" alt="Own" />')
    run = import_downloading(tmp_path, site, body)
    assert "1 stored" in run.stdout and "1 failed" in run.stdout
    assert requests["/wp-content/uploads/2018/03/ok.jpg"] == 1  # the old site's, once
    report = (tmp_path / "wordpress-import/report.md").read_text(encoding="utf-8")
    assert f"{other}/wp-content/uploads/2018/03/ok.jpg — on another site" in report


def test_redirects_are_followed_on_the_old_site_only(tmp_path, old_site):
    site, requests = old_site
    up = f"{site}/wp-content/uploads/2018/03"
    body = (f'<img src="{up}/moved.jpg" alt="Moved" />\n\n'
            f'<img src="{up}/away.jpg" alt="Away" />')
    run = import_downloading(tmp_path, site, body)
    assert "1 stored" in run.stdout and "1 failed" in run.stdout
    assert requests["/wp-content/uploads/2018/03/ok.jpg"] == 1  # through the same host only
    report = (tmp_path / "wordpress-import/report.md").read_text(encoding="utf-8")
    assert f"{up}/away.jpg — redirected to another site (localhost)" in report


def test_an_export_naming_a_link_local_site_downloads_nothing(tmp_path):
    site = "http://169.254.169.254"  # a cloud's metadata service, answering on this address
    body = f'<a href="{site}/wp-content/uploads/2018/03/credentials.pdf">Rapport</a>'
    import_downloading(tmp_path, site, body, "Rapport", "rapport")
    assert not (tmp_path / "content/documents").exists()
    report = (tmp_path / "wordpress-import/report.md").read_text(encoding="utf-8")
    assert "the old site's address 169.254.169.254 (169.254.169.254) is not a web site's" \
        in report
