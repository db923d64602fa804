"""Article and page bodies made safe for a public site: a Markdown extension of the reader.

- An embedded `<iframe>` (video, map) becomes a click-to-load placeholder: nothing is
  requested from its host until the visitor asks. The iframe waits inert inside a
  `<template>`; a small script swaps it in, and without script a plain link still works.
- A `<table>` sits in a focusable, named scroll region, so it stays usable on a phone.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from globe_core.catalogues import load_translations

Gettext = Callable[[str], str]

VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com",
               "dailymotion.com")
MAP_HOSTS = ("openstreetmap.org", "google.com/maps", "maps.google", "umap")


def host_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def source_link(src: str) -> str:
    """The page a visitor can open instead of the embed (YouTube/Vimeo watch pages)."""
    parts = urlsplit(src)
    host = host_of(src)
    if host in ("youtube.com", "youtube-nocookie.com") and parts.path.startswith("/embed/"):
        video = parts.path.removeprefix("/embed/").split("/")[0]
        return f"https://www.youtube.com/watch?v={video}"
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.removeprefix('/video/').split('/')[0]}"
    if host == "openstreetmap.org" and parts.path.startswith("/export/embed"):
        query = parse_qs(parts.query)
        if "bbox" in query:
            west, south, east, north = (query["bbox"][0].split(",") + ["0"] * 4)[:4]
            try:
                lat = (float(south) + float(north)) / 2
                lon = (float(west) + float(east)) / 2
                return f"https://www.openstreetmap.org/#map=15/{lat:.5f}/{lon:.5f}"
            except ValueError:
                pass
    return src


def kind_of_embed(src: str) -> str:
    if any(h in src for h in VIDEO_HOSTS) or "vimeo" in host_of(src):
        return "video"
    if any(h in src for h in MAP_HOSTS):
        return "map"
    return "other"


def placeholder_embeds(soup: BeautifulSoup, gettext: Gettext) -> int:
    """Replace every iframe by a click-to-load placeholder; returns how many."""
    count = 0
    for frame in soup.find_all("iframe"):
        src = frame.get("src", "").strip()
        if not src:
            frame.decompose()
            continue
        count += 1
        kind = kind_of_embed(src)
        title = (frame.get("title") or "").strip() or gettext("Embedded content")
        frame["title"] = title
        frame["loading"] = "lazy"
        host = host_of(src)
        if kind == "video":
            button = gettext("Play the video")
            link_text = gettext("Watch the video on %(host)s") % {"host": host}
        elif kind == "map":
            button = gettext("Show the map")
            link_text = gettext("Open the map on %(host)s") % {"host": host}
        else:
            button = gettext("Show the content")
            link_text = gettext("Open the content on %(host)s") % {"host": host}
        notice = gettext("This content is hosted by %(host)s. Nothing is loaded from that "
                         "site until you ask for it; it may then set cookies.") % {"host": host}

        figure = soup.new_tag("figure", attrs={"class": f"embed embed--{kind}"})
        placeholder = soup.new_tag("div", attrs={"class": "embed__placeholder"})
        heading = soup.new_tag("p", attrs={"class": "embed__title"})
        heading.string = title
        text = soup.new_tag("p", attrs={"class": "embed__notice"})
        text.string = notice
        actions = soup.new_tag("p", attrs={"class": "embed__actions"})
        load = soup.new_tag("button", attrs={"type": "button", "class": "embed__load",
                                              "hidden": ""})
        load.string = button
        label = soup.new_tag("span", attrs={"class": "visually-hidden"})
        label.string = f": {title}"
        load.append(label)
        link = soup.new_tag("a", attrs={"class": "embed__link", "href": source_link(src)})
        link.string = link_text
        actions.extend([load, " ", link])
        placeholder.extend([heading, text, actions])
        template = soup.new_tag("template", attrs={"class": "embed__frame"})
        frame.replace_with(figure)
        template.append(frame)
        figure.extend([placeholder, template])
        # An iframe alone in a paragraph: the figure takes the paragraph's place.
        parent = figure.parent
        if parent is not None and parent.name == "p" and not parent.get_text(strip=True) \
                and len(parent.find_all(recursive=False)) == 1:
            parent.replace_with(figure)
    return count


def scrollable_tables(soup: BeautifulSoup, gettext: Gettext) -> int:
    """Wrap each table in a keyboard-focusable region named after its caption."""
    count = 0
    for number, table in enumerate(soup.find_all("table"), start=1):
        if table.parent is not None and "table-scroll" in (table.parent.get("class") or []):
            continue
        count += 1
        region = soup.new_tag("div", attrs={"class": "table-scroll", "role": "region",
                                            "tabindex": "0"})
        caption = table.find("caption")
        if caption is not None:
            caption_id = caption.get("id") or f"table-caption-{number}"
            caption["id"] = caption_id
            region["aria-labelledby"] = caption_id
        else:
            region["aria-label"] = gettext("Table %(number)d (scrolls sideways)") % {
                "number": number}
        table.wrap(region)
    return count


def prepare_body(html: str, gettext: Gettext) -> str:
    """The body with embeds replaced and tables wrapped; unchanged text if neither."""
    if "<iframe" not in html and "<table" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    placeholder_embeds(soup, gettext)
    scrollable_tables(soup, gettext)
    return str(soup)


class BodyPostprocessor(Postprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, text):
        lang = self.extension.lang
        if not lang:
            return text  # a summary: left as written
        catalogue = load_translations(self.extension.translations_dir, lang, "messages")
        return prepare_body(text, catalogue.ugettext)


class BodyExtension(Extension):
    """Set `lang` before each body's conversion: notices are in the body's language, from
    the theme's catalogue (theme/translations, domain `messages`)."""

    def __init__(self, translations_dir: str, **kwargs):
        self.translations_dir = translations_dir
        self.lang = ""
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # last of all, on the final HTML: raw <iframe>s are back from Markdown's stash
        md.postprocessors.register(BodyPostprocessor(md, self), "globe_body", 0)
