"""argparse's own words (usage, error, the help's headings) in the user's language.

argparse looks its messages up with gettext through the name `_` it imported at its own
import; that name is pointed at globe's catalogue, so `globe -h` and a mistyped option read
in French or Dutch like every other message, not half in English."""

from __future__ import annotations

import argparse

from globe_core.messages import cli_language, translations


def speak_the_users_language() -> None:
    argparse._ = translations(cli_language()).gettext


def _argparse_messages():  # never called: names argparse's messages for extraction (babel)
    return (_("usage: "), _("positional arguments"), _("options"),
            _("show this help message and exit"), _("%(prog)s: error: %(message)s\n"),
            _("argument %(argument_name)s: %(message)s"), _("unrecognized arguments: %s"),
            _("the following arguments are required: %s"), _("expected one argument"),
            _("invalid choice: %(value)r (choose from %(choices)s)"),
            _("invalid %(type)s value: %(value)r"), _("not allowed with argument %s"),
            _("ambiguous option: %(option)s could match %(matches)s"),
            _("one of the arguments %s is required"), _("ignored explicit argument %r"),
            _("expected at most one argument"), _("expected at least one argument"))


def _(message: str) -> str:
    return message
