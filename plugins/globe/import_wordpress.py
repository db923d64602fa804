"""`globe import wordpress …`: options in, summary out, a clear message on bad input."""

from __future__ import annotations

import argparse
import math
import os
import sys

from globe_core.messages import _

from .writable_paths import folder_to_write_as


def existing_file(path: str) -> str:
    """argparse type: the export file, or a clear usage error (exit 2)."""
    if not os.path.isfile(path):
        raise argparse.ArgumentTypeError(_(
            "%(path)s is not a file: give the export that WordPress wrote (Tools > Export > "
            "All content, an .xml file)", path=path))
    return path


def seconds(value: str) -> float:
    """argparse type: a number of seconds above zero (requests refuses 0, -1 and nan)."""
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not (math.isfinite(number) and number > 0):
        raise argparse.ArgumentTypeError(
            _("%(value)s is not a number of seconds: give one above 0, e.g. 15", value=value))
    return number


def add_arguments(parser, existing_folder) -> None:
    parser.add_argument("export", type=existing_file,
                        help=_("the WordPress export file (WXR, .xml)"))
    parser.add_argument("--content", default="content", type=folder_to_write_as("content"),
                        help=_("content folder to write into (default: content/)"))
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--uploads", type=existing_folder,
                        help=_("a local copy of the site's wp-content/uploads folder"))
    source.add_argument("--download", action="store_true",
                        help=_("download the images from the old site"))
    parser.add_argument("--lang-default", default="fr", choices=("fr", "nl", "en"),
                        help=_("language of posts the export gives none (default: fr)"))
    parser.add_argument("--force", action="store_true",
                        help=_("replace files edited since the last import"))
    parser.add_argument("--work", type=folder_to_write_as("wordpress-import"),
                        help=_("folder for the categories file, the report and the import's "
                               "memory (default: wordpress-import/ next to the content "
                               "folder)"))
    parser.add_argument("--write-categories", action="store_true",
                        help=_("only write the categories file to edit, then stop"))
    parser.add_argument("--timeout", type=seconds, default=15.0,
                        help=_("seconds to wait for each download (default: 15)"))


def url_patterns(settings: dict) -> dict:
    """The site's URL settings, so that redirects point where the build writes."""
    return {key: settings[key] for key in ("ARTICLE_URL", "ARTICLE_LANG_URL", "PAGE_URL",
                                           "PAGE_LANG_URL")}


def content_check(settings: dict):
    """What `globe check` says of one file, by the reader's own checks (no build):
    (path, bytes) -> [(line, message)]."""
    from globe_content.reader import GlobeMarkdownReader  # noqa: PLC0415 — importing only

    reader = GlobeMarkdownReader(settings)

    def check(path: str, data: bytes) -> list[tuple[int, str]]:
        return [(problem.line, problem.message)
                for problem in reader.convert_file(path, data).problems]
    return check


def main(args) -> int:
    # here, not above: every `globe` command builds the parser that imports this module
    from globe_core.site_folders import site_folders  # noqa: PLC0415
    from globe_wordpress import category_map  # noqa: PLC0415
    from globe_wordpress.category_map import MappingError  # noqa: PLC0415
    from globe_wordpress.importer import (  # noqa: PLC0415
        CATEGORIES_HEADER,
        Options,
        run_import,
        write_text,
    )
    from globe_wordpress.ledger import LedgerError  # noqa: PLC0415
    from globe_wordpress.wxr import ExportError, read_export  # noqa: PLC0415

    options = Options(args.export, args.content, args.uploads, args.download,
                      args.lang_default, force=args.force, work=args.work,
                      timeout=args.timeout)
    try:
        if args.write_categories:
            export = read_export(args.export)
            path = os.path.join(options.work_dir, "categories.toml")
            current = category_map.load(path)
            used = category_map.categories_in(export.of_type("post"))
            write_text(path, category_map.render(used, current, CATEGORIES_HEADER))
            print(_("Wrote %(path)s: put a category key next to each WordPress category.",
                    path=path))
            return 0
        os.makedirs(options.content, exist_ok=True)
        from . import build  # noqa: PLC0415 — Pelican's settings only when importing

        settings = build.load_settings(options.content)
        options.url_patterns = url_patterns(settings)
        options.site_folders = site_folders(settings)
        options.check = content_check(settings)
        report, media, seconds, report_path = run_import(options)
    except ExportError as error:
        location = f"{args.export}:{error.line}" if error.line else args.export
        print(f"{location}: " + _("error") + ": " +
              _("this is not a readable WordPress export (%(reason)s)", reason=str(error))
              + " — " + _("export again from Tools > Export > All content"), file=sys.stderr)
        return 1
    except MappingError as error:
        path = os.path.join(options.work_dir, "categories.toml")
        location = f"{path}:{error.line}" if error.line else path
        print(f"{location}: " + _("error") + ": " +
              _("cannot read the categories file (%(reason)s)", reason=str(error)) + " — " +
              _("write each line as \"wordpress-category\" = \"key\" with one of: %(keys)s",
                keys=", ".join(category_map.CATEGORY_LABELS)), file=sys.stderr)
        return 1
    except LedgerError as error:
        path = os.path.join(options.work_dir, "ledger.json")
        print(f"{path}: " + _("error") + ": " +
              _("the import's memory is damaged (%(reason)s)", reason=str(error)) + " — " +
              _("restore it from git; deleting it makes the import treat every existing "
                "file as edited by hand"), file=sys.stderr)
        return 1
    print(report.summary(media, seconds, report_path))
    return 0
