"""A WordPress post body (HTML with WordPress's implicit paragraphs) as clean Markdown.

The HTML is first made into what the site accepts, in BeautifulSoup: images stored
locally with alt text, captions as the image title (our figure syntax), embeds as a bare
`<iframe src title>` (the only HTML the content model takes: the site shows it as a
click-to-load placeholder), links to the old site as the new addresses, and anything a
page must not run (script, forms, objects) dropped. markdownify then writes Markdown.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from markdownify import MarkdownConverter
from pelican.tools.pelican_import import decode_wp_content

from .media import MediaStore

_DROPPED = ("script", "style", "noscript", "form", "input", "button", "select", "textarea",
            "object", "embed", "applet", "link", "meta")
_MAP_HOSTS = ("openstreetmap.org", "google.com", "google.be", "umap.openstreetmap.fr")
_EMBED_TITLE = {"fr": "Vidéo", "nl": "Video", "en": "Video"}
_MAP_TITLE = {"fr": "Carte", "nl": "Kaart", "en": "Map"}
_LINE_SYNTAX = re.compile(r"(\s|^)(#|[-+>](?=\s|$))")
_NUMBERED = re.compile(r"((?:\s|^)[0-9]{1,9})([.)](?:\s|$))")
_IMAGE_LINK = re.compile(r"\.(jpe?g|png|gif|webp)$", re.IGNORECASE)


@dataclass
class Note:
    """Something in a body that needs a human look: kind and what it was."""

    kind: str  # missing_alt, failed_image, unknown_shortcode, dropped_html, embed, link
    detail: str


@dataclass
class BodyContext:
    content_root: str
    file_dir: str  # absolute folder of the Markdown file, for relative image paths
    year: str
    lang: str
    media: MediaStore
    alt_for: Callable[[str], str]  # image URL -> alt text of its media-library entry
    link_for: Callable[[str, str], str | None]  # old-site URL, year -> new address
    notes: list[Note] = field(default_factory=list)


class GlobeMarkdown(MarkdownConverter):
    """markdownify as our content model wants it: ATX headings, `-` lists, figures."""

    def convert_img(self, el, text, parent_tags):
        alt = re.sub(r"\s+", " ", el.get("alt", "")).replace("[", "(").replace("]", ")")
        title = re.sub(r"\s+", " ", el.get("title", "")).replace('"', "”").strip()
        title_part = f' "{title}"' if title else ""
        return f"![{alt.strip()}]({el.get('src', '')}{title_part})"

    def convert_iframe(self, el, text, parent_tags):
        return (f'\n\n<iframe src="{html.escape(el.get("src", ""))}" '
                f'title="{html.escape(el.get("title", ""))}"></iframe>\n\n')

    def escape(self, text, parent_tags):
        text = super().escape(text, parent_tags)
        # Words that Markdown would read as syntax at the start of a line (a heading, a
        # list, a quote) stay words; `<` and `&` stay text, never HTML.
        text = _LINE_SYNTAX.sub(r"\1\\\2", text)
        text = _NUMBERED.sub(r"\1\\\2", text)
        return text.replace("&", "&amp;").replace("<", "&lt;")


_CONVERTER = GlobeMarkdown(heading_style="atx", bullets="-", newline_style="backslash",
                           table_infer_header=True, keep_inline_images_in=["a", "td", "th"])


def _is_own(url: str, media: MediaStore) -> bool:
    return bool(url) and not url.startswith(("#", "mailto:", "tel:")) and media.is_own(url)


def _images(soup: BeautifulSoup, ctx: BodyContext) -> None:
    for img in soup.find_all("img"):
        if img.decomposed:
            continue
        src = (img.get("src") or "").strip()
        stored = ctx.media.image(src, ctx.year) if src and not src.startswith("data:") else None
        alt = (img.get("alt") or "").strip() or ctx.alt_for(src)
        if stored is None:
            ctx.notes.append(Note("failed_image", src[:200] or "<img>"))
            link = soup.new_tag("a", href=src) if src.startswith("http") else None
            if link is not None:
                link.string = alt or os.path.basename(urlsplit(src).path) or src
                img.replace_with(link)
            else:
                img.decompose()
            continue
        parent = img.parent
        if isinstance(parent, Tag) and parent.name == "a" and _IMAGE_LINK.search(
                urlsplit(parent.get("href", "")).path):
            parent.unwrap()  # a link to the full-size file, for a lightbox
        img.attrs = {"src": os.path.relpath(os.path.join(ctx.content_root, stored),
                                            ctx.file_dir).replace(os.sep, "/"),
                     "alt": alt}


def _figures(soup: BeautifulSoup, ctx: BodyContext) -> None:
    """<figure> (and WordPress's old <div class="wp-caption">) -> an image with a caption,
    alone in its paragraph."""
    candidates = soup.find_all("figure") + soup.find_all(
        "div", class_=lambda c: c and "wp-caption" in c)
    for figure in candidates:
        if figure.parent is None or figure.decomposed:
            continue
        caption_tag = figure.find(["figcaption"]) or figure.find(
            class_=lambda c: c and "wp-caption-text" in c)
        caption = caption_tag.get_text(" ", strip=True) if caption_tag else ""
        images = figure.find_all("img")
        if len(images) != 1:
            if caption_tag is not None:
                caption_tag.name = "p"
            figure.unwrap()
            continue
        img = images[0]
        if caption:
            img["title"] = caption
            if not img.get("alt"):
                img["alt"] = caption
                ctx.notes.append(Note("alt_from_caption", caption[:120]))
        paragraph = soup.new_tag("p")
        paragraph.append(img.extract())
        figure.replace_with(paragraph)


def _embeds(soup: BeautifulSoup, ctx: BodyContext) -> None:
    from .shortcodes import embed_url  # noqa: PLC0415 — one helper, no cycle

    for frame in soup.find_all("iframe"):
        if frame.decomposed:
            continue
        src = html.unescape(frame.get("src") or "").strip()
        if src.startswith("//"):
            src = "https:" + src
        video = embed_url(src)
        host = (urlsplit(src).hostname or "")
        if video:
            src, generic = video, _EMBED_TITLE.get(ctx.lang, "Video")
        elif src.startswith("https://") and any(h in host for h in _MAP_HOSTS):
            generic = _MAP_TITLE.get(ctx.lang, "Map")
        else:  # not a video or a map: the site would not show it
            ctx.notes.append(Note("embed", src[:200] or "<iframe>"))
            if src.startswith("http"):
                link = soup.new_tag("a", href=src)
                link.string = frame.get("title") or src
                frame.replace_with(link)
            else:
                frame.decompose()
            continue
        title = (frame.get("title") or "").strip()
        if not title:
            title = generic
            ctx.notes.append(Note("embed_title", f"{title} ({src[:120]})"))
        frame.attrs = {"src": src, "title": title}
        # alone in its own paragraph, as the content model asks
        paragraph = frame.find_parent("p")
        if paragraph is not None:
            paragraph.insert_after(frame.extract())


def _links(soup: BeautifulSoup, ctx: BodyContext) -> None:
    for link in soup.find_all("a"):
        if link.decomposed:
            continue
        href = (link.get("href") or "").strip()
        if href.lower().startswith(("javascript:", "data:", "vbscript:")):
            ctx.notes.append(Note("dropped_html", href[:80]))
            link.unwrap()
            continue
        if _is_own(href, ctx.media):
            new = ctx.link_for(href, ctx.year)
            if new is None:  # the old address will not exist: keep the words, drop the link
                ctx.notes.append(Note("link", href[:200]))
                link.unwrap()
                continue
            link["href"] = new
        link.attrs = {"href": link.get("href", "")} if link.get("href") else {}
        if not link.attrs:
            link.unwrap()


def to_markdown(body: str, ctx: BodyContext) -> str:
    # WordPress makes paragraphs of blank-line-separated text (wpautop; Pelican has a port)
    # (each loop below skips tags already removed with an enclosing one)
    soup = BeautifulSoup(decode_wp_content(body, br=False), "html.parser")
    for tag in soup.find_all(_DROPPED):
        if tag.decomposed:
            continue
        ctx.notes.append(Note("dropped_html", f"<{tag.name}>"))
        tag.decompose()
    for media in soup.find_all(["video", "audio"]):
        if media.decomposed:
            continue
        source = media.get("src") or (media.find("source") or {}).get("src", "")
        ctx.notes.append(Note("embed", source or f"<{media.name}>"))
        if source:
            link = soup.new_tag("a", href=source)
            link.string = source
            media.replace_with(link)
        else:
            media.decompose()
    _embeds(soup, ctx)
    _images(soup, ctx)
    _figures(soup, ctx)
    _links(soup, ctx)
    for heading in soup.find_all("h1"):
        heading.name = "h2"  # the title is the page's only level-1 heading
    markdown = _CONVERTER.convert_soup(soup)
    return tidy(markdown)


# For `plain_paragraphs`: what cannot be read as text, and the tags that end a paragraph.
_UNREADABLE = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?(?:-->|$)",
                         re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|li|h[1-6]|tr|blockquote|pre|table|ul|ol|"
                        r"figure|section|article|hr)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain_paragraphs(body: str) -> str:
    """The words of a body the conversion could not take (3000 nested <div> exhaust the
    parsers' recursion), as escaped Markdown paragraphs: regular expressions only, so
    nothing here can fail the same way. Links, images and formatting are lost."""
    text = _BLOCK_TAG.sub("\n\n", _UNREADABLE.sub("", body))
    text = _CONTROL.sub("", html.unescape(_TAG.sub("", text)))
    paragraphs = (re.sub(r"\s+", " ", part).strip() for part in re.split(r"\n\s*\n", text))
    return tidy("\n\n".join(_CONVERTER.escape(part, set()) for part in paragraphs if part))


def tidy(markdown: str) -> str:
    lines = [line.rstrip() for line in markdown.splitlines()]
    text = "\n".join(lines)
    # text that Markdown would read as a heading: a line of `===` or `---` under words
    text = re.sub(r"(\S\n)(=+|-{2,})$", r"\1\\\2", text, flags=re.MULTILINE)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text + "\n" if text else ""
