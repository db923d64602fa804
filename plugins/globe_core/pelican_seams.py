"""Every place we rely on Pelican internals rather than its public hooks, in one module.

Each was checked against Pelican PELICAN_CHECKED; tests/test_globe_core/test_pelican_seams.py
fails loudly if a Pelican upgrade changes what a seam relies on. Prefer a public signal or a
Markdown extension to adding a seam here.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from pelican import signals
from pelican.contents import Article
from pelican.log import LimitFilter

PELICAN_CHECKED = "4.12.0"


# --- 1. LimitFilter state (pelican/log.py) ----------------------------------------------
# Checked against Pelican 4.12.0: LimitFilter keeps class-level sets of the messages it has
# seen and drops repeats for the rest of the process. Several builds run in one process
# (tests, `globe serve`): each must see its own warnings, so the state is reset per build.
def forget_limited_messages() -> None:
    LimitFilter._ignore = set()
    LimitFilter._raised_messages = set()
    LimitFilter._group_count = defaultdict(int)


# --- 2. URL caching by class swap (pelican/contents.py) ---------------------------------
# Checked against Pelican 4.12.0: Article.url and Article.save_as are properties that
# format the settings on every access (about 80 µs each); listings, hreflang links and
# feeds ask tens of thousands of times. An article's URL depends only on its slug, date,
# language and status, fixed once it is read. Article._expand_settings names its settings
# explicitly, not by class name, so the subclass builds the same URLs.
class CachedUrlArticle(Article):
    url = cached_property(Article.url.fget)
    save_as = cached_property(Article.save_as.fget)


def cache_article_urls(content) -> None:
    """content_object_init receiver: nothing has asked for the URL yet at this point."""
    if type(content) is Article:
        content.__class__ = CachedUrlArticle


# --- 3. lang_prefix through URLWrapper.as_dict (pelican/urlwrappers.py) -----------------
# Checked against Pelican 4.12.0: URLWrapper.as_dict returns the instance's __dict__, so an
# attribute set on a Category or Tag can be used in CATEGORY_URL / TAG_URL, here
# "{lang_prefix}category/{slug}/": each language's categories live under its prefix.
def localized(wrapper, key, lang, prefix):
    """A category or tag of one language: its URL lives under that language's prefix."""
    if key:
        wrapper.slug = key
    wrapper.key = key or wrapper.slug
    wrapper.lang = lang
    wrapper.lang_prefix = prefix
    return wrapper


# --- 4. The rendered body, Content._content (pelican/contents.py) -----------------------
# Checked against Pelican 4.12.0: `content` is a property over `_content` that rewrites
# {filename} links on every read. Descriptions (share cards, feeds' summaries) are made
# from the body as the reader rendered it, before links are rewritten, so they read it raw.
def body_of(content) -> str:
    return getattr(content, "_content", None) or ""


# --- 5. The summary before its links are rewritten (pelican/contents.py) -----------------
# Checked against Pelican 4.12.0: `Content.get_summary` is memoized, and Pelican rewrites
# the {static}/{filename} links of summaries only after `all_generators_finalized`. Reading
# `.summary` before that froze the unrewritten links for every later read: feeds showed
# `href="{static}/…"`. Steps before the writing read the summary as the reader left it.
def summary_of(content) -> str:
    return (getattr(content, "metadata", None) or {}).get("summary") or ""


# --- 6. Articles written by two processes (pelican/generators.py, pelican/writers.py) ----
# Checked against Pelican 4.12.0: `ArticlesGenerator.generate_pages` calls
# `self.generate_articles(write)`, `write` being a partial of its writer's `write_file`, and
# `generate_articles` writes each of `translations`, `articles`, `hidden_translations` and
# `hidden_articles` as `write_article` does (globe_site/parallel_write.py replaces it on the
# generator). The writer refuses to write a file twice from its `_written_files` and
# `_overridden_files`: the files another process wrote are added there.
def articles_to_write(generator) -> list:
    return [*generator.translations, *generator.articles, *generator.hidden_translations,
            *generator.hidden_articles]


def write_article(generator, write, article) -> None:
    signals.article_generator_write_article.send(generator, content=article)
    write(article.save_as, generator.get_template(article.template), generator.context,
          article=article, category=getattr(article, "category", None),
          override_output=hasattr(article, "override_save_as"), url=article.url, blog=True)


def writer_of(write):
    return write.func.__self__


def files_written(writer) -> tuple[set[str], set[str]]:
    """(written, overridden): the paths the writer has written, a copy of each set."""
    return set(writer._written_files), set(writer._overridden_files)


def add_written(writer, written: set[str], overridden: set[str]) -> None:
    writer._written_files |= written
    writer._overridden_files |= overridden
