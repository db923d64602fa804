"""Markdown that does not try the inline patterns a text cannot match.

Python-Markdown tries each of its fifteen inline patterns on every piece of text in a
document, a third of the conversion time; most articles use only links, images and
emphasis. Every match of a pattern below needs one of its characters in the text, so a
text without any of them is converted by an instance with that pattern removed (through
the registry's public `deregister`): the same HTML, for less work. Instances are kept,
one per set of removed patterns. Tests compare the output with a full instance's.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown import Markdown

# Pattern name → strings of which a text holds at least one wherever the pattern can
# match. Python-Markdown turns tabs into spaces and "\r" into "\n" before the inline
# patterns run, so a line break ("  \n") may come from either. Names missing here (from
# other extensions, or a later Python-Markdown) are always kept.
NEEDS: dict[str, tuple[str, ...]] = {
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


class TrimmedMarkdown:
    """Converts like `make()`'s instance, skipping the patterns each text cannot use."""

    def __init__(self, make: Callable[[], Markdown]):
        self._make = make
        full = make()
        self._trimmable = {name: needles for name, needles in NEEDS.items()
                           if name in full.inlinePatterns}
        self._instances: dict[frozenset[str], Markdown] = {frozenset(): full}

    def instance_for(self, text: str) -> Markdown:
        """The instance without the patterns `text` cannot match, reset."""
        unused = frozenset(name for name, needles in self._trimmable.items()
                           if not any(needle in text for needle in needles))
        markdown = self._instances.get(unused)
        if markdown is None:
            markdown = self._instances[unused] = self._make()
            for name in unused:
                markdown.inlinePatterns.deregister(name)
        markdown.reset()
        return markdown

    def convert(self, text: str) -> str:
        return self.instance_for(text).convert(text)
