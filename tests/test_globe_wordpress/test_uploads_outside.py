"""`--uploads DIR`: a post's link or image naming `wp-content/uploads/../..` (spelled with
`..` or `%2e%2e`), or a link inside the copy pointing elsewhere, never brings a file from
outside DIR into content/ (where the next build would publish it)."""

from __future__ import annotations

import os

import pytest
from contentkit import write_image
from wxr_export import Post, wxr

from .running import globe

SITE = "http://international.brussels"
SECRET = b"%PDF-1.4 a private file outside the uploads folder\n"


@pytest.mark.parametrize("address", [
    "wp-content/uploads/../../private.pdf",
    "wp-content/uploads/%2e%2e/%2e%2e/private.pdf",
    "wp-content/uploads/2021/10/../../../../private.pdf",
    "wp-content/uploads/2021/10/linked-out.pdf",
    "wp-content/uploads/../../private.jpg",
])
def test_a_file_outside_the_uploads_folder_is_never_imported(tmp_path, address):
    (tmp_path / "private.pdf").write_bytes(SECRET)
    write_image(tmp_path / "private.jpg", (40, 30))
    uploads = tmp_path / "site" / "uploads"
    (uploads / "2021" / "10").mkdir(parents=True)
    (uploads / "2021" / "10" / "linked-out.pdf").symlink_to(tmp_path / "private.pdf")
    tag = (f'<img src="{SITE}/{address}" alt="x">' if address.endswith(".jpg")
           else f'<a href="{SITE}/{address}">le rapport</a>')
    (tmp_path / "export.xml").write_text(
        wxr(SITE, [Post(101, "Titre", "titre", content=f"<p>{tag}</p>", lang="fr")]),
        encoding="utf-8")
    result = globe("import", "wordpress", "export.xml", "--content", "content", "--uploads",
                   uploads, cwd=tmp_path, env={**os.environ, "GLOBE_LANG": "en"})
    assert result.returncode == 0, result.stderr
    imported = [p for p in (tmp_path / "content").rglob("*") if p.is_file()]
    assert [p.relative_to(tmp_path / "content").as_posix() for p in imported] == [
        "articles/2021/titre.fr.md"]
    report = (tmp_path / "wordpress-import" / "report.md").read_text(encoding="utf-8")
    assert "outside the uploads folder" in report
