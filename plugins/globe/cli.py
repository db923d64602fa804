"""`globe`: the one command-line entry point. Thin: parse, call, report, exit."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import traceback

from globe_core.languages import LANGUAGES
from globe_core.messages import _, decimal
from globe_core.settings import SettingError

from . import build as builds
from .argparse_words import speak_the_users_language
from .newsletter_delivery import add_commands as add_delivery_commands
from .publish_commands import add_commands as add_publishing_commands
from .settings_file import SettingsFileError
from .writable_paths import UnusablePathError


def existing_folder(path: str) -> str:
    """argparse type: a folder that exists, or a clear usage error (exit 2)."""
    if not os.path.isdir(path):
        raise argparse.ArgumentTypeError(_("%(path)s is not a folder", path=path))
    return path


def output_folder_name(value: str) -> str:
    """argparse type: the output folder's name, never empty (that would be the current
    folder, which the output rules then refuse with a puzzling message)."""
    if not value.strip():
        raise argparse.ArgumentTypeError(_("an empty name is not a folder or a file") + " — "
                                         + _("give a folder, e.g. --output output"))
    return value


def port_number(value: str) -> int:
    """argparse type: a TCP port, 1 to 65535, or a clear usage error (exit 2)."""
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            _("%(value)s is not a port: give a number from 1 to 65535, e.g. 8000",
              value=value))
    return port


def _add_content_options(parser):
    parser.add_argument("--content", type=existing_folder,
                        help=_("content folder (default: the project's content/)"))
    parser.add_argument("--editions", type=existing_folder,
                        help=_("newsletter editions folder"))


def _report(result, failed: str, passed: str) -> int:
    for note in getattr(result, "notes", []):
        print(note.as_note(), file=sys.stderr)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.problems:
        print(failed % {"count": len(result.problems)}, file=sys.stderr)
        return 1
    print(passed % {"seconds": decimal(result.seconds)})
    return 0


def cmd_check(args) -> int:
    # The production settings: check finds everything `build --production` would, and
    # what the drafts' emails would show (a production build renders only `ready` ones).
    settings = builds.load_settings(args.content, args.editions, production=True,
                                    overrides={"GLOBE_DRAFT_EMAILS": True})
    return _report(builds.check(settings), _("Check failed: %(count)s problem(s)."),
                   _("Check passed in %(seconds)s s."))


def cmd_build(args) -> int:
    settings = builds.load_settings(args.content, args.editions, args.production)
    result = builds.build(settings, args.output)
    code = _report(result, _("Build failed: %(count)s problem(s)."),
                   _("Build passed in %(seconds)s s."))
    if code:
        print(_("%(folder)s was left as it was.", folder=result.output), file=sys.stderr)
    return code


def cmd_serve(args) -> int:
    from .serve import serve  # noqa: PLC0415 — only the dev server needs it

    return serve(args)


def cmd_newsletter_new(args) -> int:
    from globe.newsletter_new import main  # noqa: PLC0415

    return main(args)


def cmd_translations(args) -> int:
    from .translation_table import print_report  # noqa: PLC0415

    return print_report(args)


def cmd_import_wordpress(args) -> int:
    from .import_wordpress import main  # noqa: PLC0415

    return main(args)


def cmd_redirects(args) -> int:
    from .redirects import main  # noqa: PLC0415

    return main(args)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="globe", description=_("The Brussels Globe publishing tool"))
    commands = top.add_subparsers(dest="command", required=True, metavar=_("command"))

    check = commands.add_parser("check", help=_("check the content; publish nothing"))
    _add_content_options(check)
    check.set_defaults(run=cmd_check)

    build = commands.add_parser("build", help=_("build the site and the newsletter editions"))
    _add_content_options(build)
    build.add_argument("--output", default="output", type=output_folder_name,
                       help=_("output folder (default: output)"))
    build.add_argument("--production", action="store_true",
                       help=_("use publishconf.py (https://international.brussels, no drafts)"))
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help=_("build, serve on 127.0.0.1 and rebuild on change"))
    _add_content_options(serve)
    serve.add_argument("--output", default="output", type=output_folder_name,
                       help=_("output folder (default: output)"))
    serve.add_argument("--port", type=port_number, default=8000,
                       help=_("port on 127.0.0.1 (default: 8000)"))
    serve.set_defaults(run=cmd_serve)

    translations = commands.add_parser(
        "translations", help=_("which language versions exist, are missing or are outdated"))
    _add_content_options(translations)
    translations.add_argument("--json", action="store_true",
                              help=_("print JSON, for scripts"))
    translations.set_defaults(run=cmd_translations)

    newsletter = commands.add_parser("newsletter", help=_("newsletter editions"))
    newsletter_commands = newsletter.add_subparsers(dest="newsletter_command", required=True,
                                                   metavar=_("command"))
    new = newsletter_commands.add_parser("new", help=_("write the next edition file"))
    _add_content_options(new)
    new.add_argument("--lang", default="fr",
                     help=_("language of the edition: fr, nl or en (default: fr)"))
    new.set_defaults(run=cmd_newsletter_new)
    add_delivery_commands(newsletter_commands, LANGUAGES)

    add_publishing_commands(commands, _add_content_options)

    from .import_wordpress import add_arguments  # noqa: PLC0415

    importing = commands.add_parser("import", help=_("bring content over from another site"))
    sources = importing.add_subparsers(dest="import_source", required=True,
                                        metavar=_("source"))
    wordpress = sources.add_parser("wordpress", help=_("import a WordPress export (WXR)"))
    add_arguments(wordpress, existing_folder)
    wordpress.set_defaults(run=cmd_import_wordpress)

    redirects = commands.add_parser("redirects",
                                    help=_("print the redirects from the old addresses"))
    _add_content_options(redirects)
    redirects.add_argument("--format", choices=("nginx",), default="nginx",
                           help=_("output format (default: nginx, a map to include)"))
    redirects.set_defaults(run=cmd_redirects)
    return top


def main(argv=None) -> int:
    # Problems are reported as values below; log records only feed the build's checks.
    logging.getLogger().addHandler(logging.NullHandler())
    logging.getLogger().setLevel(logging.WARNING)
    speak_the_users_language()  # argparse's own words too: usage, error, -h
    top = parser()
    args = top.parse_args(argv)
    _refuse_undecodable(top, args)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except (UnusablePathError, SettingError) as error:
        print(_("error") + f": {error}", file=sys.stderr)
        return 2
    except SettingsFileError as error:
        print(error.problem, file=sys.stderr)
        return 2
    except OSError as error:  # the machine, not the content: a disk full, a lost mount…
        print(_("globe stopped: %(error)s", error=_system_error(error)), file=sys.stderr)
        return 2
    except Exception as error:  # a fault of ours: one clear line, the details kept aside
        print(_("globe stopped on an unexpected error: %(error)s — the details are in "
                "%(path)s: please send that file to the developers",
                error=f"{type(error).__name__}: {error}", path=_keep_traceback(error)),
              file=sys.stderr)
        return 70  # EX_SOFTWARE: neither bad content (1) nor a bad command (2)


def _keep_traceback(error: Exception) -> str:
    handle, path = tempfile.mkstemp(prefix="globe-error-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(f"globe {' '.join(sys.argv[1:])}\n\n")
        traceback.print_exception(error, file=file)
    return path


def _refuse_undecodable(top: argparse.ArgumentParser, args) -> None:
    """A value that is not UTF-8 (a file name from another system's encoding) is a usage
    error: it could not be written into a page, a report or a cache key later."""
    names = _argument_names(top)
    for name, values in vars(args).items():
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str) and not _is_utf8(value):
                top.error(_("the value of %(option)s is not UTF-8 text: %(value)s — "
                            "rename the folder or file with letters your system writes in "
                            "UTF-8", option=names.get(name, name),
                            value=os.fsencode(value).decode("utf-8", "backslashreplace")))


def _argument_names(parser: argparse.ArgumentParser) -> dict[str, str]:
    """How the command line names each value: `--output` for an option, the placeholder
    of `-h` (`site`) for a positional argument; in every subcommand."""
    names = {}
    for action in parser._actions:  # noqa: SLF001 (argparse lists them nowhere public)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for subparser in action.choices.values():
                names.update(_argument_names(subparser))
        elif action.option_strings:
            names.setdefault(action.dest, action.option_strings[-1])
        else:
            names.setdefault(action.dest, action.metavar or action.dest)
    return names


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # surrogates: bytes the system could not decode
        return False
    return True


def _system_error(error: OSError) -> str:
    """The file and the system's reason, without Python's `[Errno N]`, and where to look."""
    where = " → ".join(str(name) for name in (error.filename, error.filename2) if name)
    reason = error.strerror or str(error)
    return (f"{where}: {reason}" if where else reason) + " — " + _(
        "check that this folder exists and can be written, and the disk is not full; "
        "folders come from the command line and the GLOBE_* settings")


if __name__ == "__main__":
    sys.exit(main())
