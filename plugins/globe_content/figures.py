"""Markdown extension: a lone image becomes a <figure>, and image paths become site paths."""

from __future__ import annotations

import os
import xml.etree.ElementTree as etree
from urllib.parse import quote

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from globe_core.images import image_size

from .images import resolve_image
from .paths import content_relative, is_external


class FigureTreeprocessor(Treeprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        source_path = self.extension.source_path
        content_root = self.extension.content_root
        self.extension.images = []
        self.extension.written_srcs = set()
        for img in root.iter("img"):
            # every ![alt](target) of the text, as written, for the reader to check
            self.extension.images.append((img.get("alt", ""), img.get("src", "")))
            self._to_site_path(img, source_path, content_root)
            self.extension.written_srcs.add(img.get("src", ""))
        for link in root.iter("a"):
            self._to_content_link(link, source_path, content_root)
        for paragraph in list(root.iter("p")):
            children = list(paragraph)
            if (
                len(children) == 1
                and children[0].tag == "img"
                and not (paragraph.text or "").strip()
                and not (children[0].tail or "").strip()
            ):
                self._to_figure(paragraph, children[0])

    @staticmethod
    def _to_site_path(img, source_path, content_root):
        src = img.get("src", "")
        if not src or is_external(src) or not source_path:
            return
        relative = (resolve_image(src, source_path, content_root)
                    or content_relative(src, source_path, content_root))
        if relative is None:
            return
        # Pelican finds `my%20photo.jpg` and `réunion.jpg`, not `r%C3%A9union.jpg`
        img.set("src", "{static}/" + relative.replace(" ", "%20"))
        size = image_size(os.path.join(content_root, relative))
        if size:
            img.set("width", str(size[0]))
            img.set("height", str(size[1]))
        img.set("loading", "lazy")
        img.set("decoding", "async")

    @staticmethod
    def _to_content_link(link, source_path, content_root):
        """`../2020/other.fr.md` (as editors follow it) becomes Pelican's {filename} link."""
        path, _, anchor = link.get("href", "").partition("#")
        if not path.endswith(".md") or is_external(path) or not source_path or \
                path.lstrip().startswith(("{", "|")):  # a placeholder: html_policy.py
            return
        relative = content_relative(path, source_path, content_root)
        if relative is not None:
            link.set("href", "{filename}/" + quote(relative) + (f"#{anchor}" if anchor else ""))

    @staticmethod
    def _to_figure(paragraph, img):
        caption = img.attrib.pop("title", "")
        paragraph.tag = "figure"
        img.tail = None
        if caption:
            figcaption = etree.SubElement(paragraph, "figcaption")
            figcaption.text = caption


class FigureExtension(Extension):
    """Set `source_path` before each conversion so relative paths resolve."""

    def __init__(self, content_root: str, **kwargs):
        self.content_root = os.path.abspath(content_root)
        self.source_path = ""
        self.images: list[tuple[str, str]] = []  # (alt, target) of the last conversion
        self.written_srcs: set[str] = set()  # their src attributes as written out
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # after the inline patterns (priority 20) have turned ![..](..) into <img>
        md.treeprocessors.register(FigureTreeprocessor(md, self), "globe_figures", 5)
