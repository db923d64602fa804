"""What the email templates place: plain values prepared once, in Python.

Templates get absolute URLs (tracked for the email), text with the mailing service's
template syntax neutralised, image sizes and translated-ready strings. No logic is left
for the templates but placing them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup
from markdown import Markdown
from markupsafe import Markup

from globe_core.html_policy import (
    INTRODUCTION,
    line_of,
    marked_section_problems,
    policy_problems,
    sanitise,
)
from globe_core.languages import lang_prefix, long_date
from globe_core.messages import _
from globe_core.nesting import nesting_problems
from globe_core.pelican_seams import summary_of
from globe_core.problems import Problem
from globe_core.settings import GlobeSettings
from globe_core.unconvertible import conversion_problem, time_limit
from globe_core.urls import is_site_url

from . import palette
from .edition import Edition
from .email_images import EmailImage
from .intro_links import resolve_site_links
from .plain_text import html_to_text, inline_text, plain_line

_DOUBLE_BRACE = re.compile(r"([{}])(?=\1)")
PREHEADER_MAX = 100
HERO_WIDTH = 600  # the lead image fills the 600 px column
CARD_IMAGE_WIDTH = 184  # the other articles' images, beside their text


def neutralize_merge_tags(text: str) -> str:
    """`{{`/`}}` become `{ {`/`} }`: text from articles can never open a merge tag.

    Entities would not do: the HTML is parsed and written again by the CSS inliner,
    which turns `&#123;` back into `{`.
    """
    return _DOUBLE_BRACE.sub(r"\1 ", text)


def with_utm(url: str, source: str, campaign: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.startswith("utm_")]
    query += [("utm_source", source), ("utm_medium", "email"), ("utm_campaign", campaign)]
    return urlunsplit(parts._replace(query=urlencode(query)))


@dataclass
class Links:
    """How this edition links: to the site (tracked in the email) and to the service."""

    siteurl: str
    campaign: str
    utm_source: str

    def absolute(self, relative: str) -> str:
        return f"{self.siteurl}/{relative.lstrip('/')}"

    def tracked(self, url: str) -> str:
        """A link as the email carries it: campaign parameters on links to the site."""
        return with_utm(url, self.utm_source, self.campaign) if is_site_url(
            url, self.siteurl) else url


@dataclass
class ArticleView:
    slug: str
    title: str
    summary: str
    category: str
    url: str  # tracked, for the email
    web_url: str  # plain, for the web version and the manifest
    image: EmailImage | None = None
    image_url: str = ""
    image_alt: str = ""
    image_width: int = 0  # as shown, in CSS pixels (the file is up to twice as wide)


@dataclass
class EditionView:
    """Plain values only (no link back to the Edition): worker processes receive it."""

    lang: str
    number: str
    date: str  # as the language writes it
    date_iso: str
    status: str  # ready | draft
    subject: str
    preheader: str
    introduction_html: Markup  # links absolute and tracked
    introduction_text: str
    web_introduction_html: Markup  # links absolute, not tracked
    lead: ArticleView
    others: list[ArticleView]
    web_url: str
    web_url_tracked: str
    archive_url: str
    home_url: str
    unsubscribe_url: str
    manage_url: str
    privacy_url: str | None
    organisation: dict
    social: list
    light: dict = field(default_factory=lambda: dict(palette.LIGHT))
    dark: dict = field(default_factory=lambda: dict(palette.DARK))

    @property
    def articles(self) -> list[ArticleView]:
        return [self.lead, *self.others]

    @property
    def images(self) -> list[EmailImage]:
        return [a.image for a in self.articles if a.image]


def edition_url(settings, lang: str, number: str) -> str:
    prefix = lang_prefix(lang, settings["DEFAULT_LANG"])
    return GlobeSettings.of(settings).newsletter_edition_url.format(lang_prefix=prefix,
                                                                    number=number)


def archive_url(settings, lang: str) -> str:
    prefix = lang_prefix(lang, settings["DEFAULT_LANG"])
    return GlobeSettings.of(settings).newsletter_archive_url.format(lang_prefix=prefix)


def default_preheader(summary_html: str) -> str:
    """The lead article's summary, cut at a word to fit what inboxes show."""
    text = inline_text(summary_html)
    if len(text) <= PREHEADER_MAX:
        return text
    cut = text[:PREHEADER_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def render_introduction(markdown_text: str, markdown_settings: dict) -> str:
    """The introduction as HTML, sanitised with the introduction's HTML policy (the
    edition's checks have reported anything outside it)."""
    if not markdown_text.strip():
        return ""
    return sanitise(convert_introduction(markdown_text, markdown_settings), INTRODUCTION)


def introduction_policy_problems(edition: Edition, markdown_settings: dict) -> list:
    """HTML in the introduction outside its policy (text, links, lists), on its line."""
    if not edition.introduction.strip():
        return []
    unparsable = marked_section_problems(edition.source) or nesting_problems(
        edition.source.path, edition.source.body, edition.source.body_line)
    if unparsable:  # the HTML parsers after Markdown would raise on them, or take long
        return unparsable
    try:
        html = convert_introduction(edition.introduction, markdown_settings)
    except Exception as error:  # Markdown failed on this text: say where (unconvertible.py)
        return [conversion_problem(edition.source.path, edition.introduction,
                                   edition.source.body_line, error)]
    problems = policy_problems(edition.source, html, INTRODUCTION)
    if 'class="footnote-ref"' in html:  # `#fn:1`: an email cannot jump within itself
        problems.append(Problem(edition.source.path, line_of(edition.source, r"\[\^"),
                                _("an introduction cannot have footnotes"),
                                _("write the note in the sentence, in brackets")))
    return problems


def convert_introduction(markdown_text: str, markdown_settings: dict) -> str:
    config = dict(markdown_settings or {})
    extensions = [e for e in config.get("extensions", []) if e != "markdown.extensions.meta"]
    converter = Markdown(extensions=extensions,
                         extension_configs=config.get("extension_configs", {}),
                         output_format="html5")
    with time_limit():
        return converter.convert(markdown_text)


def absolutize(fragment: str, links: Links, track: bool) -> str:
    """Relative links of an introduction made absolute; tracked ones for the email."""
    if not fragment:
        return ""
    soup = BeautifulSoup(fragment, "html.parser")
    for tag, attribute in (("a", "href"), ("img", "src")):
        for node in soup.find_all(tag, attrs={attribute: True}):
            value = node[attribute].strip()
            if not urlsplit(value).scheme and not value.startswith(("#", "{{")):
                value = links.absolute(value)
            node[attribute] = links.tracked(value) if track and tag == "a" else value
    return str(soup)


def article_view(article, lang: str, links: Links, image: EmailImage | None,
                 image_width: int) -> ArticleView:
    web_url = links.absolute(article.url)
    view = ArticleView(
        slug=article.slug,
        title=neutralize_merge_tags(plain_line(article.title)),
        summary=neutralize_merge_tags(inline_text(summary_of(article))),
        category=neutralize_merge_tags(article.category.name),
        url=links.tracked(web_url),
        web_url=web_url,
    )
    if image is not None:
        view.image = image
        view.image_url = links.absolute(quote(image.relative_path))  # `my photo.jpg`
        view.image_alt = neutralize_merge_tags(plain_line(getattr(article, "image_alt", "")))
        view.image_width = min(image_width, image.width)
    return view


def edition_view(edition: Edition, settings: dict, images: dict, pages_by_slug: dict,
                 site_paths: dict | None = None) -> EditionView:
    """Everything the email, the text and the web version of one edition show."""
    lang = edition.lang
    globe = GlobeSettings.of(settings)
    links = Links(settings["SITEURL"], edition.number, globe.newsletter_utm_source)
    views = [article_view(article, lang, links, images.get(article.slug),
                          HERO_WIDTH if position == 0 else CARD_IMAGE_WIDTH)
             for position, article in enumerate(edition.articles)]
    introduction = resolve_site_links(
        render_introduction(edition.introduction, settings.get("MARKDOWN")),
        site_paths or {}, os.path.abspath(settings["PATH"]), edition.path)
    web_url = links.absolute(edition_url(settings, lang, edition.number))
    privacy = pages_by_slug.get("privacy", {}).get(lang)
    organisation = globe.organisation
    return EditionView(
        lang=lang,
        number=edition.number,
        date=long_date(edition.date, lang),
        date_iso=edition.date.isoformat(),
        status=edition.status,
        # Every field officers write reaches the mailing service, which reads `{{ … }}`
        # as its own template syntax, in the subject and the text part as in the HTML.
        subject=neutralize_merge_tags(edition.subject),
        preheader=neutralize_merge_tags(edition.preheader or default_preheader(
            summary_of(edition.lead))),
        introduction_html=Markup(neutralize_merge_tags(
            absolutize(introduction, links, track=True))),
        # Text made from HTML can join braces that markup kept apart ({<b></b>{): after.
        introduction_text=neutralize_merge_tags(
            html_to_text(absolutize(introduction, links, track=True))),
        web_introduction_html=Markup(absolutize(introduction, links, track=False)),
        lead=views[0],
        others=views[1:],
        web_url=web_url,
        web_url_tracked=links.tracked(web_url),
        archive_url=links.tracked(links.absolute(archive_url(settings, lang))),
        home_url=links.tracked(links.absolute(lang_prefix(lang, settings["DEFAULT_LANG"]))),
        unsubscribe_url=globe.newsletter_unsubscribe_url,
        manage_url=globe.newsletter_manage_url,
        privacy_url=links.tracked(links.absolute(privacy.url)) if privacy else None,
        organisation={
            "name": organisation["name"],
            "street": organisation["street"][lang],
            "city": organisation["city"][lang],
            "email": organisation["email"],
        },
        social=list(globe.social),
    )
