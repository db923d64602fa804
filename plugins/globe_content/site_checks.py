"""Checks that need every file at once: a slug may name one article per language."""

from __future__ import annotations

from itertools import chain

from pelican.generators import ArticlesGenerator, PagesGenerator

from globe_core.messages import _
from globe_core.problems import Problem, problem_log


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
    return problems
