"""Issue 8.9: the dev server's edges: a bad port, a NUL in a path, many requests at once."""

from __future__ import annotations

import http.client
import socket
import threading

from contentkit import article, write_tree
from support import free_port

from globe.serve import make_server

from .kit import A, run_globe


def test_a_port_out_of_range_is_a_usage_error_not_a_traceback(tmp_path):
    write_tree(tmp_path, {A: article()})
    for port in ("99999", "0", "-1", "http"):
        result = run_globe(tmp_path, "serve", "--content", "content", "--port", port)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert "from 1 to 65535" in result.stderr


def test_a_busy_port_is_a_clear_message(tmp_path):
    write_tree(tmp_path, {A: article()})
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_globe(tmp_path, "serve", "--content", "content", "--output", "site",
                           "--port", str(port))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "--port" in result.stderr


def test_a_nul_byte_in_the_path_is_a_404_without_a_traceback(tmp_path, capfd):
    (tmp_path / "index.html").write_text("hello", encoding="utf-8")
    server = make_server(str(tmp_path), 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for path in ("/%00", "/a%00b/index.html", "/%2e%2e/%00"):
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1],
                                                    timeout=5)
            connection.request("GET", path)
            assert connection.getresponse().status == 404
            connection.close()
    finally:
        server.shutdown()
        server.server_close()
    assert "Traceback" not in capfd.readouterr().err


def test_two_hundred_connections_wait_in_the_listen_queue(tmp_path):
    """The server is not accepting yet: every connection must still be queued by the
    kernel at once (a backlog of 5 leaves the rest retrying for seconds)."""
    server = make_server(str(tmp_path), free_port())
    clients = []
    try:
        for _ in range(200):
            client = socket.create_connection(server.server_address, timeout=2)
            clients.append(client)
        assert len(clients) == 200
    finally:
        for client in clients:
            client.close()
        server.server_close()
