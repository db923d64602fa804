"""Each Pelican seam (globe_core.pelican_seams) still holds: these fail loudly on an upgrade."""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import logging
from functools import partial
from importlib.metadata import version

import pytest
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.log import LimitFilter
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category
from pelican.writers import FileOverwriteFailedError, Writer

from globe_core import pelican_seams
from globe_core.pelican_seams import (
    CachedUrlArticle,
    add_written,
    body_of,
    cache_article_urls,
    files_written,
    forget_limited_messages,
    localized,
    summary_of,
    writer_of,
)


def settings(**overrides) -> dict:
    return {**copy.deepcopy(DEFAULT_CONFIG), **overrides}


def article(**overrides) -> Article:
    metadata = {"title": "T", "slug": "visit", "date": dt.datetime(2021, 10, 18), "lang": "fr"}
    return Article("<p>Body</p>", metadata=metadata,
                   settings=settings(DEFAULT_LANG="fr", ARTICLE_URL="{date:%Y}/{slug}/",
                                    ARTICLE_SAVE_AS="{date:%Y}/{slug}/index.html", **overrides))


def test_the_seams_were_checked_against_the_installed_pelican():
    # pyproject.toml pins pelican; on an upgrade re-check every seam, then this version.
    assert version("pelican") == pelican_seams.PELICAN_CHECKED


def test_limit_filter_drops_repeats_until_its_state_is_forgotten():
    record = logging.LogRecord("pelican", logging.WARNING, __file__, 1, "seam %s", ("x",), None)
    forget_limited_messages()
    assert LimitFilter().filter(record) is True
    assert LimitFilter().filter(record) is False  # what a second build would lose
    forget_limited_messages()
    assert LimitFilter().filter(record) is True


def test_article_urls_are_properties_a_subclass_can_cache():
    assert isinstance(Article.url, property) and isinstance(Article.save_as, property)
    plain, cached = article(), article()
    cache_article_urls(cached)
    assert type(cached) is CachedUrlArticle
    assert (cached.url, cached.save_as) == (plain.url, plain.save_as) == (
        "2021/visit/", "2021/visit/index.html")
    assert "url" in cached.__dict__  # worked out once, then kept


def test_an_attribute_of_a_category_can_be_used_in_its_url():
    category = localized(Category("Samenwerking", settings(
        CATEGORY_URL="{lang_prefix}category/{slug}/")), "cooperation", "nl", "nl/")
    assert category.url == "nl/category/cooperation/"
    assert category.as_dict()["lang_prefix"] == "nl/"


def test_the_body_as_the_reader_rendered_it_is_readable():
    item = article()
    assert body_of(item) == "<p>Body</p>" == item.content


def test_the_summary_is_read_without_freezing_it_before_its_links_are_rewritten():
    item = Article("<p>Body</p>", metadata={
        "title": "T", "slug": "visit", "date": dt.datetime(2021, 10, 18), "lang": "fr",
        "summary": '<a href="{static}/x.jpg">x</a>'}, settings=settings(DEFAULT_LANG="fr"))
    assert summary_of(item) == '<a href="{static}/x.jpg">x</a>'
    item.metadata["summary"] = "rewritten"  # as refresh_metadata_intersite_links does
    assert item.summary == "rewritten"
    # why summary_of exists: Pelican still memoizes the summary once it is read
    item.metadata["summary"] = "rewritten again"
    assert item.summary == "rewritten"


def test_the_articles_are_written_as_the_seam_writes_them():
    """`write_article` and `articles_to_write` repeat Pelican's `generate_articles`, and
    `generate_pages` hands it the writer's `write_file`: a change there must be mirrored."""
    source = inspect.getsource(ArticlesGenerator.generate_articles)
    for part in ("self.translations,", "self.articles,", "self.hidden_translations,",
                 "self.hidden_articles,", "article_generator_write_article.send(self, "
                 "content=article)", "article.save_as,", "self.get_template(article.template)",
                 'category=getattr(article, "category", None)',
                 'override_output=hasattr(article, "override_save_as")', "url=article.url",
                 "blog=True"):
        assert part in source
    assert source.count("write(") == 1
    assert "self.generate_articles(write)" in inspect.getsource(ArticlesGenerator.generate_pages)
    assert "partial(writer.write_file" in inspect.getsource(ArticlesGenerator.generate_pages)


def test_a_file_written_by_another_process_is_not_written_twice(tmp_path):
    writer = Writer(str(tmp_path), settings(RELATIVE_URLS=False))
    assert writer_of(partial(writer.write_file, relative_urls=False)) is writer
    path = str(tmp_path / "a.html")
    add_written(writer, {path}, set())
    assert files_written(writer) == ({path}, set())
    with pytest.raises(FileOverwriteFailedError):
        writer._open_w(path, "utf-8")
