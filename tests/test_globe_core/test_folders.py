"""RealFolders answers as `inside` does, for files, linked files and linked folders."""

from __future__ import annotations

import os

from globe_core.folders import RealFolders, inside


def test_linked_files_and_folders_are_resolved_like_inside(tmp_path):
    content, elsewhere = tmp_path / "content", tmp_path / "elsewhere"
    (content / "articles").mkdir(parents=True)
    elsewhere.mkdir()
    (content / "articles" / "a.md").write_text("a")
    (elsewhere / "b.md").write_text("b")
    os.symlink(elsewhere / "b.md", content / "articles" / "linked.md")
    os.symlink(elsewhere, content / "articles" / "folder")
    os.symlink(content / "articles" / "a.md", content / "articles" / "inner.md")
    os.symlink(content, tmp_path / "content-link")
    paths = [content / "articles" / "a.md", content / "articles" / "linked.md",
             content / "articles" / "folder" / "b.md", content / "articles" / "inner.md",
             tmp_path / "content-link" / "articles" / "a.md",
             content / "articles" / ".." / "articles" / "a.md",
             content / "articles" / "folder" / ".." / "b.md"]
    folders = RealFolders()
    answers = [folders.inside(str(path), str(content)) for path in paths]
    assert answers == [inside(path, content) for path in paths]
    assert answers == [True, False, False, True, True, True, False]
    assert [folders.inside(str(path), str(content)) for path in paths] == answers  # kept
