"""Development server: serve the site on 127.0.0.1, rebuild on save, reload the browser.

- Files are watched with watchfiles (inotify), not by polling the tree.
- A saved article is previewed at once (preview.py), then the home page, listings, feeds
  and neighbours that show it; a full build then runs in a child process (devbuild.py)
  and brings everything else (editions, search, other pages of the listings) up to date.
- Every HTML page the server sends gets a small script that listens for rebuilds
  (server-sent events) and reloads the page. The script is added when serving, so no
  build, and never production, contains it.
- After a save with a problem, pages show the problem (file, line, message, how to fix it,
  in the officer's language) instead of the stale page, until a build passes again.
"""

from __future__ import annotations

import functools
import html
import json
import os
import select
import socket
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import watchfiles

from globe_core.languages import DEFAULT_LANG, LANGUAGES
from globe_core.messages import _, decimal
from globe_core.problems import Problem
from globe_core.settings import GlobeSettings

from . import build as builds
from . import preview

WATCHED = ("content", "theme", "plugins", "newsletter", "pelicanconf.py", "publishconf.py")
EVENTS_PATH = "/__globe/events"
MOST_EVENT_STREAMS = 64  # open pages reloading by themselves at once
_EVENT_STREAMS = threading.BoundedSemaphore(MOST_EVENT_STREAMS)
SCRIPT_PATH = "/__globe/live.js"
LIVE_SCRIPT = b"""// globe serve: reload this page after each rebuild (development only).
(function () {
  var seen = null;
  var events = new EventSource("/__globe/events");
  events.onmessage = function (event) {
    if (seen !== null && event.data !== seen) location.reload();
    seen = event.data;
  };
})();
"""
SCRIPT_TAG = f'<script src="{SCRIPT_PATH}"></script>'.encode()


class DevState:
    """What the browsers are told: a build number, and the problems of the last save."""

    def __init__(self):
        self.changed = threading.Condition()
        self.version = 0
        self.problems: list[Problem] = []

    def token(self) -> str:
        return f"{self.version}{'p' if self.problems else ''}"

    def update(self, problems: list[Problem]) -> None:
        with self.changed:
            self.version += 1
            self.problems = list(problems)
            self.changed.notify_all()


def _differs(state: DevState, token: str) -> bool:
    return state.token() != token


def problem_page(problems: list[Problem]) -> bytes:
    items = "".join(
        f"<li><p class=\"where\"><code>{html.escape(p.path)}"
        f"{':' + str(p.line) if p.line else ''}</code>"
        + (f" — {html.escape(_('line %(line)s', line=p.line))}" if p.line else "")
        + f"</p><p class=\"what\">{html.escape(p.message)}</p>"
        + (f"<p class=\"fix\">{html.escape(p.fix)}</p>" if p.fix else "") + "</li>"
        for p in problems)
    title = html.escape(_("The site cannot be built"))
    hint = html.escape(_("Fix the file below and save it: this page reloads by itself."))
    return (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;"
            "padding:0 1rem;color:#161c2a}h1{color:#a4000f}li{margin:1rem 0;padding:1rem;"
            "border-left:4px solid #a4000f;background:#fdf2f3;list-style:none}"
            "ul{padding:0}.fix{font-weight:600}</style></head>"
            f"<body><main><h1>{title}</h1><p>{hint}</p><ul class=\"problems\">{items}</ul>"
            f"</main>{SCRIPT_TAG.decode()}</body></html>").encode()


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files, with each language's own 404 page; in development, live reload."""

    state: DevState | None = None  # set for the development server only
    # A connection that sends nothing for this long is closed: each one holds a thread,
    # and idle ones (a client that connects and waits) would otherwise pile up for ever.
    # Event streams write at least every 15 s, so they are not cut.
    timeout = 60

    def do_GET(self):  # noqa: N802 — the base class's name
        if self.state is not None:
            path = self.path.split("?", 1)[0]
            if path == EVENTS_PATH:
                return self.send_events()
            if path == SCRIPT_PATH:
                return self.send_bytes(200, LIVE_SCRIPT, "text/javascript; charset=utf-8")
            if self.wants_html(path):
                if self.state.problems:
                    return self.send_bytes(500, problem_page(self.state.problems))
                page = self.html_file(path)
                if page:
                    body = page.read_bytes().replace(b"</body>", SCRIPT_TAG + b"</body>", 1)
                    return self.send_bytes(200, body)
        return super().do_GET()

    @staticmethod
    def wants_html(path: str) -> bool:
        return path.endswith(("/", ".html"))

    def html_file(self, path: str) -> Path | None:
        local = self.local_file(path)
        if local is None:
            return None
        file = Path(local)
        try:
            file = file / "index.html" if file.is_dir() else file
            if file.is_file() and file.suffix == ".html" and self.local_file(path, file):
                return file
        except OSError:  # a name too long for the file system: no such page
            pass
        return None

    def local_file(self, path: str, file: Path | str | None = None) -> str | None:
        """The file a request path names, or None when it is none the site may serve:
        one the file system cannot name (a NUL byte), or one outside the served folder
        once symbolic links are followed (a link in the output to /etc or ~/.ssh)."""
        local = str(file) if file is not None else self.translate_path(path)
        if "\x00" in local:
            return None
        root = os.path.realpath(self.directory)
        real = os.path.realpath(local)
        return local if real == root or real.startswith(root + os.sep) else None

    def send_bytes(self, code: int, body: bytes, kind="text/html; charset=utf-8"):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_events(self):
        # Each open page holds a stream and a thread: beyond a few dozen, a client that
        # opens thousands is refused (browsers retry an event stream by themselves)
        places = _EVENT_STREAMS
        if not places.acquire(blocking=False):
            self.send_error(503)
            return
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            state = self.state
            while True:
                with state.changed:
                    sent = state.token()
                    self.wfile.write(f"data: {sent}\n\n".encode())
                    self.wfile.flush()
                    # a write every 15 s at least; a page that left is noticed within a
                    # second, and its place given back (a write to it may still succeed)
                    heartbeat = time.monotonic() + 15
                    while not _differs(state, sent) and time.monotonic() < heartbeat:
                        state.changed.wait(timeout=1)
                        if self.page_left():
                            return
        except OSError:  # the page was closed or reloaded
            pass
        finally:
            places.release()

    def page_left(self) -> bool:
        """An event stream's page sends nothing after its request: anything to read on
        its connection is the end of it."""
        try:
            readable, _writable, _failed = select.select([self.connection], [], [], 0)
            return bool(readable) and not self.connection.recv(1, socket.MSG_PEEK)
        except OSError:
            return True

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            lang = self.path.strip("/").split("/", 1)[0]
            page = Path(self.directory) / (f"{lang}/404.html" if lang in LANGUAGES
                                           and lang != DEFAULT_LANG else "404.html")
            if page.is_file() and self.local_file(self.path, page):
                body = page.read_bytes()
                if self.state is not None:
                    body = body.replace(b"</body>", SCRIPT_TAG + b"</body>", 1)
                self.send_bytes(404, body)
                return
        super().send_error(code, message, explain)

    def send_head(self):
        local = self.local_file(self.path)
        # a folder's index page may itself be a link out of the folder
        indexes = [os.path.join(local, name) for name in ("index.html", "index.htm")
                   ] if local and os.path.isdir(local) else []
        if local is None or any(self.local_file(self.path, index) is None
                                for index in indexes):
            self.send_error(404)
            return None
        return super().send_head()

    def list_directory(self, path):
        # A folder without index.html: a 404, as on the web server, not a listing.
        self.send_error(404)

    def log_message(self, format, *args):  # noqa: A002 — the base class's name
        pass


class SiteServer(ThreadingHTTPServer):
    # A browser opening a page asks for dozens of files at once; the default backlog (5)
    # makes the rest wait for seconds.
    request_queue_size = 1024
    daemon_threads = True  # open event streams must not keep the process alive

    def handle_error(self, request, client_address):
        # A request the server cannot answer is one line in the log, never a traceback.
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):  # the browser went away mid-answer
            return
        reason = f"{type(error).__name__}: {error}"
        print(_("a request from %(client)s failed: %(error)s", client=client_address[0],
                error=reason if len(reason) < 300 else reason[:300] + "…"), file=sys.stderr)


def make_server(directory: str, port: int, host: str = "127.0.0.1",
                state: DevState | None = None) -> SiteServer:
    handler = functools.partial(type("Handler", (SiteHandler,), {"state": state}),
                                directory=os.path.abspath(directory))
    return SiteServer((host, port), handler)


class DevSite:
    """The served site: previews in this process, full builds in a child, one at a time."""

    def __init__(self, args, state: DevState):
        self.args = args
        self.state = state
        self.siteurl = f"http://127.0.0.1:{args.port}"
        self.url_map = preview.url_map_path(
            GlobeSettings.of(self.settings()).cache_path or str(builds.PROJECT_ROOT / ".cache"))
        self.wanted = threading.Event()
        self.lock = threading.Lock()  # a preview never runs beside another preview
        self.saves = 0  # how many saves were seen: a full build's result is for one moment

    def settings(self) -> dict:
        # absolute links (emails, feeds, hreflang) must point at this server, whatever its port
        return builds.load_settings(self.args.content, self.args.editions,
                                    overrides={"SITEURL": self.siteurl})

    def full_build(self) -> list[Problem]:
        args = {"content": self.args.content, "editions": self.args.editions,
                "output": os.path.abspath(self.args.output), "siteurl": self.siteurl,
                "url_map": self.url_map}
        child = subprocess.run([sys.executable, "-m", "globe.devbuild", json.dumps(args)],
                               check=False, capture_output=True, text=True, cwd=os.getcwd())
        try:
            report = json.loads(child.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            error = child.stderr.strip()[-500:]
            return [Problem(self.args.content or "content", 0,
                            _("the build stopped: %(error)s", error=error),
                            _("fix the file named above, or report this message to the "
                              "developers"))]
        problems = [Problem(**p) for p in report["problems"]]
        for note in report.get("notes", []):
            print(Problem(**note).as_note(), file=sys.stderr)
        _report(problems, report["seconds"])
        return problems

    def builder(self) -> None:
        """Background loop: a full build whenever one was asked for since the last."""
        while True:
            self.wanted.wait()
            self.wanted.clear()
            saves = self.saves
            problems = self.full_build()
            # A save during the build was previewed (its problems shown) and asked for
            # another build: this one read the files before it, its verdict is stale.
            if self.saves == saves:
                self.state.update(problems)

    def on_save(self, paths: set[Path]) -> None:
        self.saves += 1
        content_root = Path(self.args.content or builds.PROJECT_ROOT / "content")
        existing = {p for p in paths if p.exists()}  # an editor's temporary files are gone
        articles = {p for p in existing if preview.is_article(p, content_root)}
        if articles and len(articles) == len(existing):
            saved = sorted(articles)[0]
            if self._preview(preview.preview, saved, self.url_map) == []:
                # the home page, feeds and listings that show it, before the full build
                self._preview(preview.listings_preview, saved)
        self.wanted.set()

    def _preview(self, build, article: Path, *args) -> list[Problem] | None:
        """Run one kind of preview into the served site; its problems (None: it wrote
        nothing, e.g. the saved article is a draft that no listing shows)."""
        with self.lock:
            started = time.perf_counter()
            problems, written = build(self.settings(), article, self.args.output, *args)
        if not (problems or written):
            return None
        if not problems:
            seconds, now = decimal(time.perf_counter() - started), time.strftime("%H:%M:%S")
            print(_("[%(time)s] preview in %(seconds)s s.", time=now, seconds=seconds)
                  if build is preview.preview else
                  _("[%(time)s] home page, listings and feeds in %(seconds)s s.", time=now,
                    seconds=seconds))
        self.state.update(problems)
        if problems:
            _report(problems, 0)
        return problems


def _report(problems, seconds) -> None:
    stamp = time.strftime("%H:%M:%S")
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(_("[%(time)s] %(count)s problem(s): the browser shows them until they are fixed.",
                time=stamp, count=len(problems)), file=sys.stderr)
    elif seconds:
        print(_("[%(time)s] built in %(seconds)s s.", time=stamp, seconds=decimal(seconds)))


def watched_paths(args) -> list[str]:
    paths = [builds.PROJECT_ROOT / name for name in WATCHED]
    paths += [Path(p).resolve() for p in (args.content, args.editions) if p]
    return [str(p) for p in paths if p.exists()]


def serve(args, ready: threading.Event | None = None, stop: threading.Event | None = None
          ) -> int:
    refused = builds.refused_output(builds.load_settings(args.content, args.editions),
                                    args.output)
    if refused:
        for problem in refused:
            print(problem, file=sys.stderr)
        return 1
    state = DevState()
    site = DevSite(args, state)
    try:
        server = make_server(args.output, args.port, state=state)
    except OSError as error:
        print(_("cannot serve on port %(port)s: %(error)s", port=args.port,
                error=error.strerror or error), file=sys.stderr)
        print(_("choose another port, e.g. --port 8001"), file=sys.stderr)
        return 1
    os.makedirs(args.output, exist_ok=True)
    # The last build is served at once while a full build brings it up to date; with none,
    # a first look (the newest articles, preview.first_look) is built for it in seconds.
    built = False
    if not any(Path(args.output).iterdir()):
        look = preview.first_look(site.settings(), args.output)
        if look.problems:  # the full build reports them, and every other one
            state.problems, built = site.full_build(), True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=site.builder, daemon=True).start()
    if not built:
        site.wanted.set()
    print(_("Serving on %(url)s (Ctrl+C to stop)", url=f"http://127.0.0.1:{args.port}/"))
    if ready:
        ready.set()
    output = Path(args.output).resolve()
    try:
        for changes in watchfiles.watch(*watched_paths(args), stop_event=stop,
                                        debounce=50, step=20, rust_timeout=1000):
            paths = {Path(path) for _change, path in changes}
            paths = {p for p in paths if output not in p.parents and ".cache" not in p.parts
                     and "__pycache__" not in p.parts}
            if paths:
                site.on_save(paths)
    finally:
        server.shutdown()
        server.server_close()
    return 0
