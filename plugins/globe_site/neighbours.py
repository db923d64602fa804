"""Previous and next articles in the same category and language, for the article page."""

from __future__ import annotations


def link_neighbours(categories) -> None:
    """categories: [(category, [articles newest first])] of one language.

    Each article gets `newer_in_category` and `older_in_category` (or None).
    """
    for _category, articles in categories:
        for index, article in enumerate(articles):
            article.newer_in_category = articles[index - 1] if index > 0 else None
            article.older_in_category = (articles[index + 1]
                                         if index + 1 < len(articles) else None)
