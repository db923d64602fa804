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


def test_an_empty_optional_key_is_no_value_not_a_failed_read(tmp_path):
    """`Modified:` or a page's `Template:` left empty made the reader raise, and Pelican
    said only `Could not process articles/2021/visit.fr.md`."""
    write_tree(tmp_path, {
        A: article(modified=" ", image_credit=""),
        "content/pages/about.fr.md": "Title: À propos\nLang: fr\nSlug: about\nTemplate:\n"
                                     "\nTexte.\n"})
    result = build(tmp_path, "site", "--production")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/2021/10/visit/index.html").is_file()
    assert (tmp_path / "site/about/index.html").is_file()


def test_an_empty_status_is_an_error_not_published(tmp_path):
    """Read as no value, `Status:` would publish a text its officer may have meant to keep
    as a draft."""
    write_tree(tmp_path, {
        A: article(status=""),
        "content/pages/about.fr.md": "Title: À propos\nLang: fr\nSlug: about\nStatus: \n"
                                     "\nTexte.\n"})
    result = build(tmp_path, "site", "--production")
    assert_reported(result, f"{A}:6: error: Status is empty — write `Status: draft`",
                    "content/pages/about.fr.md:4: error: Status is empty")
    assert not (tmp_path / "site").exists()


def test_a_failure_while_reading_one_file_is_a_problem_on_that_file(tmp_path, monkeypatch):
    """Whatever raises while Pelican reads a file (a reader, a check, a receiver: here a
    receiver that fails on one article, as a bug would) is an error naming the file and
    the exception, so a test sees it, not Pelican's bare `Could not process`."""
    from pelican import signals  # noqa: PLC0415

    from globe import build as builds  # noqa: PLC0415

    def failing(content):
        if getattr(content, "slug", "") == "b":
            raise RuntimeError("a bug in a check")

    write_tree(tmp_path, {A: article(), "content/articles/2021/b.fr.md": article("b")})
    monkeypatch.chdir(tmp_path)
    signals.content_object_init.connect(failing)
    try:
        result = builds.check(builds.load_settings("content", tmp_path / "no-editions"))
    finally:
        signals.content_object_init.disconnect(failing)
    assert [str(p) for p in result.problems] == [
        "content/articles/2021/b.fr.md: error: the file could not be read: RuntimeError: a "
        "bug in a check — fix the file named above, or report this message to the "
        "developers"]


def test_an_author_or_tag_with_nothing_to_name_its_page_is_an_error_on_its_line(tmp_path):
    """Pelican warned `Unable to generate valid slug for Author "🎉"`, naming no file."""
    write_tree(tmp_path, {
        A: article(author="🎉", tags="Turquie, !!!"),
        "content/articles/2021/b.fr.md": article("b", author="<b></b>")})
    result = check(tmp_path)
    assert_reported(result, f"{A}:7: error: the tag `!!!` has no letter or digit",
                    f"{A}:6: error: the author `🎉` has no letter or digit",
                    "content/articles/2021/b.fr.md:6: error: the author `<b></b>`")
    assert "Unable to generate" not in result.stderr


def test_a_modified_date_before_the_date_and_a_translation_from_the_future(tmp_path):
    write_tree(tmp_path, {
        A: article(date="2021-10-18 10:00", modified="2021-10-17", translation_of="2099-01-01"),
        "content/articles/2021/b.fr.md": article("b", date="2021-10-18 10:00",
                                                 modified="2021-10-18")})
    result = check(tmp_path)
    assert_reported(result, f"{A}:6: error: Modified `2021-10-17` is before Date "
                    "`2021-10-18 10:00`", f"{A}:7: error: Translation_of `2099-01-01` is in "
                    "the future")
    assert "b.fr.md" not in result.stderr


def test_an_edition_removed_while_the_build_runs_is_a_problem_on_it(tmp_path):
    """The editions are listed, then read: one removed between the two stopped the build
    with a FileNotFoundError."""
    from globe_newsletter.edition import read_edition  # noqa: PLC0415

    edition, problems = read_edition(str(tmp_path / "2026-01.fr.md"), "editions/2026-01.fr.md",
                                     ("fr",))
    assert edition is None
    assert [str(p) for p in problems] == [
        "editions/2026-01.fr.md: error: the file could not be read: No such file or directory "
        "— fix the file named above, or report this message to the developers"]


def test_an_old_address_with_dot_segments_is_an_error_on_its_line(tmp_path):
    """`/../../tmp/x/` (or `%2e%2e`) is resolved by every browser and by nginx before the
    request: the redirect could never be used, and was accepted without a word."""
    write_tree(tmp_path, {A: article(old_urls="/ancien/ /../../tmp/x/ /a/%2e%2e/b/")})
    assert_reported(check(tmp_path), f"{A}:6: error: `/../../tmp/x/` has `.` or `..` in its "
                    "path", f"{A}:6: error: `/a/%2e%2e/b/` has `.` or `..`")
