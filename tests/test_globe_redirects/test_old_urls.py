"""`Old_urls` written by hand: redirected like imported ones, mistakes named by file and line."""

from __future__ import annotations

import os

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


def messages_of(result) -> list[str]:
    """`name.fr.md:6: message` for each problem."""
    return [f"{os.path.basename(p.path)}:{p.line}: {p.message}" for p in result.problems]


def test_old_urls_of_the_servers_own_files_are_refused(tmp_path, build_site):
    """`/.htaccess` made a redirect page at `/.htaccess/`: names starting with a dot are
    the server's (its settings, `.well-known`, a repository), never an old page's."""
    write_tree(tmp_path / "content", {"articles/2021/visit.fr.md": article(
        "visit", old_urls="/.htaccess /.well-known/acme-challenge/x /2019/.git/config "
                          "/%2Ehtpasswd https://international.brussels/.env")})
    result = build_site(tmp_path / "content")
    messages = messages_of(result)
    for name in (".htaccess", ".well-known", ".git", ".htpasswd", ".env"):
        assert any(m.startswith("visit.fr.md:6: `") and
                   f"has a name starting with a dot (`{name}`)" in m for m in messages), \
            (name, messages)
    assert all(p.fix.startswith("remove it from Old_urls") for p in result.problems)
    assert len(result.problems) == 5
    assert not (tmp_path / "output/.htaccess").exists()


def test_old_urls_in_the_sites_own_folders_are_refused(tmp_path, build_site):
    """The server's map redirects before it serves a file: an old address in a folder
    the build writes (the search index, the theme, the feeds, a language's home) would
    take the site's own pages and files away."""
    own = ["/pagefind/", "/pagefind/pagefind.js", "/theme/css/", "/feeds/fr.atom.xml",
           "/category/europe/", "/tag/turquie/", "/search/", "/newsletter/", "/nl/",
           "/en", "/nl/search/", "/en/feeds/en.atom.xml", "/images/2021/x.jpg",
           "/documents/", "/thumbnails/x.jpg", "/archives/", "/page/2/", "/drafts/x/",
           "/translations/"]
    write_tree(tmp_path / "content", {
        "articles/2021/visit.fr.md": article("visit", old_urls=" ".join(own)),
        "articles/2021/other.fr.md": article(
            "other", old_urls="/nl/2019/05/bezoek/ /2019/ /categorie/europe/ /feed/")})
    result = build_site(tmp_path / "content")
    messages = messages_of(result)
    for url in own:
        folder = "/" + "/".join(url.strip("/").split("/")[:2 if url.startswith(
            ("/nl/", "/en/")) and url.count("/") > 2 else 1]) + "/"
        assert f"visit.fr.md:6: old address `{url}` is in `{folder}`, which the site " \
               "writes itself: redirecting it would hide the site's own page or file" \
               in messages, (url, messages)
    assert len(messages) == len(own)  # other.fr.md: addresses the site does not use


def test_old_urls_naming_a_file_the_build_writes_are_refused(tmp_path, build_site):
    write_tree(tmp_path / "content", {
        "articles/2021/visit.fr.md": article(
            "visit", old_urls="/robots.txt /sitemap.xml /404.html /nl/404.html /index.html "
                              "/redirects.map /2021/10/visit/index.html"),
        "articles/2021/visit.nl.md": article("visit", "nl")})
    result = build_site(tmp_path / "content")
    files = ["robots.txt", "sitemap.xml", "404.html", "nl/404.html", "index.html",
             "redirects.map", "2021/10/visit/index.html"]
    assert sorted(messages_of(result)) == sorted(
        f"visit.fr.md:6: old address `/{name}` is the site's own "
        f"`{name}`: redirecting it would hide that file" for name in files)


def test_an_old_address_under_a_file_of_the_site_is_redirected_by_nginx_only(
        tmp_path, build_site):
    """No redirect page can be a folder under `robots.txt` (this stopped the build)."""
    write_tree(tmp_path / "content", {"articles/2021/visit.fr.md": article(
        "visit", old_urls="/robots.txt/ancien/ /2019/")})
    result = build_site(tmp_path / "content")
    assert result.ok, "\n".join(map(str, result.problems))
    output = tmp_path / "output"
    assert (output / "robots.txt").is_file()
    assert '"/robots.txt/ancien/?lang=&p=&page_id=" "/2021/10/visit/";' in (
        output / "redirects.map").read_text(encoding="utf-8")
    assert "/2021/10/visit/" in (output / "2019/index.html").read_text(encoding="utf-8")


def test_full_addresses_on_another_host_are_redirected_by_their_path(tmp_path, build_site):
    """The old site may have had another name (an older domain, www.): its path is what
    the server matches."""
    write_tree(tmp_path / "content", {"articles/2021/visit.fr.md": article(
        "visit", old_urls="https://www.brussels-international.be/2015/03/visite/?lang=nl "
                          "HTTP://Old.Example:8080/ancienne-visite/")})
    result = build_site(tmp_path / "content")
    assert result.ok, "\n".join(map(str, result.problems))
    nginx_map = (tmp_path / "output/redirects.map").read_text(encoding="utf-8")
    assert '"/2015/03/visite/?lang=nl&p=&page_id=" "/2021/10/visit/";' in nginx_map
    assert '"/ancienne-visite/?lang=&p=&page_id=" "/2021/10/visit/";' in nginx_map


def test_entries_that_are_no_address_of_an_old_site_are_refused(tmp_path, build_site):
    refused = {
        "javascript:alert(1)": "is not a web address",
        "JavaScript:alert(1)": "is not a web address",
        "mailto:info@international.brussels": "is not a web address",
        "data:text/html;base64": "is not a web address",
        "ftp://international.brussels/x": "is not a web address",
        "http:/2019/05/x/": "is not a web address",
        "https:2019/05/x/": "is not a web address",
        "http:///2019/05/x/": "is not a web address",
        "http://exa_mple.be/x/": "is not a web address",
        "http://-x.be/x/": "is not a web address",
        "http://[::1]/x/": "is not a web address",
        "http://international.brussels:99999/x/": "is not a web address",
        "http://international.brussels:0/x/": "is not a web address",
        "http://international.brussels@evil.example/x/": "has a user name before its host",
        "https://user:secret@international.brussels/x/": "has a user name before its host",
        "//2019/05/visite/": "starts with //, which names another site",
        "/2019\\05\\visite/": "has a \\ in its path, which browsers send as /",
        "/2019/%0A/visite/": "writes a control character in its path (U+000A)",
        "/2019/%00/visite/": "writes a control character in its path (U+0000)",  # a crash
        "/2019/caf%E9/": "is not a web address",  # Latin-1, not UTF-8
        "/?p=12%0A3": "is not a web address",
        "/?lang=nl%22": "is not a web address",
    }
    write_tree(tmp_path / "content", {"articles/2021/visit.fr.md": article(
        "visit", old_urls=" ".join(refused))})
    result = build_site(tmp_path / "content")
    messages = messages_of(result)
    for entry, said in refused.items():
        assert any(m.startswith(f"visit.fr.md:6: `{entry}` {said}") for m in messages), \
            (entry, messages)
    assert len(messages) == len(refused)
