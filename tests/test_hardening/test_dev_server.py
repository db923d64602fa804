"""Issue 8.9: the dev server's edges: a bad port, a NUL in a path, many requests at once."""

from __future__ import annotations

import http.client
import socket
import threading
import time

from contentkit import article, write_tree
from support import free_port

from globe.serve import DevState, make_server

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


def _serve(folder, paths, capfd):
    """(status, body) of each path from the development server, and what it printed."""
    server = make_server(str(folder), 0, state=DevState())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    answers = []
    try:
        for path in paths:
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1],
                                                    timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            answers.append((response.status, response.read()))
            connection.close()
    finally:
        server.shutdown()
        server.server_close()
    return answers, capfd.readouterr().err


def test_nothing_outside_the_served_folder_is_served_through_a_symbolic_link(tmp_path, capfd):
    secret = tmp_path / "secret"
    (secret / "inner").mkdir(parents=True)
    (secret / "key.txt").write_text("SECRET", encoding="utf-8")
    (secret / "inner" / "index.html").write_text("<p>SECRET</p>", encoding="utf-8")
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (site / "key.txt").symlink_to(secret / "key.txt")
    (site / "outside").symlink_to(secret)
    (site / "en" / "index.html").symlink_to(secret / "inner" / "index.html")
    (site / "404.html").symlink_to(secret / "inner" / "index.html")
    (site / "same.html").symlink_to(site / "index.html")  # a link inside the site is fine
    answers, err = _serve(site, ["/key.txt", "/outside/key.txt", "/outside/",
                                 "/outside/inner/", "/en/", "/en/index.html", "/missing",
                                 "/same.html"], capfd)
    assert [status for status, _body in answers] == [404] * 7 + [200]
    assert not any(b"SECRET" in body for _status, body in answers)
    assert "Traceback" not in err


def test_a_folder_without_an_index_page_is_not_listed(tmp_path, capfd):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_bytes(b"png")
    answers, _err = _serve(tmp_path, ["/images/"], capfd)
    assert answers[0][0] == 404 and b"a.png" not in answers[0][1]


def test_a_path_too_long_for_the_file_system_is_a_404_not_a_dropped_connection(tmp_path,
                                                                               capfd):
    (tmp_path / "index.html").write_text("hello", encoding="utf-8")
    answers, err = _serve(tmp_path, ["/" + "a/" * 3000, "/" + "b" * 300 + "/",
                                     "/" + "c" * 300 + ".html"], capfd)
    assert [status for status, _body in answers] == [404, 404, 404]
    assert err == ""


def test_a_browser_leaving_in_the_middle_of_a_file_is_not_logged(tmp_path, capfd):
    (tmp_path / "big.bin").write_bytes(b"x" * 30_000_000)
    server = make_server(str(tmp_path), 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for _ in range(5):
            client = socket.create_connection(("127.0.0.1", server.server_address[1]))
            client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
            client.recv(100)
            # close at once with a reset, as a browser tab being closed can
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")
            client.close()
        # the server is still there, and answers
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1],
                                                timeout=10)
        connection.request("HEAD", "/big.bin")
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        server.shutdown()
        server.server_close()
    assert capfd.readouterr().err == ""


def test_connections_that_send_nothing_are_closed_and_free_their_threads(tmp_path, capfd,
                                                                          monkeypatch):
    from globe.serve import SiteHandler  # noqa: PLC0415

    assert SiteHandler.timeout is not None and 15 < SiteHandler.timeout <= 120
    monkeypatch.setattr(SiteHandler, "timeout", 1)  # the same, in a second
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    server = make_server(str(tmp_path), 0, state=DevState())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    idle = [socket.create_connection(("127.0.0.1", server.server_address[1]))
            for _ in range(30)]
    try:
        time.sleep(0.5)
        assert threading.active_count() >= 30
        time.sleep(2)
        assert threading.active_count() < 10  # the idle ones were closed
        assert all(client.recv(10) == b"" for client in idle)
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1],
                                                timeout=5)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
    finally:
        for client in idle:
            client.close()
        server.shutdown()
        server.server_close()
    assert "Traceback" not in capfd.readouterr().err


def test_event_streams_beyond_the_limit_are_refused_and_their_places_come_back(
        tmp_path, monkeypatch):
    from globe import serve  # noqa: PLC0415

    MOST_EVENT_STREAMS = serve.MOST_EVENT_STREAMS  # noqa: N806
    # places of this server only: pages of earlier tests' servers may still be leaving
    monkeypatch.setattr(serve, "_EVENT_STREAMS", threading.BoundedSemaphore(MOST_EVENT_STREAMS))
    state = DevState()
    server = make_server(str(tmp_path), 0, state=state)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stream():
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1],
                                                timeout=10)
        connection.request("GET", "/__globe/events")
        return connection, connection.getresponse()

    open_streams = [stream() for _ in range(MOST_EVENT_STREAMS)]
    try:
        assert {response.status for _c, response in open_streams} == {200}
        _connection, refused = stream()
        assert refused.status == 503
        open_streams.pop()[0].close()  # a page closed: its place is free within a second
        deadline = time.monotonic() + 5
        while (status := stream()[1].status) != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status == 200
    finally:
        for connection, _response in open_streams:
            connection.close()
        server.shutdown()
        server.server_close()
