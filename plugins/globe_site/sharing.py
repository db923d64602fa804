"""What search engines and social networks read: plain values prepared for the templates.

Share links are ordinary links to each network's share page: no script, no request to
any network until the visitor clicks.
"""

from __future__ import annotations

import html
import json
import os
import re
from urllib.parse import quote, urlencode

from markupsafe import Markup
from pelican.contents import Article

from globe_core.images import image_size
from globe_core.pelican_seams import body_of, summary_of
from globe_core.settings import GlobeSettings

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")

# Open Graph wants a territory with the language.
OG_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}


def plain_text(fragment: str, limit: int = 300) -> str:
    """HTML fragment to one line of text, cut at a word boundary."""
    return one_line(html.unescape(_TAGS.sub(" ", fragment or "")), limit)


def one_line(text: str, limit: int = 300) -> str:
    """Plain text (a Title) as one line, cut at a word boundary: nothing in it is a tag
    (`Budget <2 %>` keeps its `<2 %>`), nor an entity (`&amp;` is what was typed)."""
    text = _SPACES.sub(" ", text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def share_links(url: str, title: str) -> list[tuple[str, str]]:
    """[(network name, share URL)] for one page."""
    return [
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?"
         + urlencode({"url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("X", "https://twitter.com/intent/tweet?" + urlencode({"url": url, "text": title})),
        ("Bluesky", "https://bsky.app/intent/compose?"
         + urlencode({"text": f"{title} {url}"})),
        ("E-mail", f"mailto:?subject={quote(title)}&body={quote(url, safe='')}"),
    ]


# In a <script> block no character may start markup: written as JSON escapes instead.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_ld(data: dict) -> Markup:
    """JSON for a <script type="application/ld+json">: nothing in it can end the script."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_SAFE))


def news_article(article, settings, image_url, description) -> dict:
    siteurl = settings["SITEURL"]
    organisation = GlobeSettings.of(settings).organisation
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": one_line(article.title, 110),
        "description": description,
        "inLanguage": article.lang,
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "mainEntityOfPage": f"{siteurl}/{article.url}",
        "url": f"{siteurl}/{article.url}",
        "articleSection": article.category.name,
        "publisher": {"@type": "GovernmentOrganization",
                      "name": organisation.get("name", settings["SITENAME"]),
                      "url": f"{siteurl}/"},
    }
    author = getattr(article, "author", None)
    data["author"] = {"@type": "Organization",
                      "name": str(author) if author else organisation.get("name", "")}
    if image_url:
        data["image"] = [image_url]
    keywords = [tag.name for tag in getattr(article, "tags", [])]
    if keywords:
        data["keywords"] = keywords
    return data


def prepare(content, settings) -> None:
    """Give an article or page what its listings and its head read: canonical_url,
    description, og_locale(s), image_url/size. The parts only its own page shows follow
    as it is written (`prepare_page`)."""
    siteurl = settings["SITEURL"]
    url = f"{siteurl}/{content.url}"
    content.canonical_url = url
    # The raw body, not `.content`: reading that now would resolve {static} links before
    # the static files are known, and Pelican would keep the broken result.
    content.description = plain_text(summary_of(content) or body_of(content))
    content.og_locale = OG_LOCALES.get(content.lang, content.lang)
    content.og_locale_alternates = [OG_LOCALES.get(lang, lang)
                                    for lang, _url in getattr(content, "alternates", [])
                                    if lang != content.lang]
    image = getattr(content, "image", None)
    content.image_url = f"{siteurl}/{quote(image)}" if image else None  # `my photo.jpg`
    content.image_width = content.image_height = None
    if image:
        size = image_size(os.path.join(settings["PATH"], image))
        if size:
            content.image_width, content.image_height = size


def prepare_page(generator, content) -> None:
    """`article_generator_write_article` and `page_generator_write_page` receiver: the
    share links and the JSON-LD, made as the page is written rather than for every article
    before the first is (they were most of that step, on one core; a large site's
    articles are written by two processes). Drafts, never prepared, get neither."""
    url = getattr(content, "canonical_url", None)
    if url is None:
        return
    content.share_links = share_links(url, one_line(content.title, 200))
    if isinstance(content, Article):
        content.json_ld = json_ld(news_article(content, generator.settings,
                                               content.image_url, content.description))
