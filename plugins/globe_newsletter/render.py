"""Turn an EditionView into its email (MJML → HTML, CSS inlined) and its plain text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

import css_inline
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from mjml import mjml2html

from globe_core.catalogues import load_translations

from .plain_text import wrap_plain_text
from .view import EditionView

DOMAIN = "email"
# System fonts only: no web font is ever requested.
FONT_STACK = ("-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', "
              "Helvetica, Arial, sans-serif")
# Invisible characters after the preheader, so inboxes do not show the body text after it.
PREHEADER_PADDING = "\u034f\u200c\u00a0" * 40


@dataclass(frozen=True)
class RenderedEmail:
    mjml: str
    html: str
    text: str
    inline_css: str


def compile_mjml(mjml: str) -> str:
    """MJML to HTML: no comments (Outlook's conditional ones stay), no web fonts."""
    return mjml2html(mjml, disable_comments=True, fonts={})


def inline_css(html: str, css: str) -> str:
    """Write `css` into style attributes; MJML's own <style> blocks are left as they are."""
    inliner = css_inline.CSSInliner(inline_style_tags=False, keep_style_tags=True,
                                    keep_link_tags=False, load_remote_stylesheets=False,
                                    extra_css=css)
    return inliner.inline(html)


class EmailRenderer:
    """One Jinja environment per language over theme/email, with the `email` catalogue."""

    def __init__(self, templates_dir: str, translations_dir: str, site_name: str):
        self.templates_dir = templates_dir
        self.translations_dir = translations_dir
        self.site_name = site_name

    @lru_cache(maxsize=8)  # noqa: B019 — one renderer per build; a few languages
    def env(self, lang: str) -> Environment:
        env = Environment(
            loader=FileSystemLoader(self.templates_dir),
            autoescape=select_autoescape(enabled_extensions=("mjml", "html"),
                                         default_for_string=False),
            undefined=StrictUndefined,
            extensions=["jinja2.ext.i18n"],
            keep_trailing_newline=True,
        )
        translations = load_translations(self.translations_dir, lang, DOMAIN)
        env.install_gettext_translations(translations, newstyle=True)
        return env

    def stylesheets(self, view: EditionView) -> tuple[str, str]:
        """(CSS to inline in the light scheme, CSS for <style>: dark scheme, phones)."""
        env = self.env(view.lang)
        inline = env.get_template("styles/inline.css").render(light=view.light)
        head = env.get_template("styles/head.css").render(dark=view.dark)
        return inline, head

    def render_mjml(self, view: EditionView, head_css: str) -> str:
        return self.env(view.lang).get_template("edition.mjml").render(
            view=view, site_name=self.site_name, font_stack=FONT_STACK,
            head_css=Markup(head_css), preheader_padding=PREHEADER_PADDING)

    def render_text(self, view: EditionView) -> str:
        text = self.env(view.lang).get_template("edition.txt").render(
            view=view, site_name=self.site_name)
        return wrap_plain_text(text)

    def render(self, view: EditionView) -> RenderedEmail:
        inline, head = self.stylesheets(view)
        mjml = self.render_mjml(view, head)
        html = inline_css(compile_mjml(mjml), inline)
        return RenderedEmail(mjml, html, self.render_text(view), inline)

    def render_preview(self, view: EditionView, email: RenderedEmail) -> str:
        return self.env(view.lang).get_template("preview.html").render(
            view=view, text=email.text, html_kb=f"{len(email.html.encode()) / 1024:.1f}")


def email_templates_dir(theme: str) -> str:
    return os.path.join(theme, "email")
