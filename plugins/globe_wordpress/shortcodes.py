"""WordPress shortcodes turned into plain HTML the Markdown conversion understands.

- `[caption …]<img …> Text[/caption]` -> <figure><img …><figcaption>Text</figcaption></figure>
- `[gallery ids="1,2"]` (or every image attached to the post) -> one figure per image
- `[embed]URL[/embed]`, `[video src=…]`, `[youtube …]` and a video URL alone on its line
  (WordPress's oEmbed) -> <iframe src=…> for the site's click-to-load placeholder
- anything else -> removed, its inner text kept, and named in the report
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

# One shortcode, enclosing or not: [name attrs] … [/name], [name attrs /], [name attrs]
_SHORTCODE = re.compile(
    r"\[(?P<name>[a-zA-Z][\w-]*)(?P<attrs>(?:\s[^\]]*)?)\]"
    r"(?:(?P<inner>.*?)\[/(?P=name)\])?", re.DOTALL)
_ATTR = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*\'([^\']*)\''
                   r'|([\w-]+)\s*=\s*([^\s\'"]+)')
# A video page URL alone on its line is embedded by WordPress (oEmbed)
_LONE_URL = re.compile(r"^[ \t]*(https?://[^\s<]+)[ \t]*$", re.MULTILINE)
# `[caption]` text that is really an <img> (optionally wrapped in <a>) then the caption
_CAPTION_BODY = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL)


@dataclass
class ShortcodeResult:
    html: str
    unknown: list[str] = field(default_factory=list)  # as written, for the report


def attributes(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTR.finditer(text):
        key = match.group(1) or match.group(3) or match.group(5)
        found[key.lower()] = match.group(2) if match.group(1) else (
            match.group(4) if match.group(3) else match.group(6))
    return found


def embed_url(url: str) -> str | None:
    """The embeddable address of a YouTube or Vimeo page, privacy-enhanced; None otherwise."""
    parts = urlsplit(html.unescape(url.strip()))
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    video = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parts.path.startswith(("/embed/", "/shorts/", "/v/")):
            video = parts.path.split("/")[2]
        else:
            video = (parse_qs(parts.query).get("v") or [None])[0]
    elif host == "youtu.be":
        video = parts.path.strip("/").split("/")[0]
    if video and re.fullmatch(r"[\w-]{6,20}", video):
        return f"https://www.youtube-nocookie.com/embed/{video}"
    if host in ("vimeo.com", "player.vimeo.com"):
        number = re.search(r"/(\d+)", parts.path)
        if number:
            return f"https://player.vimeo.com/video/{number.group(1)}"
    return None


def _iframe(src: str, title: str = "") -> str:
    return (f'\n\n<iframe src="{html.escape(src)}" title="{html.escape(title)}">'
            "</iframe>\n\n")


def _gallery_figures(ids: list[int], attachments: dict) -> str:
    figures = []
    for attachment_id in ids:
        attachment = attachments.get(attachment_id)
        if attachment is None:
            continue
        caption = html.escape(attachment.excerpt.strip())
        figures.append(f'<figure><img src="{html.escape(attachment.attachment_url)}" '
                       f'data-attachment="{attachment_id}">'
                       + (f"<figcaption>{caption}</figcaption>" if caption else "")
                       + "</figure>")
    return "\n\n" + "\n\n".join(figures) + "\n\n"


def expand(text: str, post_id: int, attachments: dict, children: dict) -> ShortcodeResult:
    """`attachments`: id -> attachment Item; `children`: post id -> its attachments' ids."""
    result = ShortcodeResult("")

    def replace(match: re.Match) -> str:
        name = match.group("name").lower()
        attrs = attributes(match.group("attrs") or "")
        inner = match.group("inner")
        if name in ("caption", "wp_caption"):
            body = _CAPTION_BODY.match(inner or "")
            if not body:
                return nested(inner or "")
            caption = (body.group(2).strip() or attrs.get("caption", "")).strip()
            return (f"\n\n<figure>{body.group(1)}<figcaption>{caption}</figcaption>"
                    "</figure>\n\n")
        if name == "gallery":
            ids = [int(i) for i in re.findall(r"\d+", attrs.get("ids", attrs.get("include",
                                                                                  "")))]
            return _gallery_figures(ids or children.get(post_id, []), attachments)
        if name in ("embed", "video", "youtube", "vimeo"):
            url = (inner or "").strip() or attrs.get("src") or attrs.get("url") or attrs.get(
                "id", "") or next((v for k, v in attrs.items() if k in ("mp4", "webm")), "")
            if name == "youtube" and url and "/" not in url:
                url = f"https://www.youtube.com/watch?v={url}"
            embeddable = embed_url(url)
            if embeddable:
                return _iframe(embeddable, attrs.get("title", ""))
            if url:  # a video file or a page we cannot embed: a link keeps it reachable
                return f' <a href="{html.escape(url)}">{html.escape(url)}</a> '
        if inner is None and not attrs and not re.search(r"[-_]", name):
            return match.group(0)  # `[sic]`, `[FR]`: brackets in the text, not a shortcode
        result.unknown.append(match.group(0)[:80])
        return nested(inner) if inner else ""

    def nested(inner: str) -> str:
        inside = expand(inner, post_id, attachments, children)
        result.unknown.extend(inside.unknown)
        return inside.html

    text = _SHORTCODE.sub(replace, text)
    text = _LONE_URL.sub(lambda m: _iframe(embed_url(m.group(1)))
                         if embed_url(m.group(1)) else m.group(0), text)
    result.html = text
    return result
