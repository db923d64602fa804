"""Named pipes, sockets and devices in the content or editions folders: opening a pipe
waits for a writer that never comes, so a build reading one hung until it was killed."""

from __future__ import annotations

import os
import socket

from contentkit import article, write_image, write_tree

from .kit import A, assert_reported, build, check


def test_pipes_and_sockets_are_errors_not_a_hang(tmp_path):
    write_tree(tmp_path, {A: article(),
                          "editions/2026-01.fr.md": "Number: 2026-01\nDate: 2026-01-10\n"
                                                    "Lang: fr\nSubject: Essai\nArticles: visit"
                                                    "\n\nBonjour.\n"})
    write_image(tmp_path / "content/images/2021/ok.jpg")
    os.mkfifo(tmp_path / "content/articles/2021/pipe.fr.md")
    os.mkfifo(tmp_path / "content/images/2021/pipe.jpg")
    os.mkfifo(tmp_path / "editions/2026-02.fr.md")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "content/articles/2021/sock.fr.md"))
        os.symlink("pipe.fr.md", tmp_path / "content/articles/2021/link.fr.md")
        expected = ("content/articles/2021/pipe.fr.md: error: `pipe.fr.md` is not a file but "
                    "a named pipe", "content/images/2021/pipe.jpg: error:",
                    "editions/2026-02.fr.md: error:", "content/articles/2021/link.fr.md: "
                    "error: `link.fr.md` is not a file but a named pipe",
                    "content/articles/2021/sock.fr.md: error: `sock.fr.md` is not a file but "
                    "a socket")
        assert_reported(check(tmp_path), *expected)
        result = build(tmp_path)
        assert_reported(result, *expected)
        assert "Could not process" not in result.stderr
    assert not (tmp_path / "site").exists()
