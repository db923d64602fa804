"""The content model: which metadata an article or a page must have, and what is valid.

This module alone decides what is wrong with a file's metadata. It returns problems as
values; the reader records them and the build fails on them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from globe_core.categories import category_key
from globe_core.dates import brussels_now, parse_date
from globe_core.images import image_problem
from globe_core.messages import _
from globe_core.problems import Problem
from globe_core.settings import GlobeSettings
from globe_core.site_folders import SITE_FOLDERS, site_folders
from globe_core.source import SourceFile
from globe_core.validators import check_date, check_keys, list_problems, split_list

from .images import IMAGE_SUFFIXES, resolve_image
from .paths import content_relative
from .references import missing_image
from .schedule import check_later_dates, check_schedule

# key -> required?
_COMMON_KEYS = {
    "title": True,
    "lang": True,
    "slug": True,
    "summary": False,
    "image": False,
    "image_alt": False,
    "image_caption": False,
    "image_credit": False,
    "status": False,
    "modified": False,
    # in a translation: the day the original was translated (see `globe translations`)
    "translation_of": False,
    "old_urls": False,  # addresses on the old site, redirected here (globe_redirects)
}
ARTICLE_KEYS = {**_COMMON_KEYS, "date": True, "category": True, "tags": False,
                "author": False}
PAGE_KEYS = {**_COMMON_KEYS, "template": False}
METADATA_KEYS = frozenset(ARTICLE_KEYS) | frozenset(PAGE_KEYS)
STATUSES = ("published", "draft")
# Generous bounds: what is longer was pasted into the wrong line (the sample content and
# the corpus stay under half of each; WordPress excerpts become summaries).
LONGEST = {"title": 250, "summary": 1000, "image_alt": 500, "image_caption": 1000,
           "image_credit": 250, "author": 200}
MOST_TAGS, LONGEST_TAG = 30, 100  # each tag is a page of its own, in its language
# A slug is a folder name in the output (at most 255 bytes on most file systems) and part
# of every address: 100 characters is three times the longest of the archive's.
LONGEST_SLUG = 100

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_YEAR = re.compile(r"^\d{4}$")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_TAG_SLUG_SUBSTITUTIONS = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]  # as Pelican names tags
_HAS_LETTER = re.compile(r"[^\W_]")
# `name.fr.md`: the language a file name announces
_NAME_LANG = re.compile(r"\.([a-z]{2})\.[a-z]+$")


@dataclass(frozen=True)
class ContentRules:
    """What the model accepts, drawn from the site's settings."""

    content_root: str
    languages: tuple[str, ...]
    categories: dict
    today: dt.date = dt.date.min  # filled in by from_settings: Brussels' date
    templates: tuple[str, ...] = ("page",)  # what a page's `Template:` may name
    # what a page's slug may not be: a page is `{slug}/`, so it would overwrite a folder
    # the build writes (a year of articles is refused apart)
    taken_slugs: frozenset = SITE_FOLDERS

    @classmethod
    def from_settings(cls, settings) -> ContentRules:
        globe = GlobeSettings.of(settings)
        folder = os.path.join(settings["THEME"], "templates")
        return cls(
            content_root=os.path.abspath(settings["PATH"]),
            languages=tuple(globe.languages),
            categories=globe.categories,
            today=brussels_now().date(),
            templates=tuple(sorted(name[:-5] for name in os.listdir(folder)
                                   if name.endswith(".html")))
            if os.path.isdir(folder) else ("page",),
            taken_slugs=site_folders(settings),
        )


def validate(source: SourceFile, kind: str, rules: ContentRules) -> list[Problem]:
    """Every problem with the metadata of an article (kind='article') or a page."""
    keys = ARTICLE_KEYS if kind == "article" else PAGE_KEYS
    problems: list[Problem] = []

    def problem(key_or_line, message, fix=""):
        line = key_or_line if isinstance(key_or_line, int) else source.line_of(key_or_line)
        problems.append(Problem(source.path, line, message, fix))

    problems += check_keys(source, keys)

    lang = source.value("lang")
    if lang and lang not in rules.languages:
        problem("lang", _("unknown language `%(value)s`", value=lang),
                _("use one of: %(values)s", values=", ".join(rules.languages)))
        lang = None
    named = _NAME_LANG.search(os.path.basename(source.path))
    if lang and named and named.group(1) in rules.languages and named.group(1) != lang:
        problem("lang", _("Lang is `%(lang)s` but the file name says `.%(named)s.`",
                          lang=lang, named=named.group(1)),
                _("make the file name and the Lang line agree"))
    elif lang and not os.path.basename(source.path).endswith((f".{lang}.md",
                                                              f".{lang}.markdown")):
        # `visit.md`, `visit.de.md`, `visit.FR.md`: `globe translations` and the other
        # versions find a text by its name's language
        name = os.path.basename(source.path)
        stem = name.split(".", 1)[0] or "text"
        problem("lang", _("the file name `%(name)s` does not end in `.%(lang)s.md`, as its "
                          "Lang says", name=name, lang=lang),
                _("rename the file `%(fixed)s`", fixed=f"{stem}.{lang}.md"))

    slug = source.value("slug")
    if slug and not _SLUG.match(slug):
        problem("slug", _("slug `%(slug)s` is not valid", slug=slug),
                _("use lowercase letters, digits and hyphens, e.g. `visit-to-ankara`"))
    elif slug and len(slug) > LONGEST_SLUG:
        problem("slug", _("the slug is %(length)s characters long, more than %(max)s",
                          length=len(slug), max=LONGEST_SLUG),
                _("shorten it to the few words that say what the text is about; it is "
                  "part of the address"))
    elif slug and kind == "page" and (slug in rules.taken_slugs or _YEAR.match(slug)):
        problem("slug", _("the page slug `%(slug)s` is the name of a folder of the site "
                          "(its address would replace that folder)", slug=slug),
                _("choose another slug, e.g. `%(slug)s-page`", slug=slug))

    _check_date(source, problem)
    if kind == "article":
        problems += check_schedule(source, parse_date(source.value("date") or ""),
                                   rules.content_root, rules.today)
    problems += check_later_dates(source, parse_date(source.value("date") or ""),
                                  parse_date(source.value("modified") or ""),
                                  parse_date(source.value("translation_of") or ""),
                                  rules.today)

    category = source.value("category")
    if kind == "article" and category and lang and \
            category_key(category, lang, rules.categories) is None:
        problem("category", _("unknown category `%(value)s`", value=category),
                _("use one of: %(values)s", values=", ".join(rules.categories)))

    template = (source.value("template") or "").strip()
    if kind == "page" and template and template not in rules.templates:
        problem("template", _("unknown template `%(value)s`", value=template),
                _("use one of: %(values)s", values=", ".join(rules.templates)))

    status = source.value("status")
    if status is not None and not status.strip():  # read as absent, it would publish
        problem("status", _("Status is empty"),
                _("write `Status: draft` to keep it unpublished, `Status: published`, or "
                  "remove the line"))
    if status and status.strip() and status.strip().lower() not in STATUSES:
        problem("status", _("unknown status `%(value)s`", value=status),
                _("use `published` or `draft`"))

    _check_hero_image(source, rules, problem)
    _check_lengths(source, problem)
    _check_author(source, problem)
    if kind == "article":
        problems += list_problems(source, "tags")
    return problems


def _check_lengths(source: SourceFile, problem) -> None:
    for key, longest in LONGEST.items():
        value = (source.value(key) or "").strip()
        if len(value) > longest:
            problem(key, _("%(key)s is %(count)s characters long",
                           key=key.capitalize(), count=len(value)),
                    _("shorten it to at most %(max)s characters: a longer text belongs in "
                      "the body of the article", max=longest))
    tags = split_list(source.value("tags"))
    if ";" in (source.value("tags") or ""):
        problem("tags", _("the tags are separated by semicolons"),
                _("separate them with commas: `Tags: %(fixed)s`", fixed=", ".join(
                    part.strip() for part in re.split(r"[;,]", source.value("tags"))
                    if part.strip())))
    if len(tags) > MOST_TAGS:
        problem("tags", _("Tags lists %(count)s tags", count=len(tags)),
                _("keep at most %(max)s: each tag makes a page of its own", max=MOST_TAGS))
    first_with_slug: dict[str, int] = {}
    for number, tag in enumerate(tags):
        # Tags are pages by slug: `FEDER` and `Féder` are one page, which would list the
        # article twice and link to it under two names
        # without invisible characters: `Tur\u200bquie` would be a second `Turquie` page
        slug = slugify(_INVISIBLE.sub("", tag), regex_subs=_TAG_SLUG_SUBSTITUTIONS)
        if not _HAS_LETTER.search(slug):  # `!!!`, an emoji: no page, or one at /tag/-/
            problem("tags", _("the tag `%(tag)s` has no letter or digit to name its page",
                              tag=tag[:60]), _named_page_fix())
            continue
        first = first_with_slug.setdefault(slug, number)
        if first != number:
            problem("tags", _("the tags `%(first)s` and `%(second)s` are the same tag",
                              first=tags[first], second=tag),
                    _("keep one of them, written the same way in every article"))
        if len(tag) > LONGEST_TAG:
            problem("tags", _("the tag `%(tag)s…` is %(count)s characters long",
                              tag=tag[:40].rstrip(), count=len(tag)),
                    _("a tag is a few words, at most %(max)s characters: separate tags "
                      "with commas", max=LONGEST_TAG))


def _check_author(source: SourceFile, problem) -> None:
    """An author is a page whose address is made of its letters and digits, like a tag
    (`_check_lengths`): a name with none would have no page."""
    author = (source.value("author") or "").strip()
    if author and not _HAS_LETTER.search(slugify(author, regex_subs=_TAG_SLUG_SUBSTITUTIONS)):
        problem("author", _("the author `%(author)s` has no letter or digit to name its page",
                            author=author[:60]), _named_page_fix())


def _named_page_fix() -> str:
    return _("write it in words: the address of its page is made of its letters and digits")


def _check_date(source: SourceFile, problem) -> None:
    for key in ("date", "modified", "translation_of"):
        check_date(source, key, problem, with_time=True,
                   fix=_("write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2021-11-18 09:30"))


def _check_hero_image(source: SourceFile, rules: ContentRules, problem) -> None:
    image, alt = source.value("image"), source.value("image_alt")
    if image:
        image = image.strip()
        source_path = os.path.abspath(source.path)
        found = resolve_image(image, source_path, rules.content_root)
        if found is None and content_relative(image, source_path, rules.content_root) is None \
                and content_relative("/" + image, source_path, rules.content_root) is None:
            problem("image", _("image `%(target)s` is outside the content folder", target=image),
                    _("give the path relative to content/, e.g. images/2021/ankara.jpg"))
        elif found is None:
            missing = missing_image(source.path, source.line_of("image"), image,
                                    rules.content_root)
            problem("image", missing.message, missing.fix)
        elif not found.lower().endswith(IMAGE_SUFFIXES):
            problem("image", _("`%(image)s` is not an image the web can show", image=image),
                    _("use a .jpg, .png, .gif, .webp or .svg file"))
        elif image_problem(os.path.join(rules.content_root, found)):
            reason, fix = image_problem(os.path.join(rules.content_root, found))
            problem("image", _("image `%(target)s`: %(reason)s", target=image, reason=reason),
                    fix)
        if not (alt and alt.strip()):
            problem("image_alt" if "image_alt" in source.fields else "image",
                    _("the hero image has no alt text"),
                    _("add `Image_alt:` describing what the image shows"))
    elif alt or source.value("image_caption"):
        problem("image_alt" if alt else "image_caption",
                _("alt text or caption given without an `Image:`"),
                _("add `Image: images/…` or remove the line"))
