"""Debian's nginx serving a deployed production build with the site's own configuration.

The site's snippets (deploy/nginx/globe/) are used as they are; only the outer config is
made here: plain HTTP on 127.0.0.1 and a free port, a non-daemon master, files in a
temporary folder. The HTTPS server block of the real site file is checked by `nginx -t`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from support import ROOT

SNIPPETS = ROOT / "deploy" / "nginx" / "globe"
SITE_FILE = ROOT / "deploy" / "nginx" / "international.brussels.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = "/etc/nginx/mime.types"


@dataclass
class NginxSite:
    url: str
    root: Path  # the `current` symlink nginx serves
    built: Path  # the production build that was deployed
    conf: Path


def outer_config(folder: Path, server: str) -> str:
    temp = folder / "temp"
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read pytest's tmp dirs
    return f"""{user}worker_processes 1;
daemon off;
pid {folder / 'nginx.pid'};
error_log stderr warn;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{server}
}}
"""


def prepare(folder: Path, redirects: dict[str, str] | None = None) -> None:
    """The site's snippets, copied so a test may add redirects without touching the repo."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "temp").mkdir(exist_ok=True)
    shutil.copytree(SNIPPETS, folder / "globe", dirs_exist_ok=True)
    with open(folder / "globe" / "redirects.map", "a", encoding="utf-8") as entries:
        for old, new in (redirects or {}).items():
            entries.write(f'"{old}" "{new}";\n')


def nginx_command(folder: Path) -> list[str]:
    return [NGINX, "-e", "stderr", "-p", f"{folder}/", "-c", str(folder / "nginx.conf")]


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped: {process.stderr.read()}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("nginx did not start listening")


@contextmanager
def serve(folder: Path, root: Path, port: int, built: Path, redirects=None):
    """nginx in the foreground on 127.0.0.1:port over root, with the site's snippets."""
    prepare(folder, redirects)
    server = f"""    include globe/http.conf;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        include globe/site.conf;
    }}"""
    (folder / "nginx.conf").write_text(outer_config(folder, server))
    process = subprocess.Popen(nginx_command(folder), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_port(port, process)
        yield NginxSite(f"http://127.0.0.1:{port}", root, built, folder)
    finally:
        process.terminate()
        process.wait(timeout=10)
