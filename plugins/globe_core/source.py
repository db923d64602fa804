"""Split a Markdown source file into its metadata block and body, keeping line numbers."""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from .messages import _
from .problems import Problem

# Characters XML (feeds, sitemaps) cannot carry or should not, and no editor shows: NUL,
# the other C0 controls but tab and line ends, DEL, the C1 controls (a terminal may read
# U+009B as an escape sequence when a message quotes the line), U+FFFE and U+FFFF; and
# the directional embeddings and overrides (U+202A-U+202E), which show text in another
# order than it is written; the line and paragraph separators (U+2028, U+2029), which
# some editors break lines at and others do not, so that no line number would hold. The
# isolates (U+2066-U+2069), which mixed scripts need, stay.
# Also the noncharacters (U+FDD0-U+FDEF, the last two code points of every plane), which
# Unicode keeps out of any text.
_BMP_CONTROL = ("\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                "\ufdd0-\ufdef\ufffe\uffff")
_CONTROL = re.compile("[" + _BMP_CONTROL
                      + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF)
                                for plane in range(1, 17)) + "]")
# The same without the noncharacters beyond U+FFFF: a class holding those is scanned ten
# times slower, a fifth of the time of reading a file; most texts have no such character.
_CONTROL_IN_BMP = re.compile("[" + _BMP_CONTROL + "]")
# The same characters written as numeric character references (`&#x0B;`, `&#8238;`): the
# HTML carries them to the pages, and the feeds, which decode them, cannot.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX][0-9a-fA-F]{1,8}|[0-9]{1,9});?")
_META_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*?)\s*$")
# Characters a metadata value may not hold, though a body may: a value stands alone (a
# title in a feed, a subject in an inbox, a tag's page), where nothing around it shows
# that they are there. A byte order mark (U+FEFF; the one that starts a file is removed),
# the invisible operators (U+2061-U+2064), the deprecated format characters (U+206A-
# U+206F) and the interlinear annotation marks (U+FFF9-U+FFFB) show nothing; a
# private-use character (U+E000-U+F8FF, planes 15 and 16: a Wingdings bullet pasted from
# Word) shows as a box, or as whatever one font draws there.
_INVISIBLE_IN_VALUES = re.compile("[\u2061-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
# Both in one class without the planes: one scan finds most values clean, and the slow
# pattern (see _refused_characters) runs only on a value that has a character past U+FFFF
_REFUSED_IN_BMP_VALUES = re.compile("[\u2061-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"
                                    "\ue000-\uf8ff]")


@dataclass
class Field:
    value: str
    line: int


@dataclass
class SourceFile:
    """A file as written: `Key: value` lines, one blank line, then Markdown."""

    path: str
    fields: dict[str, Field] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the body's first line

    def value(self, key: str) -> str | None:
        found = self.fields.get(key)
        return found.value if found else None

    def line_of(self, key: str) -> int:
        found = self.fields.get(key)
        return found.line if found else 1


def decode_utf8(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """The text of a file, or a problem naming the line of the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [
            Problem(
                path,
                line,
                _("the file is not UTF-8 text"),
                _("save it as UTF-8 in your editor (File > Save with encoding > UTF-8)"),
            )
        ]
    text = text.removeprefix("\ufeff")
    problems = [Problem(path, text.count("\n", 0, match.start()) + 1,
                        _("the line contains an invisible control character (%(code)s)",
                          code=f"U+{ord(match.group()):04X}"),
                        _("delete it: retype the line, or save the file again as plain "
                          "UTF-8 text"))
                for match in _refused_characters(text)]
    problems += [Problem(path, text.count("\n", 0, match.start()) + 1,
                         _("the line writes an invisible control character as a code "
                           "(%(code)s)", code=match.group()),
                         _("delete the code `%(code)s`", code=match.group()))
                 for match in _CHARACTER_REFERENCE.finditer(text)
                 if _CONTROL.search(_referenced_character(match.group()))]
    problems += [Problem(path, text.count("\n", 0, match.start()) + 1,
                         _("the code `%(code)s` stands for no character: browsers show �",
                           code=match.group()),
                         _("delete the code `%(code)s`", code=match.group()))
                 for match in _CHARACTER_REFERENCE.finditer(text)
                 if _no_character(match.group())]
    if problems:
        return None, sorted(set(problems))[:10]
    return text, []


def _refused_characters(text: str):
    """_CONTROL's matches in `text`, the slower pattern only for a text that needs it."""
    beyond_bmp = len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
    return (_CONTROL if beyond_bmp else _CONTROL_IN_BMP).finditer(text)


def without_refused_characters(text: str) -> tuple[str, list[str]]:
    """`text` without what decode_utf8 refuses (the characters, and numeric references
    to them), for a tool that writes content files (the WordPress import); and the codes
    removed, e.g. ["U+202E", "&#x9B;"]."""
    removed = []

    def drop(match) -> str:
        removed.append(f"U+{ord(match.group()):04X}")
        return ""

    def drop_reference(match) -> str:
        if _no_character(match.group()) or _CONTROL.search(_referenced_character(match.group())):
            removed.append(match.group())
            return ""
        return match.group()

    text = _CONTROL.sub(drop, _CHARACTER_REFERENCE.sub(drop_reference, text))
    return text, removed


def refused_in_value(value: str) -> tuple[str, bool, bool] | None:
    """The first character of `value` no metadata value may hold (see
    _INVISIBLE_IN_VALUES), as (its code or the numeric reference that writes it, whether
    it is private-use, whether it is written as a reference); None if there is none."""
    if value.isascii() and "&#" not in value:
        return None  # most values
    found = _REFUSED_IN_BMP_VALUES.search(value) or (
        _PRIVATE_USE.search(value) if value and max(value) > "\uffff" else None)
    if found:
        return f"U+{ord(found.group()):04X}", bool(_PRIVATE_USE.match(found.group())), False
    for match in _CHARACTER_REFERENCE.finditer(value) if "&#" in value else ():
        character = _referenced_character(match.group())
        if _INVISIBLE_IN_VALUES.match(character) or _PRIVATE_USE.match(character):
            return match.group(), bool(_PRIVATE_USE.match(character)), True
    return None


def _code_point(reference: str) -> int:
    digits = reference[2:].rstrip(";")
    return int(digits[1:], 16) if digits[:1] in "xX" else int(digits)


def _no_character(reference: str) -> bool:
    """`&#0;`, `&#xD800;` (half of a UTF-16 pair), `&#x110000;`: no character at all."""
    number = _code_point(reference)
    return number == 0 or 0xD800 <= number <= 0xDFFF or number > 0x10FFFF


def _referenced_character(reference: str) -> str:
    """The character a numeric reference stands for, as browsers read it: Windows-1252
    for 128-159 (`&#150;` is an en dash), U+FFFD for what is no character."""
    number = _code_point(reference)
    if number == 0 or 0x80 <= number <= 0x9F or 0xD800 <= number <= 0xDFFF or \
            number > 0x10FFFF:
        return html.unescape(reference)
    return chr(number)


def split_source(path: str, text: str, keys: Collection[str] = ()
                 ) -> tuple[SourceFile, list[Problem]]:
    """Parse the metadata block; every line that is not `Key: value` is a problem, and so
    is a blank line inside it (the text right after it starts with one of `keys`)."""
    source = SourceFile(path)
    lines = text.splitlines()
    start, problems = _before_metadata(path, lines, keys)
    last_key = None
    number = 0
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip():
            break
        if line[:1] in " \t" and last_key:
            # An indented line continues the previous value, as in Pelican.
            source.fields[last_key].value += " " + line.strip()
            continue
        match = _META_LINE.match(line)
        if not match and line[:1] in " \t" and _META_LINE.match(line.lstrip()):
            match = _META_LINE.match(line.lstrip())  # read it, and say what to change
            problems.append(Problem(path, number, _("the metadata line starts with spaces"),
                                    _("remove the spaces before `%(key)s:`: metadata lines "
                                      "start at the beginning of the line",
                                      key=match.group(1))))
        if not match and not source.fields and not problems:
            number = 0  # noqa: PLW2901 — no metadata block at all: the whole file is body
            break
        if not match:
            problems.append(
                Problem(
                    path,
                    number,
                    _("cannot read metadata line %(line)s", line=repr(line.strip()[:60])),
                    _("write metadata as `Key: value`, one per line, "
                      "then leave one blank line before the text"),
                )
            )
            last_key = None
            continue
        key, value = match.group(1).lower(), match.group(2)
        if key in source.fields:
            problems.append(
                Problem(
                    path,
                    number,
                    _("%(key)s is given twice (first on line %(line)s)",
                      key=match.group(1), line=source.fields[key].line),
                    _("keep only one of them"),
                )
            )
            continue
        source.fields[key] = Field(value, number)
        last_key = key
    else:
        number = len(lines) + 1
    if not source.fields and not problems:
        problems.append(
            Problem(
                path,
                1,
                _("the file has no metadata"),
                _("start the file with `Title:`, `Date:`, `Category:`, `Lang:` and "
                  "`Slug:` lines, then a blank line"),
            )
        )
    source.body = "\n".join(lines[number:])
    source.body_line = number + 1
    if source.fields and keys:
        problems += _metadata_after_blank_line(path, lines, number, keys)
    return source, problems


_ANY_KEY = re.compile(r"^(\w[\w-]*)[ \t]*:")  # any letters: a look-alike key too
_LOOKING_AHEAD = 5  # lines: past them, what follows is text, not a metadata block


def _before_metadata(path: str, lines: list[str], keys: Collection[str]
                     ) -> tuple[int, list[Problem]]:
    """Where the metadata starts: 0, or the first `Key:` line after lines that are not
    metadata (a blank line, YAML's `---`, `Title` without its colon, a key typed with a
    Cyrillic letter), which are then a problem on the first line, saying which."""
    if not lines or _META_LINE.match(lines[0]) or lines[0][:1] in " \t" and \
            _META_LINE.match(lines[0].lstrip()):
        return 0, []
    start = next((n for n in range(1, min(len(lines), _LOOKING_AHEAD + 1))
                  if _META_LINE.match(lines[n])), None)
    if start is None:
        return 0, []  # no metadata block at all (said by split_source)
    first = lines[0].strip()
    lookalike = _ANY_KEY.match(first)
    words = first.split(maxsplit=1)
    if not first:
        message, fix = (_("the file starts with a blank line, so its metadata would be read "
                          "as text"), _("remove the blank lines before `%(line)s`",
                                        line=lines[start][:40]))
    elif first in ("---", "+++"):
        message, fix = (_("`%(line)s` (front matter of other tools) is not read here",
                          line=first),
                        _("remove the `%(line)s` lines: the file starts with its `Key: value` "
                          "lines", line=first))
    elif lookalike and not lookalike.group(1).isascii():
        odd = next(c for c in lookalike.group(1) if not c.isascii())
        message, fix = (_("the key `%(key)s` has a letter `%(letter)s` (%(code)s) that only "
                          "looks Latin", key=lookalike.group(1), letter=odd,
                          code=f"U+{ord(odd):04X}"),
                        _("retype the key in Latin letters, e.g. `Title:`"))
    elif words and words[0].lower() in keys:
        message, fix = (_("`%(key)s` has no colon", key=words[0]),
                        _("write `%(key)s: …`", key=words[0]))
    else:
        message, fix = (_("cannot read metadata line %(line)s", line=repr(first[:60])),
                        _("write metadata as `Key: value`, one per line, "
                          "then leave one blank line before the text"))
    return start, [Problem(path, 1, message, fix)]


def _metadata_after_blank_line(path: str, lines: list[str], blank: int,
                               keys: Collection[str]) -> list[Problem]:
    """A `Key:` line of the metadata put after a blank line: it would be shown as text,
    and its value lost (the image, the author, `Status: ready`…)."""
    following = next((n for n in range(blank, len(lines)) if lines[n].strip()), None)
    match = following is not None and _META_LINE.match(lines[following])
    if not match or match.group(1).lower() not in keys:
        return []
    return [Problem(path, following + 1,
                    _("`%(key)s:` comes after the blank line that ends the metadata, so it "
                      "would be shown as text", key=match.group(1)),
                    _("remove the blank line %(line)s: metadata lines follow each other, "
                      "then one blank line before the text", line=blank))]


def read_fields(path) -> dict[str, str]:
    """A file's metadata as {key: value}, read leniently (for listings, not for checks):
    a control character or a bad byte elsewhere in the file does not hide them."""
    with open(path, "rb") as file:
        text = file.read().decode("utf-8", errors="replace").removeprefix("\ufeff")
    source, _problems = split_source(str(path), text)
    return {key: found.value.strip() for key, found in source.fields.items()}
