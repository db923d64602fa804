"""Which HTML an article may contain, checked on the HTML Markdown produced.

Officers paste from Word and old WordPress pages, so some raw HTML is welcome: text
formatting, tables, and `<iframe>` embeds (shown as click-to-load placeholders). Nothing
that runs code, styles the page or loads from another host: no <script>, <style>, <form>,
`on…=` or `style=` attributes, no `javascript:` or `data:` links. The policy is one
allow-list; what is outside it is an error on the line that wrote it, saying what to
write instead, never a silent strip. nh3 (the maintained Rust sanitiser) then cleans the
body with the same allow-list, so nothing this check might miss reaches a page or feed.

The check reads the rendered HTML, not the Markdown, so every way of producing a tag
(raw HTML, `{: attribute}` lists, reference links, entities) is seen the same way.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from .messages import _
from .problems import Problem
from .source import SourceFile

_INLINE = {"a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "kbd", "mark",
           "q", "s", "small", "span", "strong", "sub", "sup", "time", "u"}
_BLOCK = {"blockquote", "dd", "div", "dl", "dt", "h2", "h3", "h4", "h5", "h6", "hr", "li",
          "ol", "p", "pre", "ul"}
_TABLE = {"caption", "col", "colgroup", "table", "tbody", "td", "tfoot", "th", "thead", "tr"}
_GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang", "dir"}
_ATTRIBUTES = {
    "a": {"href"}, "abbr": set(), "blockquote": {"cite"}, "q": {"cite"},
    "del": {"cite", "datetime"}, "ins": {"cite", "datetime"}, "time": {"datetime"},
    "ol": {"start", "type", "reversed"}, "li": {"value"}, "col": {"span"},
    "colgroup": {"span"}, "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "frameborder",
               "loading", "referrerpolicy"},
}
URL_ATTRIBUTES = ("href", "src", "cite")
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Pelican's link placeholders (INTRASITE_LINK_REGEX): the ones a text may use. {category},
# {tag}, {author} and {index} build addresses from settings our URLs do not follow (a
# {category} link stopped the build with a KeyError, naming no file).
_PLACEHOLDER = re.compile(r"^\s*[{|]([^|}]*)[|}]")
PLACEHOLDERS = frozenset({"{filename}", "{static}", "{attach}"})  # not |filename|: one way
# The only style Markdown writes: the alignment of a table column.
_TABLE_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Policy:
    name: str
    tags: frozenset

    def attributes(self, tag: str) -> set:
        return _GLOBAL_ATTRIBUTES | _ATTRIBUTES.get(tag, set())


# A level-1 heading in a body is an error of its own (globe_content/headings.py, once, on
# its line, whether written `#`, `===` or <h1>): not a second one here, on a guessed line.
BODY = Policy("body", frozenset(_INLINE | _BLOCK | _TABLE | {"figure", "figcaption", "img",
                                                             "iframe", "h1"}))
SUMMARY = Policy("summary", frozenset(_INLINE | {"p"}))  # one paragraph, as Markdown makes it
INTRODUCTION = Policy("introduction", frozenset(_INLINE | _BLOCK))


@dataclass(frozen=True)
class Violation:
    """What is not allowed, and `needle`: text to look for in the source to find its line."""

    message: str
    fix: str
    needle: str


def _tag_fix(tag: str, policy: Policy) -> str:
    if tag in ("script", "noscript", "style", "link", "meta", "base", "object", "embed",
               "applet", "form", "input", "button", "select", "textarea", "svg", "math"):
        return _("remove it: an article cannot run code, load files or change the page; "
                 "for a video or a map, paste the <iframe> embed code its site gives")
    if tag in ("img", "picture", "source", "figure", "figcaption") and policy is BODY:
        return _("write the image in Markdown: ![what the image shows](../../images/"
                 "photo.jpg \"Caption\")")
    if tag in ("video", "audio", "track", "frame", "frameset"):
        return _("put the video or sound on its site (YouTube, Vimeo…) and paste the "
                 "<iframe> embed code it gives: it is shown as a click-to-load placeholder")
    if tag in ("h1",):
        return _("start section headings with `##` (the Title is the page's heading)")
    if policy is not BODY:
        return _("keep this field to text with **bold**, *italic* and [links](https://…)")
    return _("remove the tag and keep its text, or write it in Markdown (**bold**, "
             "*italic*, [link](https://…), ## heading)")


def _attribute_fix(attribute: str) -> str:
    if attribute.startswith("on"):
        return _("remove it: an article cannot run scripts")
    if attribute == "style":
        return _("remove it: the site's style applies to every article")
    return _("remove the attribute")


def url_scheme(value: str) -> str:
    """The scheme a browser would see (it ignores spaces and control characters)."""
    cleaned = _INVISIBLE.sub("", value)
    if cleaned.startswith("{"):
        return ""  # Pelican's {static}, {filename}… placeholders
    try:
        return urlsplit(cleaned).scheme.lower()
    except ValueError:
        return "?"


class _Walker(HTMLParser):
    def __init__(self, policy: Policy, markdown_images: set):
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.markdown_images = markdown_images
        self.found: list[Violation] = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_starttag(self, tag, attrs):
        policy = self.policy
        if tag not in policy.tags:
            self.found.append(Violation(_("`<%(tag)s>` is not allowed in the %(field)s",
                                          tag=tag, field=_field_name(policy)),
                                        _tag_fix(tag, policy), f"<{tag}"))
            return
        allowed = policy.attributes(tag)
        for name, given in attrs:
            value = given or ""
            if name not in allowed or (name == "style" and not _TABLE_ALIGN.match(value)):
                self.found.append(Violation(
                    _("the attribute `%(attribute)s` on <%(tag)s> is not allowed",
                      attribute=name, tag=tag), _attribute_fix(name), name))
            elif name in URL_ATTRIBUTES and (placeholder := _PLACEHOLDER.match(value)) and \
                    placeholder.group().lstrip() not in PLACEHOLDERS:
                self.found.append(Violation(
                    _("`%(placeholder)s` links are not supported",
                      placeholder=placeholder.group()),
                    _("link to an article with {filename}/articles/…/name.fr.md, to an "
                      "image or a document with {static}/…, or to another page of the "
                      "site by its address (/en/…)"), placeholder.group()))
            elif name in URL_ATTRIBUTES and url_scheme(value) not in URL_SCHEMES | {""}:
                self.found.append(Violation(
                    _("the address `%(url)s` is not a web or mail address",
                      url=_CONTROL_CHARACTER.sub(_escaped, value[:80])),
                    _("link to an https:// or mailto: address, or to a file under "
                      "content/"), value[:40]))
        if tag == "img" and dict(attrs).get("src", "") not in self.markdown_images:
            self.found.append(Violation(_("`<%(tag)s>` is not allowed in the %(field)s",
                                          tag=tag, field=_field_name(policy)),
                                        _tag_fix(tag, policy), "<img"))
        if tag == "iframe" and url_scheme(dict(attrs).get("src") or "") != "https":
            self.found.append(Violation(_("an embedded <iframe> must load an https:// "
                                          "address"),
                                        _("paste the embed code the video or map site gives "
                                          "(its address starts with https://)"), "<iframe"))

    # Markup a browser never shows (a PHP block, <!DOCTYPE>, <![CDATA[…]]>): nh3 drops
    # it, with the text inside, so the officer's text would vanish without a word.
    def handle_pi(self, data):
        self._unshown("<?" + (data.split(None, 1) or [""])[0])

    def handle_decl(self, decl):
        self._unshown("<!" + (decl.split(None, 1) or [""])[0])

    def unknown_decl(self, data):
        self._unshown("<![" + data.split("[", 1)[0])

    def _unshown(self, markup: str) -> None:
        markup = markup[:20]
        self.found.append(Violation(
            _("`%(markup)s…` is not allowed in the %(field)s: it is never shown",
              markup=markup, field=_field_name(self.policy)),
            _("remove it, and write the text it holds as plain text or Markdown"), markup))


def _field_name(policy: Policy) -> str:
    return {"body": _("text"), "summary": _("summary"),
            "introduction": _("introduction")}[policy.name]


def violations(html: str, policy: Policy, markdown_images=frozenset()) -> list[Violation]:
    """Everything in `html` outside `policy`. markdown_images: img src values written
    with Markdown's ![alt](path) syntax (checked apart, as images)."""
    walker = _Walker(policy, set(markdown_images))
    walker.feed(html)
    walker.close()
    return walker.found


@cache
def _cleaner(policy: Policy) -> nh3.Cleaner:
    """nh3's sanitiser for `policy`, made once: making it for each call (what `nh3.clean`
    does) was most of its cost, 0.72 against 0.26 s for 2,400 articles, same output."""
    return nh3.Cleaner(tags=set(policy.tags),
                       attributes={tag: policy.attributes(tag) for tag in policy.tags},
                       clean_content_tags={"script", "style"}, url_schemes=set(URL_SCHEMES),
                       link_rel=None, strip_comments=True, attribute_filter=_keep_attribute)


def sanitise(html: str, policy: Policy) -> str:
    """The HTML with nothing outside `policy` (run after `violations` found none)."""
    return _cleaner(policy).clean(html)


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "style" and not _TABLE_ALIGN.match(value):
        return None
    return value


def line_of(source: SourceFile, *patterns: str, first: int | None = None,
            text: str | None = None) -> int:
    """The line of `text` (default: the body) where the first pattern that matches does,
    as written or with its character references read (`&#106;avascript:`)."""
    text = source.body if text is None else text
    first = source.body_line if first is None else first
    lines = text.splitlines()
    for pattern in patterns:
        if not pattern:
            continue
        for read in (lambda line: line, html.unescape):
            for offset, line in enumerate(lines):
                if re.search(pattern, read(line), re.IGNORECASE):
                    return first + offset
    return first


_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


def _escaped(match: re.Match) -> str:
    """A control character of an address, shown as its code: a message stays one line."""
    return f"\\x{ord(match.group()):02x}"


def _needles(violation: Violation) -> tuple[str, ...]:
    needle = violation.needle
    if needle == "<img":  # written as HTML, or as a Markdown image where none may be
        return (r"<\s*img\b", r"!\[")
    if needle.startswith(("<?", "<!")):  # a processing instruction or declaration
        return (re.escape(needle), re.escape(needle[:2]))
    if needle.startswith("<"):
        return (r"<\s*" + re.escape(needle[1:]) + r"\b",)
    if re.fullmatch(r"[a-z-]+", needle):
        return (r"\b" + re.escape(needle) + r"\s*=", r"\{:?[^}]*\b" + re.escape(needle))
    return (re.escape(needle), r"\b(?:href|src)\s*=|\]\(")


def policy_problems(source: SourceFile, html: str, policy: Policy, markdown_srcs=(),
                    first: int | None = None, text: str | None = None) -> list[Problem]:
    """Everything in the rendered `html` outside the policy, on the line that wrote it."""
    return [Problem(source.path, line_of(source, *_needles(v), first=first, text=text),
                    v.message, v.fix)
            for v in violations(html, policy, markdown_srcs)]


# `<![` opens a "marked section" only as `<![CDATA[` or a conditional comment (`<![if …]>`,
# `<![endif]>`); any other, kept raw inside an HTML block, makes Python's HTML parsers
# (ours, and BeautifulSoup's) raise instead of reading on.
_MARKED_SECTION = re.compile(r"<!\[(?!\s*(?:CDATA\[|if\b|endif\b|else\b))", re.IGNORECASE)


def marked_section_problems(source: SourceFile, text: str | None = None,
                            first: int | None = None) -> list[Problem]:
    """Each line of `text` (default: the body) with a `<![` no parser can read."""
    text = source.body if text is None else text
    if "<![" not in text:
        return []
    first = source.body_line if first is None else first
    return [Problem(source.path, first + offset,
                    _("`<![` starts no markup a browser knows"),
                    _("write `&lt;![` to show these characters, or remove them"))
            for offset, line in enumerate(text.splitlines()) if _MARKED_SECTION.search(line)]
