"""The email quality gate: what a built email must be before it goes to the mailing service.

`check_email(html, spec)` returns a list of EmailProblem values (empty: the email passes).
Each problem names its rule and, where one article is at fault, that article's slug; the
generator turns them into build problems on the edition file.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import parse_qs, urlsplit

import lxml.html
from bs4 import BeautifulSoup
from lxml import etree
from PIL import Image

from globe_core.foreign_resources import html_urls, is_foreign
from globe_core.messages import _, decimal
from globe_core.problems import Problem
from globe_core.settings import GlobeSettings

from .email_images import EMAIL_FORMATS, MAX_BYTES, MAX_WIDTH

MAX_HTML_BYTES = 90 * 1024  # Gmail clips messages at about 102 KB
MAX_STYLE_BYTES = 16 * 1024  # Gmail drops <style> past this
MIN_FONT_PX = 14
MIN_BODY_FONT_PX = 16
SMALL_PRINT_CLASS = "small-print"  # labels and footer: 14 px allowed
FORBIDDEN_ELEMENTS = ("script", "iframe", "frame", "frameset", "form", "input", "object",
                      "embed", "applet", "audio", "video", "base")
_MERGE_TAG = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.IGNORECASE)
_FONT_SIZE = re.compile(r"^\s*([\d.]+)\s*(px|pt|em|rem|%)\s*(!important)?\s*$", re.IGNORECASE)
_HIDDEN_CHARACTERS = "\u034f\u200c\u200b\u00a0\u2007\u00ad\u200a \t\r\n"


@dataclass(frozen=True)
class EmailProblem:
    rule: str
    message: str
    article: str | None = None  # the slug of the article at fault, if one is
    url: str | None = None  # the address at fault, looked for in the introduction

    def to_problem(self, edition) -> Problem:
        line = (edition.line_of("articles") if self.article else
                self._introduction_line(edition) or edition.line_of("number"))
        params = {"lang": edition.lang, "rule": self.rule, "message": self.message}
        message = (_("the %(lang)s email fails the quality gate (%(rule)s): "
                     "article `%(slug)s`: %(message)s", slug=self.article, **params)
                   if self.article else
                   _("the %(lang)s email fails the quality gate (%(rule)s): %(message)s",
                     **params))
        return Problem(edition.path, line, message, _fixes().get(
            self.rule, _("keep the introduction to plain text and links, and check the "
                         "articles it lists; if the message stays, send it to the web team")))


    def _introduction_line(self, edition) -> int | None:
        """The line of the introduction that writes `url` (without the tracking the email
        added to it), if one does."""
        if not self.url:
            return None
        written = self.url.split("?")[0].split("#")[0]
        for offset, line in enumerate(edition.source.body.splitlines()):
            if written in line:
                return edition.source.body_line + offset
        return None


def _fixes() -> dict:
    """How to fix a failed rule, in the user's language (read when a problem is made)."""
    return {
        "article-h2": _("report this message to the developers (the email templates "
                        "changed)"),
        "image-format": _("give the article a JPEG, PNG or GIF image"),
        "img-alt": _("add `Image_alt:` to the article"),
        "tracking-pixel": _("give the article a real picture as its `Image:` (this one is "
                            "1 pixel wide or high, or hidden)"),
        "merge-tags": _("remove `{{ … }}` from the text, or add the tag to "
                        "GLOBE_NEWSLETTER_MERGE_TAGS"),
        "https": _("link to https:// addresses only"),
        "preheader": _("write a `Preheader:` line that says something the subject does not"),
        "html-weight": _("list fewer articles, or shorten the introduction"),
    }


@dataclass(frozen=True)
class EmailSpec:
    """What one email is expected to be: its edition's facts and the build's settings."""

    lang: str
    number: str
    subject: str
    siteurl: str
    production: bool
    utm_source: str
    unsubscribe_url: str
    manage_url: str
    merge_tags: tuple = ()
    article_titles: dict = field(default_factory=dict)  # slug -> title as shown
    images: dict = field(default_factory=dict)  # absolute URL -> bytes
    image_articles: dict = field(default_factory=dict)  # absolute URL -> slug
    inline_css: str = ""

    @classmethod
    def of(cls, view, siteurl: str, globe: GlobeSettings, inline_css: str) -> EmailSpec:
        return cls(
            lang=view.lang, number=view.number, subject=view.subject,
            siteurl=siteurl, production=bool(globe.production),
            utm_source=globe.newsletter_utm_source,
            unsubscribe_url=globe.newsletter_unsubscribe_url,
            manage_url=globe.newsletter_manage_url,
            merge_tags=tuple(dict.fromkeys([*globe.newsletter_merge_tags,
                                            globe.newsletter_unsubscribe_url,
                                            globe.newsletter_manage_url])),
            article_titles={a.slug: a.title for a in view.articles},
            images={a.image_url: a.image.data for a in view.articles if a.image},
            image_articles={a.image_url: a.slug for a in view.articles if a.image},
            inline_css=inline_css,
        )


def check_mjml(mjml: str, spec: EmailSpec) -> list[EmailProblem]:
    """Before compiling: mjml-python silently drops `alt` when an mj-image has none."""
    problems = []
    body = re.sub(r"<mj-head>.*?</mj-head>", "", mjml, flags=re.DOTALL)  # defaults aside
    for tag in re.findall(r"<mj-image\b[^>]*>", body):
        if not re.search(r"\salt\s*=", tag):
            src = re.search(r'\ssrc="([^"]*)"', tag)
            slug = spec.image_articles.get(src.group(1)) if src else None
            problems.append(EmailProblem("img-alt", _("an mj-image has no alt attribute"), slug))
    return problems


def check_email(html: str, spec: EmailSpec) -> list[EmailProblem]:
    """Every way the email falls short of the gate; an empty list when it passes."""
    email = ParsedEmail.of(html)
    problems: list[EmailProblem] = []
    for rule in _RULES:
        problems.extend(rule(html, email, spec))
    return problems


class ParsedEmail:
    """The email's element tree, walked once into an index by tag name.

    lxml (libxml2) parses an email twenty times faster than BeautifulSoup's html.parser,
    and the gate runs on every edition of every build. Its elements answer `.get(name,
    default)` like BeautifulSoup's tags, so the rules read the same.
    """

    def __init__(self, root, html: str):
        self.root, self.html = root, html
        self.elements = [e for e in root.iter() if isinstance(e.tag, str)]  # no comments
        self._by_tag: dict[str, list] = {}
        for element in self.elements:
            self._by_tag.setdefault(element.tag, []).append(element)
        self._soup = None

    @classmethod
    def of(cls, html: str) -> ParsedEmail:
        try:
            root = lxml.html.document_fromstring(html)
        except etree.ParserError:  # nothing but blanks or comments
            root = lxml.html.document_fromstring("<html></html>")
        return cls(root, html)

    def all(self, tag: str) -> list:
        return self._by_tag.get(tag, [])

    def first(self, tag: str):
        found = self.all(tag)
        return found[0] if found else None

    def comments(self) -> list[str]:
        around = [*self.root.itersiblings(preceding=True), *self.root.itersiblings()]
        return [c.text or "" for c in [*around, *self.root.iter(etree.Comment)]
                if c.tag is etree.Comment]

    def select(self, selector: str) -> list:
        """Any CSS selector, by soupsieve: only for selectors the index cannot answer."""
        if self._soup is None:
            self._soup = BeautifulSoup(self.html, "html.parser")
        return self._soup.select(selector)


def check_text(text: str, spec: EmailSpec) -> list[EmailProblem]:
    """The plain-text part and the subject: the mailing service reads `{{ }}` in both."""
    problems = []
    for part, content in (("text", text), ("subject", spec.subject)):
        for tag in sorted(set(_MERGE_TAG.findall(content))):
            if tag not in spec.merge_tags:
                problems.append(EmailProblem("merge-tags", _(
                    "%(tag)s in the %(part)s would be read by the mailing service as one "
                    "of its tags", tag=repr(tag), part=part)))
    return problems


# --- the rules ------------------------------------------------------------------------


def _language(html, email, spec):
    root = email.first("html")
    lang = root.get("lang") if root is not None else None
    if lang != spec.lang:
        yield EmailProblem("lang", _("<html lang> is %(found)s, not %(wanted)s",
                                     found=repr(lang), wanted=repr(spec.lang)))


def _layout_tables(html, email, spec):
    bare = [t for t in email.all("table") if t.get("role") != "presentation"]
    if bare:
        yield EmailProblem("table-role", _('%(count)s layout table(s) without '
                                           'role="presentation"', count=len(bare)))


def _headings(html, email, spec):
    h1 = email.all("h1")
    if len(h1) != 1:
        yield EmailProblem("one-h1", _("%(count)s <h1> elements instead of exactly one",
                                       count=len(h1)))
    h2 = {_text(h) for h in email.all("h2")}
    for slug, title in spec.article_titles.items():
        if _normal(title) not in h2:
            yield EmailProblem("article-h2", _("its title is not an <h2>"), slug)


def _images(html, email, spec):
    for img in email.all("img"):
        src = img.get("src", "")
        slug = spec.image_articles.get(src)
        if img.get("alt") is None:
            yield EmailProblem("img-alt", _("<img src=%(src)s> has no alt attribute",
                                            src=repr(src)), slug)
        if _is_tracking_pixel(img):
            yield EmailProblem("tracking-pixel", _("<img src=%(src)s> is a tracking pixel "
                                                   "(1 px or hidden)", src=repr(src)), slug)
            continue
        data = spec.images.get(src)
        if data is None:
            yield EmailProblem("email-image", _("<img src=%(src)s> is not an image "
                                                "prepared for email", src=repr(src)))
            continue
        try:
            with Image.open(io.BytesIO(data)) as picture:
                fmt, width = picture.format, picture.width
        except OSError:
            yield EmailProblem("image-format", _("%(src)s is not a readable image", src=src),
                               slug)
            continue
        if fmt not in EMAIL_FORMATS:
            yield EmailProblem("image-format", _("%(src)s is %(format)s, not JPEG, PNG or GIF",
                                                 src=src, format=fmt), slug)
        if width > MAX_WIDTH:
            yield EmailProblem("image-width", _("%(src)s is %(width)s px wide; a 600 px slot "
                                                "at 2x needs %(max)s at most",
                                                src=src, width=width, max=MAX_WIDTH), slug)
        if len(data) > MAX_BYTES:
            yield EmailProblem("image-weight", _("%(src)s weighs %(size)s KB, more than "
                                                 "%(max)s KB", src=src,
                                                 size=len(data) // 1024,
                                                 max=MAX_BYTES // 1024), slug)


def _is_tracking_pixel(img) -> bool:
    def tiny(value):
        match = re.match(r"^\s*(\d+)", str(value or ""))
        return bool(match) and int(match.group(1)) <= 1

    style = _declarations(img.get("style", ""))
    return (tiny(img.get("width")) or tiny(img.get("height"))
            or tiny(style.get("width")) or tiny(style.get("height"))
            or style.get("display", "").startswith("none"))


def _urls(email, html):
    """(kind, url, element): every address the email links to or loads."""
    for element in email.elements:
        for attribute in ("href", "src", "background", "poster", "data"):
            value = element.get(attribute)
            if value is not None:
                yield attribute, value.strip(), element
        for url in _CSS_URL.findall(element.get("style", "")):
            yield "css", url.strip(), element
    for block in _STYLE_BLOCK.findall(html):
        for url in _CSS_URL.findall(block):
            yield "css", url.strip(), None


def _addresses(html, email, spec):
    site = urlsplit(spec.siteurl)
    for kind, url, _element in _urls(email, html):
        if url in spec.merge_tags or url.startswith("mailto:"):
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            yield EmailProblem("absolute-url", _("%(kind)s=%(url)s is not an absolute address",
                                                 kind=kind, url=repr(url)))
            continue
        on_site = _on_site(url, spec.siteurl)
        if parts.netloc == site.netloc and not on_site:
            yield EmailProblem("site-url", _("%(url)s does not start with %(siteurl)s",
                                             url=url, siteurl=spec.siteurl))
        # A production email links over https, the site too; only a build served on this
        # machine (the browser tests' 127.0.0.1) may link to the site over http.
        if spec.production and parts.scheme != "https" and not (on_site and _local(site)):
            yield EmailProblem("https", _("%(url)s is not https://", url=url), url=url)
        if kind != "href" and not on_site:
            yield EmailProblem("third-party", _("%(url)s loads from another site", url=url),
                               url=url)
        if kind == "href" and on_site and url not in (spec.unsubscribe_url, spec.manage_url):
            query = parse_qs(parts.query)
            expected = {"utm_source": spec.utm_source, "utm_medium": "email",
                        "utm_campaign": spec.number}
            wrong = [k for k, v in expected.items() if query.get(k) != [v]]
            if wrong:
                yield EmailProblem("utm", _("%(url)s lacks %(parameters)s", url=url,
                                            parameters=", ".join(wrong)))


def _local(site) -> bool:
    return site.hostname in ("127.0.0.1", "localhost", "::1")


def _on_site(url: str, siteurl: str) -> bool:
    return url == siteurl or url.startswith(siteurl.rstrip("/") + "/")


def _unsubscribe(html, email, spec):
    links = [a for a in email.all("a") if a.get("href") is not None]
    if not any(a.get("href") == spec.unsubscribe_url for a in links):
        yield EmailProblem("unsubscribe", _("no unsubscribe link to %(url)s",
                                            url=repr(spec.unsubscribe_url)))
    if not any(a.get("href") == spec.manage_url for a in links):
        yield EmailProblem("unsubscribe", _("no manage subscription link to %(url)s",
                                            url=repr(spec.manage_url)))
    for a in links:
        if a.get("href") in (spec.unsubscribe_url, spec.manage_url) and "utm_" in a.get("href"):
            yield EmailProblem("unsubscribe", _("the link %(url)s carries campaign "
                                                "parameters", url=repr(a.get("href"))))


def _foreign_loads(html, email, spec):
    """What any mail client would fetch (srcset, <source>, SVG <image>, CSS…) stays on
    the site's host: the same reading as the site's own check."""
    host = (urlsplit(spec.siteurl).hostname or "").lower()
    for url in dict.fromkeys(html_urls(html)):
        if url not in spec.merge_tags and is_foreign(url, host):
            yield EmailProblem("third-party", _("%(url)s loads from another site", url=url))


def _forbidden(html, email, spec):
    for name in FORBIDDEN_ELEMENTS:
        found = email.all(name)
        if found:
            yield EmailProblem("forbidden-element", _("%(count)s <%(name)s> element(s)",
                                                      count=len(found), name=name))
    for link in email.all("link"):
        yield EmailProblem("third-party", _("<link href=%(href)s> (web fonts and "
                                            "stylesheets are requests email must not make)",
                                            href=repr(link.get("href"))))
    styles = " ".join(_STYLE_BLOCK.findall(html))
    for rule in ("@import", "@font-face"):
        if rule in styles:
            yield EmailProblem("third-party", _("the styles use %(rule)s", rule=rule))


def _weights(html, email, spec):
    size = len(html.encode("utf-8"))
    if size > MAX_HTML_BYTES:
        yield EmailProblem("html-weight", _("the HTML weighs %(size)s KB, more than "
                                            "%(max)s KB (Gmail clips it)",
                                            size=decimal(size / 1024),
                                            max=MAX_HTML_BYTES // 1024))
    blocks = _STYLE_BLOCK.findall(html)
    styles = sum(len(b.encode("utf-8")) for b in blocks)
    if styles > MAX_STYLE_BYTES:
        yield EmailProblem("style-weight", _("<style> blocks weigh %(size)s KB, more "
                                             "than %(max)s KB", size=decimal(styles / 1024),
                                             max=MAX_STYLE_BYTES // 1024))
    for block in blocks:
        if _has_nested_at_rule(block):
            yield EmailProblem("nested-at-rule", _("an @ rule is nested in another (Gmail "
                                                   "drops the whole <style> block)"))


def _has_nested_at_rule(css: str) -> bool:
    depth = 0
    for character in _CSS_COMMENT.sub("", css):
        if character == "{":
            depth += 1
        elif character == "}":
            depth = max(0, depth - 1)
        elif character == "@" and depth > 0:
            return True
    return False


def inline_rules(css: str) -> list[tuple[str, list[str]]]:
    """(selector, [property names]) of a flat stylesheet."""
    rules = []
    for chunk in _CSS_COMMENT.sub("", css).split("}"):
        if "{" not in chunk:
            continue
        selectors, body = chunk.split("{", 1)
        properties = [d.split(":", 1)[0].strip().lower() for d in body.split(";") if ":" in d]
        for selector in selectors.split(","):
            if selector.strip():
                rules.append((selector.strip(), properties))
    return rules


_CLASS_SELECTOR = re.compile(r"^\.([\w-]+)(?:\s+([a-z][a-z0-9]*))?$")


def _inlined(html, email, spec):
    by_class: dict[str, list] = {}
    for element in email.elements:
        for name in (element.get("class") or "").split():
            by_class.setdefault(name, []).append(element)
    for selector, properties in inline_rules(spec.inline_css):
        for element in _select(email, selector, by_class):
            declared = _declarations(element.get("style", ""))
            missing = [p for p in properties if p not in declared]
            if missing:
                yield EmailProblem("inline-css", _("`%(selector)s` is not inlined "
                                                   "(missing %(properties)s)",
                                                   selector=selector,
                                                   properties=", ".join(missing)))
                break


def _select(email, selector: str, by_class: dict) -> list:
    """`.class` and `.class tag` from an index (fast); any other selector by soupsieve."""
    simple = _CLASS_SELECTOR.match(selector)
    if not simple:
        return email.select(selector)
    owners = by_class.get(simple.group(1), [])
    if not simple.group(2):
        return owners
    return [found for owner in owners for found in owner.iter(simple.group(2))
            if found is not owner]


@functools.lru_cache(maxsize=4096)  # an email repeats a few dozen styles on every tag
def _declarations(style: str) -> Mapping[str, str]:
    found = {}
    for declaration in style.split(";"):
        if ":" in declaration:
            name, value = declaration.split(":", 1)
            found[name.strip().lower()] = value.strip().lower()
    return MappingProxyType(found)  # shared between callers: read-only


def _font_sizes(html, email, spec):
    body = email.first("body")
    if body is None:
        return
    too_small: dict[str, str] = {}

    def note(text, size, small_print):
        text = (text or "").strip(_HIDDEN_CHARACTERS)
        if not text:
            return
        if size is None:
            too_small.setdefault("unit", text[:40])
        elif size < MIN_FONT_PX or (size < MIN_BODY_FONT_PX and not small_print):
            too_small.setdefault(f"{size:g}px", text[:40])

    def walk(node, size, small_print):
        # an element's own text is in its size; each child's tail is back in the parent's
        note(node.text, size, small_print)
        for child in node:
            if isinstance(child.tag, str) and child.tag not in ("style", "script", "title"):
                style = _declarations(child.get("style", ""))
                if not style.get("display", "").startswith("none"):  # the hidden preheader
                    small = small_print or SMALL_PRINT_CLASS in (child.get("class") or
                                                                 "").split()
                    walk(child, _font_size(style.get("font-size"), size), small)
            note(child.tail, size, small_print)

    walk(body, 16.0, False)
    for size, text in too_small.items():
        if size == "unit":
            yield EmailProblem("font-size", _("text %(text)s has a font size in a unit the "
                                              "check cannot read (use px)", text=repr(text)))
        else:
            yield EmailProblem("font-size", _("text %(text)s is %(size)s: body text needs "
                                              "%(body)s px, small print %(small)s px at least",
                                              text=repr(text), size=size,
                                              body=MIN_BODY_FONT_PX, small=MIN_FONT_PX))


def _font_size(value: str | None, inherited: float | None) -> float | None:
    if not value:
        return inherited
    match = _FONT_SIZE.match(value)
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2).lower()
    if unit == "px":
        return number
    if unit == "pt":
        return number * 4 / 3
    if unit == "rem":
        return number * 16
    if inherited is None:
        return None
    return number * inherited if unit == "em" else number * inherited / 100


def _preheader(html, email, spec):
    hidden = None
    for div in email.all("div"):
        if _declarations(div.get("style", "")).get("display", "").startswith("none"):
            hidden = div
            break
    text = _normal(hidden.text_content().strip(_HIDDEN_CHARACTERS)) if hidden is not None \
        else ""
    text = "".join(c for c in text if c not in _HIDDEN_CHARACTERS[:5]).strip()
    if not text:
        yield EmailProblem("preheader", _("the email has no preheader"))
    elif text == _normal(spec.subject):
        yield EmailProblem("preheader", _("the preheader repeats the subject"))


def _dark_mode(html, email, spec):
    for name in ("color-scheme", "supported-color-schemes"):
        meta = next((m for m in email.all("meta") if m.get("name") == name), None)
        content = meta.get("content", "") if meta is not None else ""
        if "light" not in content or "dark" not in content:
            yield EmailProblem("dark-mode", _('no <meta name="%(name)s" content="light dark">',
                                              name=name))
    styles = " ".join(_STYLE_BLOCK.findall(html))
    if not re.search(r"prefers-color-scheme\s*:\s*dark", styles):
        yield EmailProblem("dark-mode", _("no styles for the dark colour scheme"))
    body = email.first("body")
    if body is None or "background-color" not in _declarations(body.get("style", "")):
        yield EmailProblem("background", _("<body> has no explicit background colour"))


def _conditional_comments(html, email, spec):
    comments = email.comments()
    opened = sum(1 for c in comments if c.startswith("[if"))
    closed = sum(1 for c in comments if c.rstrip().endswith("<![endif]"))
    if not any(c.startswith("[if mso") for c in comments):
        yield EmailProblem("conditional-comments", _("Outlook's conditional comments "
                                                     "(<!--[if mso]>) are gone"))
    elif opened != closed:
        yield EmailProblem("conditional-comments", _("%(opened)s conditional comment(s) "
                                                     "opened, %(closed)s closed",
                                                     opened=opened, closed=closed))


def _merge_tags(html, email, spec):
    for tag in sorted(set(_MERGE_TAG.findall(html))):
        if tag not in spec.merge_tags:
            slug = next((s for s, t in spec.article_titles.items() if tag in t), None)
            yield EmailProblem("merge-tags", _("%(tag)s would be read by the mailing service "
                                               "as one of its tags", tag=repr(tag)), slug)


def _text(element) -> str:
    return _normal(element.text_content())


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


_RULES = (_language, _layout_tables, _headings, _images, _addresses, _unsubscribe,
          _foreign_loads, _forbidden, _weights, _inlined, _font_sizes, _preheader,
          _dark_mode,
          _conditional_comments, _merge_tags)
