"""`globe newsletter new [--lang fr]`: write the next edition file for an officer to edit.

The next number in the current year, today's date, and every article published in that
language since the last edition (and in none yet), newest first, to trim and reorder.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from globe import build as builds
from globe_core.dates import parse_day
from globe_core.messages import _
from globe_core.settings import GlobeSettings
from globe_core.source import read_fields
from globe_newsletter.edition import FILE_NAME, edition_files, split_slugs
from globe_newsletter.view import edition_url


@dataclass(frozen=True)
class Candidate:
    slug: str
    title: str
    date: dt.date


def next_number(numbers: list[str], year: int) -> str:
    """YYYY-NN: one more than the highest number of `year`, or YYYY-01."""
    taken = [int(n[5:]) for n in numbers if n.startswith(f"{year}-") and n[5:].isdigit()]
    return f"{year}-{max(taken, default=0) + 1:02d}"


def published_since(content: Path, article_paths, lang: str, since: dt.date | None,
                    already_sent: set[str], until: dt.date | None = None) -> list[Candidate]:
    """Articles of `lang` dated from `since` to `until` (scheduled ones wait their turn)."""
    found = []
    for folder in article_paths:
        for path in sorted((content / folder).rglob("*.md")):
            fields = read_fields(path)
            day = parse_day(fields.get("date"), leading=True)
            if (fields.get("lang") != lang or not fields.get("slug") or day is None
                    or fields.get("status", "published").lower() != "published"):
                continue
            if until is not None and day > until:
                continue
            if (since is None or day >= since) and fields["slug"] not in already_sent:
                found.append(Candidate(fields["slug"], fields.get("title", ""), day))
    return sorted(found, key=lambda c: (c.date, c.slug), reverse=True)


def introduction_hint() -> str:
    """Left in the file for the officer; comments are never part of the introduction."""
    return "<!-- " + _("Write the introduction here, in place of this note: two or three "
                       "sentences of Markdown that greet the readers and say what this "
                       "edition brings (text and links only, no images).") + " -->\n"


def next_steps(path: str, number: str, lang: str, preview_url: str) -> str:
    """What to do with the new file, in the officer's language."""
    return "\n".join([
        _("Next:"),
        "  1. " + _("open %(file)s: keep, remove or reorder the articles of the `Articles:` "
                    "line (the first is the lead), check the subject, write the "
                    "introduction;", file=path),
        "  2. " + _("run `make serve` and open the preview of the email: %(url)s",
                    url=preview_url),
        "  3. " + _("when it is right, set `Status: ready`, run `make check` and "
                    "`make publish`, then send yourself a proof: `.venv/bin/globe newsletter "
                    "send-test %(number)s --lang %(lang)s --to you@example.org`.",
                    number=number, lang=lang),
    ])


def write_next_edition(content: Path, editions: Path, lang: str, site_name: str,
                       article_paths=("articles",), today: dt.date | None = None
                       ) -> tuple[Path, list[Candidate]]:
    today = today or dt.date.today()
    previous = []  # (number, lang, date, slugs) of the editions already written
    for path in edition_files(editions):
        name = FILE_NAME.match(path.name)
        fields = read_fields(path)
        if name:
            previous.append((name.group("number"), name.group("lang"),
                             parse_day(fields.get("date"), leading=True),
                             split_slugs(fields.get("articles"))))
    number = next_number([p[0] for p in previous], today.year)
    last = max(previous, default=None, key=lambda p: p[0])
    since = max((p[2] for p in previous if last and p[0] == last[0] and p[2]), default=None)
    sent = {slug for p in previous if p[1] == lang for slug in p[3]}
    articles = published_since(content, article_paths, lang, since, sent, until=today)
    subject = f"{site_name} – {articles[0].title}" if articles else f"{site_name} – {number}"
    text = (f"Number: {number}\nDate: {today.isoformat()}\nLang: {lang}\n"
            f"Subject: {subject}\nArticles: {', '.join(a.slug for a in articles)}\n"
            "Status: draft\n\n" + introduction_hint())
    path = editions / f"{number}.{lang}.md"
    editions.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as file:  # never overwrite an edition
        file.write(text)
    return path, articles


def main(args, today: dt.date | None = None) -> int:
    settings = builds.load_settings(args.content, args.editions)
    languages = tuple(GlobeSettings.of(settings).languages)
    if args.lang not in languages:
        print(_("error") + ": " + _("unknown language `%(value)s`", value=args.lang) + " — "
              + _("use one of: %(values)s", values=", ".join(languages)), file=sys.stderr)
        return 2
    try:
        path, articles = write_next_edition(
            Path(settings["PATH"]), Path(GlobeSettings.of(settings).editions_path), args.lang,
            settings["SITENAME"], settings.get("ARTICLE_PATHS", ["articles"]), today)
    except FileExistsError as error:
        print(_("error") + ": " + _("%(file)s already exists — edit it, or remove it first",
                                    file=error.filename), file=sys.stderr)
        return 1
    shown = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    print(shown)
    number = path.name.split(".")[0]
    preview = f"{settings['SITEURL']}/{edition_url(settings, args.lang, number)}preview.html"
    print(next_steps(shown, number, args.lang, preview))
    if not articles:
        print(_("No article was published since the last edition: list slugs on the "
                "`Articles:` line."), file=sys.stderr)
    return 0
