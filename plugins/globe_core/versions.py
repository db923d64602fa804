"""Every language version of the content Pelican read."""

from __future__ import annotations

from itertools import chain


def all_versions(originals) -> list:
    """Pelican lists one 'original' per slug; its translations hold the other languages."""
    seen, every = set(), []
    for item in chain.from_iterable([o, *o.translations] for o in originals):
        if id(item) not in seen:
            seen.add(id(item))
            every.append(item)
    return every
