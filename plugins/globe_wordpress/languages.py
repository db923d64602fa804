"""Which language each post is in, and which posts translate each other.

Two language plugins are read: WPML (its export add-on writes `_wpml_import_language_code`
and `_wpml_import_translation_group` post meta; in "language as a parameter" mode the
permalink also ends in `?lang=nl`) and Polylang (terms of the `language` and
`post_translations` taxonomies, the group's members listed in the term description).
Without either, every post is in the default language and stands alone.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from .wxr import Export, Item

_WPML_LANGUAGE_KEYS = ("_wpml_import_language_code", "_wpml_language", "wpml_language")
_WPML_GROUP_KEYS = ("_wpml_import_translation_group", "_wpml_translation_group", "trid")
# Polylang stores a PHP-serialised array: a:2:{s:2:"fr";i:12;s:2:"nl";i:34;}
_PHP_LANG_TO_ID = re.compile(r's:\d+:"([A-Za-z_-]+)";i:(\d+);')


def language_code(value: str) -> str:
    """`nl_BE`, `nl-be`, `NL` -> `nl`."""
    return re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]


def _polylang_groups(export: Export) -> dict[int, str]:
    """post id -> translation group, from the post_translations terms."""
    groups = {}
    for slug, description in export.term_descriptions.get("post_translations", {}).items():
        for _lang, post_id in _PHP_LANG_TO_ID.findall(description):
            groups[int(post_id)] = f"pll:{slug}"
    return groups


def item_language(item: Item) -> str | None:
    """The language the export gives this item, or None if it gives none."""
    for key in _WPML_LANGUAGE_KEYS:
        if item.meta.get(key, "").strip():
            return language_code(item.meta[key])
    polylang = item.terms_of("language")
    if polylang and (polylang[0].slug or polylang[0].label):
        return language_code(polylang[0].slug or polylang[0].label)
    query = parse_qs(urlsplit(item.link).query)
    if query.get("lang"):
        return language_code(query["lang"][0])
    return None


def translation_groups(export: Export, items: list[Item]) -> dict[str, str]:
    """item key -> a group key shared by the translations of one text."""
    polylang = _polylang_groups(export)
    groups = {}
    for item in items:
        group = next((item.meta[k].strip() for k in _WPML_GROUP_KEYS
                      if item.meta.get(k, "").strip()), None)
        if group:
            groups[item.key] = f"wpml:{group}"
        else:
            for term in item.terms_of("post_translations"):
                groups[item.key] = f"pll:{term.slug}"
                break
            else:
                groups[item.key] = polylang.get(item.id, f"post:{item.key}")
    return groups
