"""`Old_urls` written by hand: redirected like imported ones, mistakes named by file and line."""

from __future__ import annotations

from contentkit import article, page, write_tree


def test_hand_written_old_urls_become_redirects(tmp_path, build_site):
    write_tree(tmp_path / "content", {
        "articles/2021/visit.fr.md": article(
            "visit", old_urls="/ancien/chemin/, http://international.brussels/?p=5"),
        "articles/2021/visit.nl.md": article("visit", "nl", old_urls="/ancien/chemin/?lang=nl"),
        "pages/about.fr.md": page("about", old_urls="/qui-sommes-nous.html"),
    })
    result = build_site(tmp_path / "content")
    assert result.ok, "\n".join(map(str, result.problems))
    output = tmp_path / "output"
    nginx_map = (output / "redirects.map").read_text(encoding="utf-8")
    assert '"/?lang=&p=5&page_id=" "/2021/10/visit/";' in nginx_map
    assert '"/ancien/chemin/?lang=nl&p=&page_id=" "/nl/2021/10/visit/";' in nginx_map
    assert "url=http://127.0.0.1:8000/2021/10/visit/" in (
        output / "ancien/chemin/index.html").read_text(encoding="utf-8")
    assert "/about/" in (output / "qui-sommes-nous.html").read_text(encoding="utf-8")


def test_an_old_address_with_a_part_too_long_for_a_file_name_is_redirected_by_nginx_only(
        tmp_path, build_site):
    long_part = "tres-" * 60 + "long"  # 304 bytes: WordPress took it, no file system does
    write_tree(tmp_path / "content", {
        "articles/2021/visit.fr.md": article("visit", old_urls=f"/2019/{long_part}/")})
    result = build_site(tmp_path / "content")
    assert result.ok, "\n".join(map(str, result.problems))
    output = tmp_path / "output"
    assert f'"/2019/{long_part}/?lang=&p=&page_id=" "/2021/10/visit/";' in (
        output / "redirects.map").read_text(encoding="utf-8")
    assert not (output / "2019").exists()


def test_old_urls_mistakes_are_problems_with_file_and_line(tmp_path, build_site):
    write_tree(tmp_path / "content", {
        "articles/2021/visit.fr.md": article("visit", old_urls="ancien/chemin /?cat=3"),
        "articles/2021/other.fr.md": article("other", old_urls="/shared/"),
        "articles/2021/third.fr.md": article("third", old_urls="/shared/"),
    })
    result = build_site(tmp_path / "content")
    messages = [f"{p.path}:{p.line}: {p.message}" for p in result.problems]
    assert any("visit.fr.md:6: `ancien/chemin` does not start with /" in m for m in messages)
    assert any("visit.fr.md:6: `/?cat=3`: a server cannot redirect on `cat`" in m
               for m in messages)
    assert any("third.fr.md:6: old address `/shared/` is already redirected by" in m
               and "other.fr.md" in m for m in messages), messages


def test_an_old_address_that_is_still_current_is_redirected_once_the_slug_changes(
        tmp_path, build_site):
    files = {"articles/2021/visit.fr.md": article("visit", old_urls="/2021/10/visit/ /?p=7")}
    write_tree(tmp_path / "content", files)
    first = build_site(tmp_path / "content", output=tmp_path / "first")
    assert first.ok, "\n".join(map(str, first.problems))
    assert '"/2021/10/visit/?lang=' not in (tmp_path / "first/redirects.map").read_text(
        "utf-8")
    assert "<title>Page moved" not in (tmp_path / "first/2021/10/visit/index.html").read_text(
        "utf-8")
    write_tree(tmp_path / "content", {"articles/2021/visit.fr.md": article(
        "visit-to-ankara", old_urls="/2021/10/visit/ /?p=7")})
    second = build_site(tmp_path / "content", output=tmp_path / "second")
    assert second.ok, "\n".join(map(str, second.problems))
    nginx_map = (tmp_path / "second/redirects.map").read_text("utf-8")
    assert '"/2021/10/visit/?lang=&p=&page_id=" "/2021/10/visit-to-ankara/";' in nginx_map
    assert "url=http://127.0.0.1:8000/2021/10/visit-to-ankara/" in (
        tmp_path / "second/2021/10/visit/index.html").read_text("utf-8")
