"""WordPress exports (WXR 1.2) written for the tests and the bench: posts, pages,
attachments, WPML and Polylang languages and translation groups, laid out as WordPress's own
exporter does."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


@dataclass
class Post:
    id: int
    title: str
    slug: str = ""
    date: str = "2021-10-29 10:00:00"
    content: str = ""
    type: str = "post"
    status: str = "publish"
    lang: str | None = None  # WPML language code
    group: int | None = None  # WPML translation group
    link: str = ""
    excerpt: str = ""
    author: str = "editor"
    categories: list[tuple[str, str]] = field(default_factory=list)  # (nicename, label)
    tags: list[str] = field(default_factory=list)
    thumbnail: int | None = None
    parent: int = 0
    attachment_url: str = ""
    alt: str = ""  # attachments: _wp_attachment_image_alt
    password: str = ""
    polylang: str | None = None  # Polylang: the `language` term
    polylang_group: str | None = None  # Polylang: the `post_translations` term

    def xml(self) -> str:
        terms = "".join(
            f'<category domain="category" nicename="{escape(n)}">{_cdata(label)}</category>'
            for n, label in self.categories)
        terms += "".join(f'<category domain="post_tag" nicename="{escape(t.lower())}">'
                         f"{_cdata(t)}</category>" for t in self.tags)
        if self.polylang:
            terms += (f'<category domain="language" nicename="{self.polylang}">'
                      f"{_cdata(self.polylang.upper())}</category>")
        if self.polylang_group:
            terms += (f'<category domain="post_translations" nicename="{self.polylang_group}">'
                      f"{_cdata(self.polylang_group)}</category>")
        meta = {}
        if self.lang:
            meta["_wpml_import_language_code"] = self.lang
        if self.group is not None:
            meta["_wpml_import_translation_group"] = str(self.group)
        if self.thumbnail:
            meta["_thumbnail_id"] = str(self.thumbnail)
        if self.alt:
            meta["_wp_attachment_image_alt"] = self.alt
        if self.attachment_url:
            meta["_wp_attached_file"] = self.attachment_url.split("/uploads/")[-1]
        metas = "".join(f"<wp:postmeta><wp:meta_key>{escape(k)}</wp:meta_key>"
                        f"<wp:meta_value>{_cdata(v)}</wp:meta_value></wp:postmeta>"
                        for k, v in meta.items())
        attachment = (f"<wp:attachment_url>{escape(self.attachment_url)}</wp:attachment_url>"
                      if self.attachment_url else "")
        return f"""
  <item>
    <title>{escape(self.title)}</title>
    <link>{escape(self.link)}</link>
    <dc:creator>{_cdata(self.author)}</dc:creator>
    <guid isPermaLink="false">{escape(self.link)}</guid>
    <content:encoded>{_cdata(self.content)}</content:encoded>
    <excerpt:encoded>{_cdata(self.excerpt)}</excerpt:encoded>
    <wp:post_id>{self.id}</wp:post_id>
    <wp:post_date>{self.date}</wp:post_date>
    <wp:post_name>{escape(self.slug)}</wp:post_name>
    <wp:status>{self.status}</wp:status>
    <wp:post_parent>{self.parent}</wp:post_parent>
    <wp:menu_order>0</wp:menu_order>
    <wp:post_type>{self.type}</wp:post_type>
    <wp:post_password>{escape(self.password)}</wp:post_password>
    {attachment}{terms}{metas}
  </item>"""


def attachment(id: int, url: str, alt: str = "", caption: str = "", parent: int = 0) -> Post:
    return Post(id, url.rsplit("/", 1)[-1], slug=f"attachment-{id}", type="attachment",
                status="inherit", attachment_url=url, alt=alt, excerpt=caption,
                parent=parent, link=url)


def translation_term(slug: str, members: dict[str, int]) -> str:
    """Polylang's group of translations: a term whose description lists lang -> post id."""
    pairs = "".join(f's:{len(lang)}:"{lang}";i:{post};' for lang, post in members.items())
    return (f"<wp:term><wp:term_id>{abs(hash(slug)) % 1000}</wp:term_id>"
            f"<wp:term_taxonomy>post_translations</wp:term_taxonomy>"
            f"<wp:term_slug>{slug}</wp:term_slug>"
            f"<wp:term_description>{_cdata(f'a:{len(members)}:{{{pairs}}}')}"
            "</wp:term_description></wp:term>")


def wxr(site_url: str, posts: list[Post], language: str = "fr-FR", terms: str = "") -> str:
    body = terms + "".join(post.xml() for post in posts)
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>international.brussels</title>
  <link>{escape(site_url)}</link>
  <language>{language}</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>{escape(site_url)}</wp:base_site_url>
  <wp:base_blog_url>{escape(site_url)}</wp:base_blog_url>
  <wp:author><wp:author_id>1</wp:author_id><wp:author_login>{_cdata("editor")}</wp:author_login>
    <wp:author_display_name>{_cdata("Cellule Communication")}</wp:author_display_name>
  </wp:author>{body}
</channel>
</rss>
"""
