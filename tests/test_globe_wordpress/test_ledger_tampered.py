"""The import's ledger says where each post goes and which files it may replace: a ledger
edited to point outside the content folder (pushed by anyone, or damaged) is refused, and
no file outside is ever written."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from wxr_export import Post, wxr

from .running import globe

ORIGINAL = "an officer's file outside the content folder\n"


@pytest.fixture
def imported_once(tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(wxr("http://international.brussels",
                          [Post(101, "Titre", "titre", content="<p>Bonjour</p>", lang="fr")]),
                      encoding="utf-8")
    first = globe("import", "wordpress", export, "--content", "content", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    (tmp_path / "outside.md").write_text(ORIGINAL, encoding="utf-8")
    return tmp_path, export


@pytest.mark.parametrize("path", ["../outside.md", "articles/../../outside.md",
                                  "/{root}/outside.md", "articles//../../outside.md",
                                  "articles/2021/../../../outside.md", "./articles/x.fr.md",
                                  "outside.md", "articles\\..\\..\\outside.md",
                                  "articles/x\n.fr.md", "images/2021/x.fr.md",
                                  "articles/2021/titre.fr.txt"])
def test_a_ledger_pointing_a_post_elsewhere_is_refused(imported_once, path):
    root, export = imported_once
    path = path.replace("/{root}", str(root))
    ledger_path = root / "wordpress-import" / "ledger.json"
    ledger = json.loads(ledger_path.read_text(encoding="utf-8"))
    ledger["posts"] = {key: path for key in ledger["posts"]}
    ledger["files"][path] = hashlib.sha256(ORIGINAL.encode()).hexdigest()
    ledger_path.write_text(json.dumps(ledger), encoding="utf-8")
    result = globe("import", "wordpress", export, "--content", "content", cwd=root,
                   env={**os.environ, "GLOBE_LANG": "en"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.startswith(f"{ledger_path}: error: the import's memory is damaged")
    assert "Traceback" not in result.stderr
    assert (root / "outside.md").read_text(encoding="utf-8") == ORIGINAL


@pytest.mark.parametrize("text", ['{"files": [["articles/a.md"]], "posts": {}}',
                                  '{"files": {}, "posts": [1, 2]}',
                                  '{"files": {"articles/a.md": 5}, "posts": {}}',
                                  "[" * 100_000 + "]" * 100_000, '{"files": null}'])
def test_a_ledger_of_another_shape_is_refused(imported_once, text):
    root, export = imported_once
    ledger_path = root / "wordpress-import" / "ledger.json"
    ledger_path.write_text(text, encoding="utf-8")
    result = globe("import", "wordpress", export, "--content", "content", cwd=root,
                   env={**os.environ, "GLOBE_LANG": "en"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the import's memory is damaged" in result.stderr
    assert "Traceback" not in result.stderr
