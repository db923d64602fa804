"""WordPress categories -> the site's category keys, through a file officers can edit.

The import writes the file as a starting point (`--write-categories`, or on the first
run): each WordPress category with the key its name matches, or "" where none does.
A post whose categories all map to "" is filed under `varia` and listed in the report.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections import Counter

from globe_core.categories import CATEGORY_LABELS

from .names import slugify
from .wxr import Item

FALLBACK = "varia"


class MappingError(Exception):
    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


def guess(slug: str, label: str, labels=CATEGORY_LABELS) -> str:
    """The key whose name or label (in any language) the WordPress category matches."""
    wanted = {slugify(slug), slugify(label)}
    for key, by_lang in labels.items():
        if wanted & ({key} | {slugify(text) for text in by_lang.values()}):
            return key
    return ""


def categories_in(items: list[Item]) -> dict[str, tuple[str, int]]:
    """slug -> (label, number of posts), for every category used by a post."""
    counts: Counter = Counter()
    names = {}
    for item in items:
        for term in item.terms_of("category"):
            counts[term.slug] += 1
            names[term.slug] = term.label
    return {slug: (names[slug], counts[slug]) for slug in sorted(counts)}


def render(used: dict[str, tuple[str, int]], current: dict[str, str], header: str) -> str:
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines.append("# keys: " + ", ".join(CATEGORY_LABELS))
    for slug, (label, count) in used.items():
        value = current.get(slug, guess(slug, label))
        lines.append(f"{json.dumps(slug, ensure_ascii=False)} = "
                     f"{json.dumps(value, ensure_ascii=False)}  # {label} ({count})")
    return "\n".join(lines) + "\n"


def load(path: str) -> dict[str, str]:
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as file:
        try:
            data = tomllib.load(file)
        except tomllib.TOMLDecodeError as error:
            line = int(str(error).rsplit("line ", 1)[-1].split(",")[0].rstrip(")")) \
                if "line " in str(error) else 0
            raise MappingError(str(error), line) from None
    for slug, value in data.items():
        if not isinstance(value, str) or (value and value not in CATEGORY_LABELS):
            raise MappingError(f"{slug} = {value!r}")
    return data


def category_of(item: Item, mapping: dict[str, str]) -> tuple[str, list[str]]:
    """The post's key, and the WordPress categories that mapped to nothing."""
    unmapped = []
    for term in item.terms_of("category"):
        key = mapping.get(term.slug) or guess(term.slug, term.label)
        if key:
            return key, []
        unmapped.append(term.label or term.slug)
    return FALLBACK, unmapped
