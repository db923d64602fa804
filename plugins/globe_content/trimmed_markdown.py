"""Markdown that does not try the syntax a text cannot use.

Python-Markdown tries each of its fifteen inline patterns on every piece of text in a
document, each of its dozen block processors on every block, and `{: attribute}` lists
on every element: the loops around them are most of the conversion time, though most
articles use only paragraphs, lists, links, images and emphasis. Every match of a part
below needs one of its strings in the text, so a text without any of them is converted
by an instance with that part removed (through the registries' public `deregister`):
the same HTML, for less work. Instances are kept, one per set of removed parts (a few
dozen at most; texts of any other set use the full instance). Tests compare the output
with a full instance's.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown import Markdown

# Name → strings of which a text holds at least one wherever the part can match.
# Python-Markdown turns tabs into spaces and "\r" into "\n" before it parses, so a line
# break ("  \n") or an indented code block may come from either. Names missing here
# (from other extensions, or a later Python-Markdown) are always kept.
INLINE_NEEDS: dict[str, tuple[str, ...]] = {
    "backtick": ("`",),
    "escape": ("\\",),
    "footnote": ("[^",),
    "reference": ("[",),
    "link": ("[",),
    "short_reference": ("[",),
    "image_link": ("![",),
    "image_reference": ("![",),
    "short_image_ref": ("![",),
    "autolink": ("<",),
    "automail": ("<",),
    "html": ("<",),
    "linebreak": (" \n", " \r", "\t"),
    "entity": ("&",),
    "em_strong": ("*", "_"),
    "em_strong2": ("_",),
    "not_strong": ("*", "_"),
}
TAB = "\0tab"  # stands for the instance's tab_length in spaces
BLOCK_NEEDS: dict[str, tuple[str, ...]] = {
    "code": (TAB, "\t"),
    "table": ("|",),
    "hashheader": ("#",),
    "setextheader": ("=", "-"),
    "hr": ("-", "_", "*"),
    "olist": (".",),
    "ulist": ("*", "+", "-"),
    "quote": (">",),
    "footnote": ("[^",),
    "reference": ("[",),
}
TREE_NEEDS: dict[str, tuple[str, ...]] = {
    "attr_list": ("{",),
}
KEPT_INSTANCES = 64  # a real site makes about a dozen sets; files made to vary get no more


def _registries(markdown: Markdown) -> tuple:
    """The registries that INLINE_NEEDS, BLOCK_NEEDS and TREE_NEEDS name parts of."""
    return markdown.inlinePatterns, markdown.parser.blockprocessors, markdown.treeprocessors


class TrimmedMarkdown:
    """Converts like `make()`'s instance, skipping the syntax each text cannot use."""

    def __init__(self, make: Callable[[], Markdown]):
        self._make = make
        full = make()
        spaces = " " * full.tab_length
        self._parts = []  # (index of its registry, name, needles) of each part `full` has
        needs = (INLINE_NEEDS, BLOCK_NEEDS, TREE_NEEDS)
        for index, registry in enumerate(_registries(full)):
            self._parts += [(index, name, tuple(spaces if n == TAB else n for n in needles))
                            for name, needles in needs[index].items() if name in registry]
        self._needles = {n for _index, _name, needles in self._parts for n in needles}
        self._instances: dict[frozenset[tuple[int, str]], Markdown] = {frozenset(): full}

    def instance_for(self, text: str) -> Markdown:
        """The instance without the parts `text` cannot use, reset."""
        present = {needle for needle in self._needles if needle in text}
        unused = frozenset((index, name) for index, name, needles in self._parts
                           if present.isdisjoint(needles))
        markdown = self._instances.get(unused)
        if markdown is None and len(self._instances) >= KEPT_INSTANCES:
            markdown = self._instances[frozenset()]
        elif markdown is None:
            markdown = self._instances[unused] = self._make()
            registries = _registries(markdown)
            for index, name in unused:
                registries[index].deregister(name)
        markdown.reset()
        return markdown

    def convert(self, text: str) -> str:
        return self.instance_for(text).convert(text)
