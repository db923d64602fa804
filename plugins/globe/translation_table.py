"""`globe translations`: the translation report as a table in the terminal, or as JSON."""

from __future__ import annotations

from globe_core.messages import _
from globe_core.settings import GlobeSettings
from globe_core.translation_report import (
    DRAFT,
    MISSING,
    ORIGINAL,
    OUTDATED,
    UP_TO_DATE,
    build_report,
)

from . import build as builds


def state_words() -> dict[str, str]:
    """The word each state is shown with, in the user's language."""
    return {ORIGINAL: _("original"), UP_TO_DATE: _("up to date"), OUTDATED: _("outdated"),
            DRAFT: _("draft"), MISSING: _("missing")}


def kind_words() -> dict[str, str]:
    return {"article": _("article"), "page": _("page"), "edition": _("edition")}


def report_for(args):
    settings = builds.load_settings(args.content, args.editions)
    globe = GlobeSettings.of(settings)
    return build_report(settings["PATH"], globe.editions_path, tuple(globe.languages),
                        settings["DEFAULT_LANG"],
                        settings.get("ARTICLE_PATHS", ["articles"]),
                        settings.get("PAGE_PATHS", ["pages"]))


def table(report) -> str:
    words, kinds = state_words(), kind_words()
    header = [_("kind"), _("slug or number"), *report.languages]
    rows = [[kinds[row["kind"]], row["key"],
             *(words[row["languages"][lang]["state"]] for lang in report.languages)]
            for row in report.rows()]
    widths = [max(len(str(line[i])) for line in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(line, widths,
                                                                      strict=True)).rstrip()
             for line in [header, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def print_report(args) -> int:
    report = report_for(args)
    if args.json:
        print(report.to_json())
        return 0
    print(table(report))
    print()
    print(_("%(count)s of %(total)s have a missing, outdated or draft version.",
            count=len(report.needing_work()), total=len(report.items)))
    return 0
