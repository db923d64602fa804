"""Markdown that does not try the syntax a text cannot use.

Python-Markdown tries each of its fifteen inline patterns on every piece of text in a
document, and each of its dozen block processors on every block: the loops around them
are most of the conversion time, though most articles use only paragraphs, lists, links,
images and emphasis. Every match of a pattern or processor below needs one of its
strings in the text, so a text without any of them is converted by an instance with
that pattern or processor removed (through the registries' public `deregister`): the
same HTML, for less work. Instances are kept, one per set of removed parts. Tests
compare the output with a full instance's.
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


class TrimmedMarkdown:
    """Converts like `make()`'s instance, skipping the syntax each text cannot use."""

    def __init__(self, make: Callable[[], Markdown]):
        self._make = make
        full = make()
        spaces = " " * full.tab_length
        self._inline = {name: needles for name, needles in INLINE_NEEDS.items()
                        if name in full.inlinePatterns}
        self._block = {name: tuple(spaces if n == TAB else n for n in needles)
                       for name, needles in BLOCK_NEEDS.items()
                       if name in full.parser.blockprocessors}
        self._instances: dict[tuple[frozenset[str], frozenset[str]], Markdown] = {
            (frozenset(), frozenset()): full}

    def instance_for(self, text: str) -> Markdown:
        """The instance without the patterns and processors `text` cannot use, reset."""
        unused = (_unused(self._inline, text), _unused(self._block, text))
        markdown = self._instances.get(unused)
        if markdown is None:
            markdown = self._instances[unused] = self._make()
            for name in unused[0]:
                markdown.inlinePatterns.deregister(name)
            for name in unused[1]:
                markdown.parser.blockprocessors.deregister(name)
        markdown.reset()
        return markdown

    def convert(self, text: str) -> str:
        return self.instance_for(text).convert(text)


def _unused(needs: dict[str, tuple[str, ...]], text: str) -> frozenset[str]:
    return frozenset(name for name, needles in needs.items()
                     if not any(needle in text for needle in needles))
