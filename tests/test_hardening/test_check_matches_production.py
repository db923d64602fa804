"""Issue 8.8: `check` finds what the production build would; lists are never silently empty."""

from __future__ import annotations

from contentkit import article, write_tree
from support import ROOT
from test_globe_newsletter.kit import edition, write_site

from .kit import A, assert_reported, build, check, run_globe


def test_what_fails_the_production_build_fails_check(tmp_path):
    write_site(tmp_path, {"2021-15.fr.md": edition(
        "Voir [le programme](http://example.org/programme).", status="ready")})
    production = build(tmp_path, "site", "--production")
    assert production.returncode == 1
    assert_reported(check(tmp_path), "editions/2021-15.fr.md", "https://")


def test_a_published_article_linking_to_a_draft_is_an_error(tmp_path):
    write_tree(tmp_path, {
        A: article("visit", "fr", body="Texte.\n\nVoir [le brouillon](secret.fr.md)."),
        "content/articles/2021/secret.fr.md": article("secret", "fr", status="draft")})
    assert_reported(check(tmp_path), f"{A}:9: error: links to "
                    "content/articles/2021/secret.fr.md, a draft", "Status: draft")


def test_an_empty_article_list_is_an_error_not_a_dropped_edition(tmp_path):
    write_site(tmp_path, {"2021-15.fr.md": edition(articles=", ,", status="ready"),
                          "2021-16.fr.md": edition(number="2021-16", articles="alpha, , beta")})
    for name in ("2021-16.fr.md",):
        (tmp_path / "editions" / name).rename(tmp_path / "editions" / name)
    assert_reported(check(tmp_path), "editions/2021-15.fr.md:5: error: Articles lists nothing",
                    "editions/2021-16.fr.md:5: error: Articles has an empty entry")


def test_empty_tags_are_an_error(tmp_path):
    write_tree(tmp_path, {A: article("visit", "fr", tags=", ,")})
    assert_reported(check(tmp_path), f"{A}:6: error: Tags lists nothing")


def test_check_passes_the_sample_content():
    result = run_globe(ROOT, "check", timeout=300)
    assert result.returncode == 0, result.stderr
