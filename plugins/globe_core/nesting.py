"""Texts that nest too deeply: refused on their line before Markdown converts them.

Python-Markdown parses a quote or a list inside another by calling itself again: past
about 290 levels it stops nesting and shows the rest as typed (`> > > …`), a little
further it raises RecursionError, and 3,000 quote lines of growing depth take it 20 s.
HTML elements nested by the thousand take the sanitiser minutes (its time grows with the
square of the depth: 100,000 `<div>` take nh3 half a minute). No text needs more than a
few levels, so past MOST_LEVELS the text is refused, on the first line that goes past it,
and is not converted. Both scans are linear and stop at that line.
"""

from __future__ import annotations

import re

from .messages import _
from .problems import Problem

MOST_LEVELS = 20

# Where a line can open levels: indentation, then quote and list markers (`> - 1. x`),
# after a footnote's label (`[^1]: > …`: its text starts on that line). Past MOST_LEVELS,
# they take at least MOST_LEVELS + 1 characters (`>>>…`, tabs), so a text without such a
# run at a line's start needs no closer look (most texts).
_NESTING_START = frozenset(" \t>-*+0123456789[")
_LONG_PREFIX = re.compile(  # "\n" first: `re` scans for it, fast
    rf"\n(?:\[\^[^\]\n]*\]:)?[ \t>*+\-0-9.)]{{{MOST_LEVELS + 1}}}")
_FOOTNOTE = re.compile(r" {0,3}\[\^[^\]]+\]:[ \t]*")
_PREFIX = re.compile(r"([ \t]*)((?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)*)")
_MARKER = re.compile(r">|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")

# HTML as browsers build it: elements that hold nothing, ends that may be left out (a new
# `<li>` closes the open one), text-level elements, which the end of a Markdown paragraph
# (a blank line, outside an HTML block) closes; but the formatting ones (`<b>`, `<em>`…),
# which browsers open again in each paragraph that follows, inside the ones before.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^>]*?(/?)>")
_CODE_SPAN = re.compile(r"`[^`]*`|<!--.*?-->")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr"})
_CLOSED_BY = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"},
              "td": {"td", "th"}, "th": {"td", "th"}, "p": {"p"}, "option": {"option"},
              "optgroup": {"optgroup"}, "thead": {"thead", "tbody", "tfoot"},
              "tbody": {"thead", "tbody", "tfoot"}, "tfoot": {"thead", "tbody", "tfoot"},
              "rt": {"rt", "rp"}, "rp": {"rt", "rp"}, "colgroup": {"colgroup"},
              "caption": {"caption"}, "a": {"a"}, "nobr": {"nobr"}}
_FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                         "strike", "strong", "tt", "u"})
_TEXT_LEVEL = _FORMATTING | {"abbr", "bdi", "bdo", "cite", "data", "del", "dfn", "ins",
                             "kbd", "mark", "q", "samp", "span", "sub", "sup", "time", "var",
                             "p"}


def nesting_problems(path: str, text: str, first_line: int) -> list[Problem]:
    """A problem on the first line of `text` (line `first_line` of `path`) that nests
    quotes and lists, or HTML elements, more than MOST_LEVELS deep; [] if none does."""
    lines = text.split("\n") if _LONG_PREFIX.search("\n" + text) else None  # line 1 too
    deep = _deep_markdown_line(lines) if lines else None
    if deep is not None:
        message = _("this line nests quotes or lists more than %(most)s levels deep",
                    most=MOST_LEVELS)
        fix = _("keep lists and quotes to a few levels: a sub-list is indented by four "
                "spaces under its item")
    elif text.count("<") > MOST_LEVELS:  # as many elements need as many `<`
        deep = _deep_html_line(lines or text.split("\n"))
        message = _("this line nests HTML elements more than %(most)s levels deep",
                    most=MOST_LEVELS)
        fix = _("close each element before the next one opens, or write the text in Markdown")
    if deep is None:
        return []
    return [Problem(path, first_line + deep, message, fix)]


def _deep_markdown_line(lines: list[str]) -> int | None:
    """The index of the first line that opens more than MOST_LEVELS quotes and lists,
    outside code."""
    fenced = False
    for index, line in enumerate(lines):
        if line[:1] not in _NESTING_START:
            continue  # most lines start with a letter
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _levels(line) > MOST_LEVELS:
            return index
    return None


def _levels(line: str) -> int:
    """The quotes and lists `line` opens: each marker (`>`, `-`, `1.`) opens one, so do
    four spaces of indentation before one and a footnote's label; the dashes of a rule
    (`- - -`, in a quote too) open none."""
    footnote = _FOOTNOTE.match(line)
    start = footnote.end() if footnote else 0
    indent, markers = _PREFIX.match(line, start).groups()
    if not markers:
        return int(bool(footnote))  # text, maybe indented: code or a continued paragraph
    opened = int(bool(footnote)) + len(indent.expandtabs(4)) // 4
    if _is_rule(line[start + len(indent):].lstrip("> \t")):
        return opened + markers.count(">")
    return opened + len(_MARKER.findall(markers))


def _is_rule(text: str) -> bool:
    """`- - -`, `***`, `___`: three or more of one of them, and spaces."""
    marks = text.replace(" ", "").replace("\t", "")
    return len(marks) >= 3 and marks[0] in "-*_" and marks.strip(marks[0]) == ""


def _deep_html_line(lines: list[str]) -> int | None:
    """The index of the first line where the open HTML elements, as a browser counts
    them, are more than MOST_LEVELS deep, outside code."""
    open_elements: list[str] = []
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not line.strip() and all(e in _TEXT_LEVEL for e in open_elements):
            # a paragraph ends, outside any HTML block: so do its text-level elements
            while open_elements and open_elements[-1] not in _FORMATTING:
                open_elements.pop()
            continue
        if fenced or "<" not in line:
            continue
        for closing, written, self_closing in _TAG.findall(_CODE_SPAN.sub("", line)):
            name = written.lower()
            if closing:
                if name in open_elements:
                    del open_elements[len(open_elements) - 1
                                      - open_elements[::-1].index(name):]
            elif name not in _VOID and not self_closing:
                _close_implied(open_elements, name)
                open_elements.append(name)
                if len(open_elements) > MOST_LEVELS:
                    return index
    return None


def _close_implied(open_elements: list[str], name: str) -> None:
    """What opening `name` closes: an open `<li>` for a new `<li>` (and what is open in
    it), an open `<p>` for a block; never past a container (`<ul>`, `<div>`, `<table>`)."""
    closes = _CLOSED_BY.get(name, set()) | ({"p"} if name not in _TEXT_LEVEL else set())
    cut = None
    for position in range(len(open_elements) - 1, -1, -1):
        element = open_elements[position]
        if element in closes:
            cut = position
        if element not in _TEXT_LEVEL and element not in _CLOSED_BY:
            break
    if cut is not None:
        del open_elements[cut:]
