"""Metadata rules shared by articles and newsletter editions: keys and dates.

Each returns problems as values (or reports them through `problem(key, message, fix)`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from .dates import NOT_A_DATE, NOT_IN_BRUSSELS, date_error
from .messages import _
from .problems import Problem
from .source import SourceFile, refused_in_value


def check_keys(source: SourceFile, keys: dict[str, bool]) -> list[Problem]:
    """Unknown keys (with a suggestion) and missing required ones; keys maps key -> required."""
    if not source.fields:
        return []  # the file has no metadata at all: reported once, by split_source
    problems = []
    for key, found in source.fields.items():
        if key not in keys:
            close = difflib.get_close_matches(key, keys, n=1)
            hint = _("did you mean `%(key)s:`?", key=close[0].capitalize()) if close else (
                _("known keys: %(keys)s", keys=", ".join(k.capitalize() for k in keys)))
            problems.append(Problem(source.path, found.line,
                                    _("unknown metadata key `%(key)s`",
                                      key=key.capitalize()), hint))
    problems += [Problem(source.path, found.line,
                         _("the direction marks in `%(key)s` are not balanced: the text "
                           "after it would be shown in another order", key=key.capitalize()),
                         _("retype the value, or close each isolate (U+2066, U+2067, U+2068) "
                           "with U+2069 on the same line"))
                 for key, found in source.fields.items() if not _isolates_balanced(found.value)]
    problems += [_refused_character_problem(source.path, key, found)
                 for key, found in source.fields.items() if refused_in_value(found.value)]
    for key, required in keys.items():
        value = source.value(key)
        if required and not visible(value or ""):
            problems.append(Problem(
                source.path, source.line_of(key) if key in source.fields else 1,
                _("required metadata `%(key)s` is missing or empty", key=key.capitalize()),
                _("add a line `%(key)s: …` to the metadata at the top",
                  key=key.capitalize())))
    return problems


def _refused_character_problem(path: str, key: str, found) -> Problem:
    """A character no value may hold (source.refused_in_value), said as the body's check
    says it (decode_utf8) but for a private-use character, which is not invisible."""
    code, private, written = refused_in_value(found.value)
    if private:
        return Problem(path, found.line,
                       _("`%(key)s` contains a private-use character (%(code)s), which each "
                         "font shows differently, or as a box", key=key.capitalize(),
                         code=code),
                       _("retype the value without it: a symbol or bullet pasted from Word "
                         "is one"))
    if written:
        return Problem(path, found.line,
                       _("the line writes an invisible control character as a code "
                         "(%(code)s)", code=code),
                       _("delete the code `%(code)s`", code=code))
    return Problem(path, found.line,
                   _("the line contains an invisible control character (%(code)s)",
                     code=code),
                   _("delete it: retype the line, or save the file again as plain "
                     "UTF-8 text"))


_ISOLATE = re.compile("[\u2066-\u2069]")


def _isolates_balanced(value: str) -> bool:
    """Every directional isolate a value opens (U+2066-U+2068) it closes (U+2069): a
    value stands alone in feeds, subjects and listings, where an open one turns what
    follows around."""
    if not _ISOLATE.search(value):
        return True
    depth = 0
    for character in value:
        if "\u2066" <= character <= "\u2068":
            depth += 1
        elif character == "\u2069":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def visible(value: str) -> bool:
    """Whether a value shows anything: not only spaces and invisible format characters
    (a zero-width space or joiner, a word joiner, a byte order mark)."""
    stripped = value.strip()
    return bool(stripped) and any(unicodedata.category(c) != "Cf" and not c.isspace()
                                  for c in stripped)


def check_date(source: SourceFile, key: str, problem, with_time: bool, fix: str) -> None:
    """A written date that is not one, or not in the calendar; `fix` says the format."""
    value = (source.value(key) or "").strip()
    error = date_error(value, with_time) if value else None
    if error == NOT_A_DATE:
        problem(key, _("%(key)s `%(value)s` is not a date", key=key.capitalize(), value=value),
                fix)
    elif error == NOT_IN_BRUSSELS:
        problem(key, _("%(key)s `%(value)s` does not exist in Brussels: the clocks go "
                       "forward from 02:00 to 03:00 that night",
                       key=key.capitalize(), value=value),
                _("write a time before 02:00 or from 03:00"))
    elif error:
        problem(key, _("%(key)s `%(value)s` does not exist in the calendar",
                       key=key.capitalize(), value=value),
                _("check the day and month (YYYY-MM-DD)"))


def split_list(value: str | None) -> list[str]:
    """`a, b, c` as ['a', 'b', 'c'] (list_problems reports empty entries first)."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def list_problems(source: SourceFile, key: str) -> list[Problem]:
    """A comma-separated list with nothing in it, or an empty entry (`a, , b`)."""
    if key not in source.fields:
        return []
    items = [item.strip() for item in source.value(key).split(",")]
    if any(items) and all(items):
        return []
    label = key.capitalize()
    message = (_("%(key)s has an empty entry (two commas in a row, or one at an end)",
                 key=label) if any(items) else
               _("%(key)s lists nothing", key=label))
    return [Problem(source.path, source.line_of(key), message,
                    _("separate entries with one comma each, e.g. `%(key)s: first, second`, "
                      "or remove the line", key=label))]
