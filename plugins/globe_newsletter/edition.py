"""The edition file (a contract) and what is wrong with it.

`newsletter/editions/<YYYY>-<NN>.<lang>.md`: `Key: value` metadata, a blank line, then an
optional Markdown introduction. This module alone decides what is wrong with an edition
file; it returns problems as values, each with the line of the offending key.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from globe_core.dates import parse_day
from globe_core.folders import inside
from globe_core.messages import _
from globe_core.problems import Problem
from globe_core.source import SourceFile, decode_utf8, split_source
from globe_core.validators import check_date, check_keys, list_problems

EDITION_KEYS = {
    "number": True,
    "date": True,
    "lang": True,
    "subject": True,
    "preheader": False,
    "articles": True,
    "status": False,
}
STATUSES = ("draft", "ready")
PREHEADER_LENGTH = (40, 100)
SUBJECT_MAX = 150  # a longer one was pasted from the text: inboxes show about 60

FILE_NAME = re.compile(r"^(?P<number>\d{4}-\d{2})\.(?P<lang>[a-z]{2})\.md$", re.ASCII)
NUMBER = re.compile(r"^\d{4}-(?!00)\d{2}$", re.ASCII)  # editions count from 01
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_IMAGE = re.compile(r"!\[[^\]]*\]\(|<img\b", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?=[\s/>])")  # not <https://…> links
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")


@dataclass
class Edition:
    """One edition in one language, as its file says, with its articles once resolved."""

    path: str  # as shown in problems (relative to where the command runs)
    source: SourceFile
    number: str
    date: dt.date | None
    lang: str
    subject: str
    preheader: str | None
    slugs: list[str]
    status: str
    introduction: str  # Markdown
    complete: bool = True  # False: the file has problems; read for its articles, not built
    articles: list = field(default_factory=list)  # Pelican articles, lead first

    @property
    def lead(self):
        return self.articles[0]

    def line_of(self, key: str) -> int:
        return self.source.line_of(key)


def edition_files(folder) -> list[Path]:
    """Every Markdown file of the editions folder (none if the folder does not exist)."""
    root = Path(folder) if folder else None
    if root is None or not root.is_dir():
        return []
    # a link out of the folder is never read (globe_content/tree.py reports it)
    return sorted(p for p in root.rglob("*.md") if p.is_file() and inside(p, root))


def read_edition(path: str, display_path: str, languages) -> tuple[Edition | None, list[Problem]]:
    """The edition a file describes, or the problems that stop it from being one."""
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except OSError as error:  # removed while the build ran, or not readable by this user
        return None, [Problem(display_path, 0, _("the file could not be read: %(reason)s",
                                                 reason=error.strerror or str(error)),
                              _("fix the file named above, or report this message to the "
                                "developers"))]
    text, problems = decode_utf8(display_path, raw)
    if text is None:
        return None, problems
    source, problems = split_source(display_path, text, EDITION_KEYS)
    problems = [_edition_hint(p) for p in problems]
    problems += validate_edition(source, languages)
    lang = (source.value("lang") or "").strip()
    if lang not in languages:
        return None, problems
    # With other problems, the edition is still read so that its articles get checked
    # too (every problem in one run); it is not built.
    return Edition(
        path=display_path,
        source=source,
        number=(source.value("number") or "").strip(),
        date=parse_day(source.value("date")),
        lang=lang,
        subject=(source.value("subject") or "").strip(),
        preheader=(source.value("preheader") or "").strip() or None,
        slugs=split_slugs(source.value("articles")),
        status=(source.value("status") or "draft").strip().lower(),
        introduction=introduction_text(source.body),
        complete=not problems,
    ), problems


def split_slugs(value: str | None) -> list[str]:
    """Slugs separated by commas (semicolons are read too, and reported: see below)."""
    return [slug.strip() for slug in re.split(r"[,;]", value or "") if slug.strip()]


def introduction_text(body: str) -> str:
    """The introduction as written, without the hint comments `newsletter new` leaves."""
    return _COMMENT.sub("", body).strip()


def _edition_hint(problem: Problem) -> Problem:
    if problem.message == _("the file has no metadata"):
        return Problem(problem.path, problem.line, problem.message,
                       _("start the file with `Number:`, `Date:`, `Lang:`, `Subject:` and "
                         "`Articles:` lines, then a blank line"))
    return problem


def validate_edition(source: SourceFile, languages) -> list[Problem]:
    """Every problem with an edition file's metadata, each on the line of its key."""
    problems: list[Problem] = []

    def problem(key_or_line, message, fix=""):
        line = key_or_line if isinstance(key_or_line, int) else source.line_of(key_or_line)
        problems.append(Problem(source.path, line, message, fix))

    problems += check_keys(source, EDITION_KEYS)

    name = FILE_NAME.match(os.path.basename(source.path))
    if not name:
        problem(1, _("`%(name)s` is not named like an edition",
                     name=os.path.basename(source.path)),
                _("name it <YYYY>-<NN>.<lang>.md, e.g. 2021-15.fr.md"))

    number = (source.value("number") or "").strip()
    if number and not NUMBER.match(number):
        problem("number", _("Number `%(number)s` is not an edition number", number=number),
                _("write it as YYYY-NN, e.g. 2021-15"))
    elif number and name and name.group("number") != number:
        problem("number", _("Number is `%(number)s` but the file name says `%(named)s`",
                            number=number, named=name.group("number")),
                _("make the file name and the Number line agree"))

    lang = (source.value("lang") or "").strip()
    if lang and lang not in languages:
        problem("lang", _("unknown language `%(value)s`", value=lang),
                _("use one of: %(values)s", values=", ".join(languages)))
    elif lang and name and name.group("lang") != lang:
        problem("lang", _("Lang is `%(lang)s` but the file name says `.%(named)s.`",
                          lang=lang, named=name.group("lang")),
                _("make the file name and the Lang line agree"))

    check_date(source, "date", problem, with_time=False,
               fix=_("write it as YYYY-MM-DD, e.g. 2021-11-18"))

    preheader = (source.value("preheader") or "").strip()
    low, high = PREHEADER_LENGTH
    if "preheader" in source.fields and not low <= len(preheader) <= high:
        problem("preheader", _("the preheader is %(count)s characters long",
                               count=len(preheader)),
                _("write %(low)s to %(high)s characters (inboxes show them after the "
                  "subject), or remove the line to use the lead article's summary",
                  low=low, high=high))
    subject = (source.value("subject") or "").strip()
    if len(subject) > SUBJECT_MAX:
        problem("subject", _("the subject is %(count)s characters long", count=len(subject)),
                _("write at most %(high)s characters: inboxes show about 60 of them, and the "
                  "introduction says the rest", high=SUBJECT_MAX))
    if preheader and preheader == subject:
        problem("preheader", _("the preheader repeats the subject"),
                _("say something the subject does not; inboxes show both side by side"))

    status = (source.value("status") or "").strip()
    if status and status.lower() not in STATUSES:
        problem("status", _("unknown status `%(value)s`", value=status),
                _("use `draft` or `ready`"))

    articles = source.value("articles") or ""
    if ";" in articles:
        problem("articles", _("the articles are separated by semicolons"),
                _("separate them with commas: `Articles: %(fixed)s`",
                  fixed=", ".join(split_slugs(articles))))
    problems += introduction_problems(source)
    problems += list_problems(source, "articles")
    slugs = split_slugs(articles)
    seen = set()
    for slug in slugs:
        if slug in seen:
            problem("articles", _("article `%(slug)s` is listed twice", slug=slug),
                    _("list each article once"))
        seen.add(slug)
    return problems


def introduction_problems(source: SourceFile) -> list[Problem]:
    """An email introduction is text and links: images belong in articles, and HTML or
    headings would break the email's structure (messages for the officer, not the gate's)."""
    problems = []
    for offset, line in enumerate(_COMMENT.sub(lambda m: "\n" * m.group().count("\n"),
                                               source.body).splitlines()):
        number = source.body_line + offset
        if _IMAGE.search(line):
            problems.append(Problem(
                source.path, number,
                _("the introduction contains an image"),
                _("the introduction is text and links only: put the image in an article "
                  "(its `Image:` line or its text) and list that article under "
                  "`Articles:`")))
        elif (tag := _HTML_TAG.search(line)):
            problems.append(Problem(
                source.path, number,
                _("the introduction contains HTML (`%(tag)s`)", tag=tag.group()),
                _("write it in Markdown: text, **bold**, *italic*, [a link](https://…)")))
        elif _HEADING.match(line):
            problems.append(Problem(
                source.path, number,
                _("the introduction contains a heading"),
                _("the introduction is two or three sentences: remove the `#`, or use "
                  "**bold**")))
    return problems


def edition_notes(edition: Edition) -> list[Problem]:
    """Not wrong, but worth a look before sending: said as notes, the build goes on."""
    notes = []
    if not edition.introduction:
        notes.append(Problem(
            edition.path, edition.source.body_line,
            _("the edition has no introduction"),
            _("write two or three sentences under the metadata to greet the readers")))
    if len(edition.slugs) == 1:
        notes.append(Problem(
            edition.path, edition.line_of("articles"),
            _("the edition has a single article"),
            _("an edition usually gathers three to six articles")))
    for key in ("subject", "preheader"):
        # escaped, so harmless, but inboxes would show the tag or code as typed
        markup = _MARKUP.search(edition.source.value(key) or "")
        if markup:
            notes.append(Problem(
                edition.path, edition.line_of(key),
                _("`%(markup)s` would be shown as typed: `%(key)s:` is plain text",
                  markup=markup.group(), key=key.capitalize()),
                _("write the characters themselves (& rather than &amp;), without tags")))
    return notes


def ready_problems(edition: Edition) -> list[Problem]:
    """A `ready` edition goes out as it is: one with neither an introduction nor a second
    article would be a lone link to the site, so that is an error, not a note."""
    if edition.status == "ready" and not edition.introduction and len(edition.slugs) == 1:
        return [Problem(edition.path, edition.line_of("status"),
                        _("a ready edition needs an introduction or a second article"),
                        _("write an introduction under the metadata, or list another "
                          "article, or keep `Status: draft`"))]
    return []


def duplicate_problems(editions: list[Edition]) -> list[Problem]:
    """The same Number and Lang twice: two files claim one edition."""
    first: dict = {}
    problems = []
    for edition in sorted(editions, key=lambda e: e.path):
        key = (edition.number, edition.lang)
        if key in first:
            problems.append(Problem(
                edition.path, edition.line_of("number"),
                _("edition %(number)s (%(lang)s) is already given by %(path)s",
                  number=edition.number, lang=edition.lang, path=first[key].path),
                _("keep one file per edition and language")))
        else:
            first[key] = edition
    return problems


@dataclass
class ArticleIndex:
    """The site's articles by (slug, lang), published and draft, to resolve editions."""

    published: dict
    drafts: dict

    @classmethod
    def of(cls, published, drafts) -> ArticleIndex:
        return cls({(a.slug, a.lang): a for a in published},
                   {(a.slug, a.lang): a for a in drafts})

    def languages_of(self, slug: str) -> list[str]:
        return sorted({lang for s, lang in self.published if s == slug})

    def slugs(self) -> set[str]:
        return {slug for slug, _ in [*self.published, *self.drafts]}


def resolve_articles(edition: Edition, index: ArticleIndex,
                     left_out: dict[tuple[str, str], str] | None = None) -> list[Problem]:
    """Find each listed article in the edition's language; a problem for each that is not.
    `left_out`: (slug, lang) -> the file that has them, left out of the build for its
    problems."""
    problems = []
    line = edition.line_of("articles")
    articles = []
    for slug in edition.slugs:
        found = index.published.get((slug, edition.lang))
        if found is not None:
            if found not in articles:
                articles.append(found)
            continue
        scheduled = index.drafts.get((slug, edition.lang))
        if getattr(scheduled, "scheduled", False):
            problems.append(Problem(edition.path, line,
                                    _("article `%(slug)s` (%(lang)s) is scheduled for "
                                      "%(date)s", slug=slug, lang=edition.lang,
                                      date=scheduled.date.date().isoformat()),
                                    _("send the edition on or after that day (its `Date:`), "
                                      "or leave the article out")))
        elif (slug, edition.lang) in index.drafts:
            problems.append(Problem(edition.path, line,
                                    _("article `%(slug)s` (%(lang)s) is a draft",
                                      slug=slug, lang=edition.lang),
                                    _("publish it first, or leave it out of the edition")))
        elif (slug, edition.lang) in (left_out or {}):
            problems.append(Problem(edition.path, line,
                                    _("article `%(slug)s` is left out: %(path)s has problems",
                                      slug=slug, path=left_out[slug, edition.lang]),
                                    _("fix the problems reported for that file; the edition "
                                      "then finds the article")))
        elif slug in index.slugs():
            elsewhere = index.languages_of(slug)
            message = (_("article `%(slug)s` has no %(lang)s version (it exists in "
                         "%(languages)s)", slug=slug, lang=edition.lang,
                         languages=", ".join(elsewhere)) if elsewhere else
                       _("article `%(slug)s` has no %(lang)s version", slug=slug,
                         lang=edition.lang))
            problems.append(Problem(edition.path, line, message,
                                    _("translate it into %(lang)s first, or leave it out",
                                      lang=edition.lang)))
        else:
            close = difflib.get_close_matches(slug, sorted(index.slugs()), n=1)
            problems.append(Problem(edition.path, line,
                                    _("no article has the slug `%(slug)s`", slug=slug),
                                    _("did you mean `%(slug)s`?", slug=close[0]) if close else
                                    _("copy the slug from the article's `Slug:` line")))
    edition.articles = articles
    return problems


def late_article_notes(edition: Edition) -> list[Problem]:
    """Articles dated after the edition (resolved first): the archive would show an email
    that announced what was not yet written. A note: the officer may mean it."""
    if edition.date is None:
        return []
    return [Problem(edition.path, edition.line_of("date"),
                    _("article `%(slug)s` is dated %(date)s, after the edition",
                      slug=article.slug, date=article.date.date().isoformat()),
                    _("date the edition on or after its articles, or keep this one for the "
                      "next edition"))
            for article in edition.articles if article.date.date() > edition.date]
