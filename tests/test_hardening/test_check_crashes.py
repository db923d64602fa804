"""Values that made a check or Pelican raise: the build stopped with the exception's text
and no file (`the build stopped: KeyError: 'lang_prefix'`). Each is now an error on the
line that wrote it."""

from __future__ import annotations

from contentkit import article, write_tree

from .kit import A, assert_reported, build, check


def test_link_placeholders_pelican_cannot_build_are_errors_on_their_line(tmp_path):
    """{category}, {tag}, {author}, {index} and unknown ones ({foo}, |foo|): Pelican makes
    the first three from URL settings ours do not follow, and only warns on the others."""
    write_tree(tmp_path, {
        A: article(body="Intro.\n\nVoir [x]({category}europe) et [y]({tag}turquie).\n\n"
                        "<a href=\"{author}moi\">z</a> [i]({index}) [f]({foo}bar) "
                        "[g](|foo|bar)"),
        "content/articles/2021/b.fr.md": article("b", summary="Voir [x]({category}europe)."),
        "content/articles/2021/c.fr.md": article(
            "c", body="[ok]({filename}/articles/2021/b.fr.md?x=1#suite)"),
        "content/articles/2021/d.fr.md": article(
            "d", body="Intro.\n\n[x](|filename|/articles/2021/c.fr.md)")})
    expected = (f"{A}:9: error: `{{category}}` links are not supported",
                f"{A}:9: error: `{{tag}}` links are not supported",
                f"{A}:11: error: `{{author}}` links", f"{A}:11: error: `{{index}}` links",
                f"{A}:11: error: `{{foo}}` links", f"{A}:11: error: `|foo|` links",
                "content/articles/2021/b.fr.md:6: error: `{category}` links",
                "content/articles/2021/d.fr.md:9: error: `|filename|` links are not supported")
    result = check(tmp_path)
    assert_reported(result, *expected)
    assert "c.fr.md" not in result.stderr and "stopped" not in result.stderr
    assert_reported(build(tmp_path, "site", "--production"), *expected)


def test_an_old_address_with_an_unclosed_ipv6_host_is_an_error_on_its_line(tmp_path):
    write_tree(tmp_path, {A: article(old_urls="/ancien/ http://[/x")})
    result = check(tmp_path)
    assert_reported(result, f"{A}:6: error:", "`http://[/x` is not a web address")
    assert "ValueError" not in result.stderr
