"""Each Pelican seam (globe_core.pelican_seams) still holds: these fail loudly on an upgrade."""

from __future__ import annotations

import copy
import datetime as dt
import logging
from importlib.metadata import version

from pelican.contents import Article
from pelican.log import LimitFilter
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category

from globe_core import pelican_seams
from globe_core.pelican_seams import (
    CachedUrlArticle,
    body_of,
    cache_article_urls,
    forget_limited_messages,
    localized,
    summary_of,
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


def test_a_summary_read_early_stays_memoized_so_early_steps_read_the_metadata():
    item = article()
    item.metadata["summary"] = "<a href=\"{index}\">x</a>"
    assert summary_of(item) == item.metadata["summary"]
    early = item.summary  # what Pelican's refresh after all_generators_finalized misses
    item.metadata["summary"] = "rewritten"
    assert item.summary == early and summary_of(item) == "rewritten"
