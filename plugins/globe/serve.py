"""Development server: serve the last good build on 127.0.0.1, rebuild when files change."""

from __future__ import annotations

import functools
import os
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from globe_core.languages import DEFAULT_LANG, LANGUAGES
from globe_core.messages import _, decimal

from . import build as builds

WATCHED = ("content", "theme", "plugins", "newsletter", "pelicanconf.py", "publishconf.py")


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files, with each language's own 404 page."""

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            lang = self.path.strip("/").split("/", 1)[0]
            page = Path(self.directory) / (f"{lang}/404.html" if lang in LANGUAGES
                                           and lang != DEFAULT_LANG else "404.html")
            if page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
        super().send_error(code, message, explain)

    def send_head(self):
        # A path the file system cannot hold (a NUL byte: `GET /%00`) is no file here.
        if "\x00" in self.translate_path(self.path):
            self.send_error(404)
            return None
        return super().send_head()

    def log_message(self, format, *args):  # noqa: A002 — the base class's name
        pass


class SiteServer(ThreadingHTTPServer):
    # A browser opening a page asks for dozens of files at once; the default backlog (5)
    # makes the rest wait for seconds.
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        # A request the server cannot answer is one line in the log, never a traceback.
        error = sys.exc_info()[1]
        print(_("a request from %(client)s failed: %(error)s", client=client_address[0],
                error=f"{type(error).__name__}: {error}"), file=sys.stderr)


def make_server(directory: str, port: int, host: str = "127.0.0.1") -> SiteServer:
    handler = functools.partial(SiteHandler, directory=os.path.abspath(directory))
    return SiteServer((host, port), handler)


def _snapshot(paths: list[Path]) -> dict:
    stamps = {}
    for path in paths:
        files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        for file in files:
            if "__pycache__" not in file.parts and file.is_file():
                stamps[str(file)] = file.stat().st_mtime_ns
    return stamps


def _rebuild(args) -> bool:
    # absolute links (emails, feeds, hreflang) must point at this server, whatever its port
    settings = builds.load_settings(args.content, args.editions,
                                    overrides={"SITEURL": f"http://127.0.0.1:{args.port}"})
    result = builds.build(settings, args.output)
    stamp = time.strftime("%H:%M:%S")
    for note in result.notes:
        print(note.as_note(), file=sys.stderr)
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(_("[%(time)s] %(count)s problem(s): still serving the last good build.",
                time=stamp, count=len(result.problems)), file=sys.stderr)
        return False
    print(_("[%(time)s] built in %(seconds)s s.", time=stamp,
            seconds=decimal(result.seconds)))
    return True


def serve(args) -> int:
    # the project's own files, and the content folders given on the command line
    watched = [builds.PROJECT_ROOT / name for name in WATCHED]
    watched += [Path(p).resolve() for p in (args.content, args.editions) if p]
    refused = builds.refused_output(builds.load_settings(args.content, args.editions),
                                    args.output)
    if refused:
        for problem in refused:
            print(problem, file=sys.stderr)
        return 1
    try:
        server = make_server(args.output, args.port)
    except OSError as error:
        print(_("cannot serve on port %(port)s: %(error)s", port=args.port,
                error=error.strerror or error), file=sys.stderr)
        print(_("choose another port, e.g. --port 8001"), file=sys.stderr)
        return 1
    _rebuild(args)
    os.makedirs(args.output, exist_ok=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(_("Serving on %(url)s (Ctrl+C to stop)", url=f"http://127.0.0.1:{args.port}/"))
    seen = _snapshot(watched)
    try:
        while True:
            time.sleep(1)
            now = _snapshot(watched)
            if now != seen:
                seen = now
                _rebuild(args)
    finally:
        server.shutdown()
