"""Group the read content by language, and link each item to its other language versions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from globe_core.languages import lang_prefix


@dataclass
class LanguageSection:
    """Everything one language's listings are made of (published articles only)."""

    lang: str
    prefix: str
    articles: list = field(default_factory=list)  # newest first
    categories: list = field(default_factory=list)  # [(category, [articles])] in key order
    tags: list = field(default_factory=list)  # [(tag, [articles])] by name
    years: list = field(default_factory=list)  # [(year, [articles])] newest first


def group_by_language(articles, languages, default_lang, category_order) -> dict:
    by_lang = {lang: LanguageSection(lang, lang_prefix(lang, default_lang))
               for lang in languages}
    for article in sorted(articles, key=lambda a: a.date, reverse=True):
        by_lang[article.lang].articles.append(article)
    for section in by_lang.values():
        categories, tags, years = defaultdict(list), defaultdict(list), defaultdict(list)
        for article in section.articles:
            categories[article.category].append(article)
            for tag in getattr(article, "tags", []):
                tags[tag].append(article)
            years[article.date.year].append(article)
        section.categories = sorted(categories.items(),
                                    key=lambda item: category_order.index(item[0].key))
        section.tags = sorted(tags.items(), key=lambda item: item[0].name.casefold())
        section.years = sorted(years.items(), reverse=True)
    return by_lang


def link_translations(contents, languages, siteurl) -> None:
    """Give every article and page `alternates`: [(lang, absolute url)] incl. itself."""
    for content in contents:
        versions = {v.lang: v for v in [content, *content.translations]
                    if v.status == "published" or v is content}
        content.alternates = [(lang, f"{siteurl}/{versions[lang].url}")
                              for lang in languages if lang in versions]
