"""sitemap.xml with hreflang alternates, and robots.txt pointing at it.

Written from the content model (articles, pages, per-language listings), never from the
output folder. Each <url> lists every language version of itself, itself included, as
<xhtml:link rel="alternate" hreflang=".." href="..">, plus x-default for the default
language: what search engines ask for.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from pelican.generators import Generator

from globe_core import context as keys
from globe_core.settings import GlobeSettings

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapEntry:
    url: str  # absolute
    alternates: tuple  # ((lang, absolute url), ...)
    lastmod: str | None = None


def render_sitemap(entries, default_lang: str) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    for entry in entries:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(entry.url)}</loc>")
        if entry.lastmod:
            lines.append(f"    <lastmod>{escape(entry.lastmod)}</lastmod>")
        if len(entry.alternates) > 1:
            for lang, url in entry.alternates:
                lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} '
                             f'href={quoteattr(url)}/>')
            for lang, url in entry.alternates:
                if lang == default_lang:
                    lines.append('    <xhtml:link rel="alternate" hreflang="x-default" '
                                 f'href={quoteattr(url)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def render_robots(siteurl: str, production: bool) -> str:
    rules = "Disallow:\n" if production else "Disallow: /\n"
    return f"User-agent: *\n{rules}\nSitemap: {siteurl}/sitemap.xml\n"


class SitemapGenerator(Generator):
    """Runs after the listings generator, whose entries (context.LISTING_ENTRIES) it reads."""

    def generate_context(self):
        pass

    def content_entries(self):
        siteurl = self.settings["SITEURL"]
        items = []
        for name in ("articles", "pages"):
            for original in self.context.get(name, []):
                for item in [original, *original.translations]:
                    if item.status != "published":
                        continue
                    items.append(item)
        seen = set()
        for item in items:
            url = f"{siteurl}/{item.url}"
            if url in seen:
                continue
            seen.add(url)
            date = getattr(item, "modified", None) or getattr(item, "date", None)
            yield SitemapEntry(url, tuple(getattr(item, "alternates", [(item.lang, url)])),
                               date.date().isoformat() if date else None)

    def generate_output(self, writer):
        # Sorted by URL: the same site gives the same file (tags come from sets in Pelican).
        entries = sorted([*self.context.get(keys.LISTING_ENTRIES, []), *self.content_entries()],
                         key=lambda entry: entry.url)
        output = self.output_path
        with open(os.path.join(output, "sitemap.xml"), "w", encoding="utf-8") as file:
            file.write(render_sitemap(entries, self.settings["DEFAULT_LANG"]))
        with open(os.path.join(output, "robots.txt"), "w", encoding="utf-8") as file:
            file.write(render_robots(self.settings["SITEURL"],
                                     bool(GlobeSettings.of(self.settings).production)))
