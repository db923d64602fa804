"""Checks that need every file at once: a slug may name one article per language."""

from __future__ import annotations

import os
import re
from itertools import chain
from urllib.parse import quote, unquote

from pelican.generators import ArticlesGenerator, PagesGenerator

from globe_core.messages import _
from globe_core.problems import Problem, problem_log
from globe_core.settings import GlobeSettings

from .tree import tree_problems


def check_folders(settings, display) -> list[Problem]:
    """The content and editions folders on disk: links out of them, stray files, images."""
    def tops(key):  # a preview reads single files: articles/2026/x.fr.md is in articles
        return tuple(dict.fromkeys(path.split("/", 1)[0] for path in settings.get(key, [])))

    return (tree_problems(settings["PATH"], display,
                          tops("ARTICLE_PATHS") + tops("PAGE_PATHS"), tops("STATIC_PATHS"))
            + tree_problems(GlobeSettings.of(settings).editions_path, display, editions=True))


def _contents(generator):
    if isinstance(generator, ArticlesGenerator):
        return "article", chain(generator.articles, generator.translations, generator.drafts,
                                generator.drafts_translations, generator.hidden_articles,
                                generator.hidden_translations)
    if isinstance(generator, PagesGenerator):
        return "page", chain(generator.pages, generator.translations,
                             generator.hidden_pages, generator.hidden_translations,
                             generator.draft_pages, generator.draft_translations)
    return None, ()


def check_site(generators) -> list[Problem]:
    log = problem_log(generators[0].settings)
    problems = []
    for generator in generators:
        kind, contents = _contents(generator)
        first_with = {}
        for content in sorted(contents, key=lambda c: c.source_path):
            key = (content.slug, content.lang)
            if key in first_with:
                params = {"slug": content.slug, "lang": content.lang,
                          "path": log.display_path(first_with[key].source_path)}
                problems.append(Problem(
                    log.display_path(content.source_path),
                    content.source_lines.get("slug", 1),
                    _("slug `%(slug)s` is already used by the %(lang)s article %(path)s",
                      **params) if kind == "article" else
                    _("slug `%(slug)s` is already used by the %(lang)s page %(path)s",
                      **params),
                    _("give this one another slug; translations share a slug but differ "
                      "in Lang")))
            else:
                first_with[key] = content
        if kind == "article":
            problems += _category_problems(first_with.values(), log)
    return problems + _nothing_to_publish(generators, log)


def _nothing_to_publish(generators, log) -> list[Problem]:
    """A content folder with no article or page to publish (an empty folder, or --content
    naming the wrong one) is said so, instead of failing later in the search index."""
    settings = generators[0].settings
    globe = GlobeSettings.of(settings)
    if not (globe.search_url and globe.search_index):
        return []  # only the search index cannot be made of nothing
    production = globe.production
    published = 0
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            published += len(generator.articles) + len(generator.translations) + (
                0 if production else len(generator.drafts) + len(generator.drafts_translations))
        elif isinstance(generator, PagesGenerator):
            published += len(generator.pages) + len(generator.translations) + (
                0 if production else len(generator.draft_pages)
                + len(generator.draft_translations))
    if published or log:  # files with problems are left out: those are what to fix
        return []
    return [Problem(log.display_path(settings["PATH"]), 0,
                    _("there is no article or page to publish in this folder"),
                    _("check that --content names the content folder (with articles/ and "
                      "pages/ in it), or write a first article; a production build leaves "
                      "out drafts"))]


def _category_problems(articles, log) -> list[Problem]:
    """Language versions of one article in different categories: each language's listings
    would file it elsewhere, and the versions would not lead to each other's category."""
    by_slug: dict[str, list] = {}
    for article in articles:
        by_slug.setdefault(article.slug, []).append(article)
    problems = []
    for versions in by_slug.values():
        first = versions[0]  # sorted by path: the same one every build
        for other in versions[1:]:
            if other.category.slug != first.category.slug:
                problems.append(Problem(
                    log.display_path(other.source_path),
                    other.source_lines.get("category", 1),
                    _("this version is in the category `%(this)s`, the %(lang)s one "
                      "(%(path)s) in `%(first)s`", this=other.category.slug,
                      lang=first.lang, path=log.display_path(first.source_path),
                      first=first.category.slug),
                    _("give every language version of an article the same Category")))
    return problems


_FILENAME_HREF = re.compile(r"""\{filename\}([^"'#?\s>]+)""")


def draft_link_problems(generators) -> list[Problem]:
    """A published page that links to a draft: in production that link is dead."""
    log = problem_log(generators[0].settings)
    root = os.path.abspath(generators[0].settings["PATH"])
    everything = [c for g in generators for c in _contents(g)[1]]
    by_path = {os.path.abspath(c.source_path): c for c in everything}
    problems = []
    for content in everything:
        if content.status != "published":
            continue
        folder = os.path.dirname(os.path.abspath(content.source_path))
        for target in dict.fromkeys(_FILENAME_HREF.findall(content._content or "")):
            path = _linked_path(target, folder, root)
            linked = by_path.get(path)
            if linked is None or linked.status != "draft":
                continue
            shown = log.display_path(linked.source_path)
            problems.append(Problem(
                log.display_path(content.source_path),
                _line_naming(content.source_path, os.path.basename(path)),
                _("links to %(path)s, a draft: the published site would have a dead link",
                  path=shown),
                _("publish %(path)s first (remove `Status: draft`), or remove the link",
                  path=shown)))
    return problems


_STATIC_LINK = re.compile(r"""\{(attach|static)\}([^"'#?\s>]+)""")


def attached_file_problems(generators) -> list[Problem]:
    """A file that one article `{attach}`es and another links: `{attach}` moves it beside
    the first article to be written, and Pelican leaves the other link pointing at the
    old place (with a message that names no line). Reported on every other file."""
    log = problem_log(generators[0].settings)
    root = os.path.abspath(generators[0].settings["PATH"])
    links: dict[str, dict[str, str]] = {}  # linked file: {source: kind, attach first}
    for content in sorted((c for g in generators for c in _contents(g)[1]),
                          key=lambda c: c.source_path):
        body = content._content or ""
        if "{attach}" not in body and "{static}" not in body:
            continue  # most articles
        folder = os.path.dirname(os.path.abspath(content.source_path))
        for kind, target in _STATIC_LINK.findall(body):
            by_source = links.setdefault(_linked_path(target, folder, root), {})
            if by_source.get(content.source_path) != "attach":
                by_source[content.source_path] = kind
    problems = []
    for path, by_source in links.items():
        attaching = [source for source, kind in by_source.items() if kind == "attach"]
        if not attaching or len(by_source) < 2:
            continue
        shown = os.path.relpath(path, root).replace(os.sep, "/")
        for source in by_source:
            if source == attaching[0]:
                continue
            problems.append(Problem(
                log.display_path(source), _line_naming(source, os.path.basename(path)),
                _("`%(file)s` is attached to %(other)s with `{attach}`, which publishes it "
                  "beside that one only", file=shown, other=log.display_path(
                      attaching[0] if source != attaching[0] else attaching[1])),
                _("link it with `{static}` in every file that links it")))
    return problems


def _linked_path(target: str, folder: str, root: str) -> str:
    """The file a `{filename}`/`{static}`/`{attach}` link names: from the content folder
    when it starts with /, else from the folder of the file that links."""
    path = unquote(target)
    return os.path.normpath(os.path.join(root, path.lstrip("/")) if path.startswith("/")
                            else os.path.join(folder, path))


def _line_naming(path: str, name: str) -> int:
    with open(path, encoding="utf-8", errors="replace") as file:
        for number, line in enumerate(file, start=1):
            if name in line or quote(name) in line:
                return number
    return 0
