"""Articles dated in the future are scheduled; dates that cannot be meant are errors.

A scheduled article is built in previews (with a banner) and left out of production builds
until its date: the publishing pipeline rebuilds every day. A date more than a year ahead,
or in another year than the folder the file sits in, or before 2000 (the year 0001 of a
slip of the keyboard), is a typo until proven otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from globe_core.languages import long_date
from globe_core.messages import _, cli_language
from globe_core.problems import Problem
from globe_core.source import SourceFile

MAX_AHEAD = dt.timedelta(days=366)
EARLIEST = dt.date(2000, 1, 1)  # the archive starts in 2013; a date is a publication day
_YEAR_FOLDER = re.compile(r"^\d{4}$")


def year_folder(path: str, content_root: str) -> int | None:
    """The year of the folder a file sits in (`articles/2026/x.fr.md` → 2026), if any."""
    relative = os.path.relpath(os.path.abspath(path), content_root)
    parent = os.path.basename(os.path.dirname(relative))
    return int(parent) if _YEAR_FOLDER.match(parent) else None


def check_schedule(source: SourceFile, date: dt.datetime | None, content_root: str,
                   today: dt.date) -> list[Problem]:
    """A date in another year than its folder, more than a year ahead, or before 2000."""
    if date is None:
        return []
    problems = []
    line = source.line_of("date")
    written = source.value("date").strip()
    folder = year_folder(source.path, content_root)
    if folder is not None and folder != date.year:
        problems.append(Problem(
            source.path, line,
            _("Date `%(date)s` is in %(year)s but the file is in the folder %(folder)s/",
              date=written, year=date.year, folder=folder),
            _("correct the year of the date, or move the file to the folder %(year)s/",
              year=date.year)))
    if date.date() > today + MAX_AHEAD:
        problems.append(Problem(
            source.path, line,
            _("Date `%(date)s` is more than a year ahead (today is %(today)s)",
              date=written, today=long_date(today, cli_language())),
            _("check the year: an article dated in the future is scheduled and only "
              "published on that day")))
    if date.date() < EARLIEST:
        problems.append(Problem(
            source.path, line,
            _("Date `%(date)s` is before %(year)s", date=written, year=EARLIEST.year),
            _("check the year: the date is the day the article was published")))
    return problems


def check_later_dates(source: SourceFile, date: dt.datetime | None, modified,
                      translated, today: dt.date) -> list[Problem]:
    """`Modified` before `Date` (the page would say it changed before it appeared), and
    `Translation_of` after today (a translation cannot be made in the future)."""
    problems = []
    if date is not None and modified is not None and modified.date() < date.date():
        problems.append(Problem(
            source.path, source.line_of("modified"),
            _("Modified `%(modified)s` is before Date `%(date)s`",
              modified=source.value("modified").strip(), date=source.value("date").strip()),
            _("a text is modified after it is published: correct one of the two dates")))
    if translated is not None and translated.date() > today:
        problems.append(Problem(
            source.path, source.line_of("translation_of"),
            _("Translation_of `%(value)s` is in the future (today is %(today)s)",
              value=source.value("translation_of").strip(),
              today=long_date(today, cli_language())),
            _("write the day the original was translated, today or before")))
    return problems
