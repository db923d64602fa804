"""Theme strings through gettext catalogues (Babel), chosen per page by its language.

One Jinja environment serves every language: the gettext callables read the language
of the page being rendered from the template context.
"""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

from globe_core import catalogues
from globe_core.languages import long_date

from .hyphenation import soft_hyphens

DOMAIN = "messages"


def load_translations(translations_dir: str, lang: str, domain: str = DOMAIN):
    """The theme's catalogue of one language (domain `messages` unless told otherwise)."""
    return catalogues.load_translations(translations_dir, lang, domain)


def page_language(context) -> str:
    """The language of the page being rendered."""
    lang = context.get("lang")
    if lang:
        return lang
    for name in ("article", "page", "edition"):
        item = context.get(name)
        if getattr(item, "lang", None):
            return item.lang
    return context.get("DEFAULT_LANG", "fr")


def install(env, translations_dir: str) -> None:
    @pass_context
    def gettext(context, message):
        return load_translations(translations_dir, page_language(context)).ugettext(message)

    # Every page calls `_` a few dozen times with the same strings: each translation is
    # looked up, marked safe and formatted once per language, then reused (Jinja's own
    # wrapper did all of that on every call, a fifth of the time spent in templates).
    translated: dict[tuple[str, str, bool], str] = {}

    @pass_context
    def remembered_gettext(context, message, **variables):
        autoescape = context.eval_ctx.autoescape
        if variables:  # Jinja's newstyle gettext, as it is
            text = gettext(context, message)
            return (Markup(text) if autoescape else text) % variables
        key = (page_language(context), message, autoescape)
        text = translated.get(key)
        if text is None:
            text = gettext(context, message)
            text = translated[key] = (Markup(text) if autoescape else text) % {}
        return text

    @pass_context
    def ngettext(context, singular, plural, number):
        translations = load_translations(translations_dir, page_language(context))
        return translations.ungettext(singular, plural, number)

    @pass_context
    def hyphenate_filter(context, value, lang=None):
        return soft_hyphens(value, lang or page_language(context))

    @pass_context
    def date_filter(context, value, lang=None):
        return long_date(value, lang or page_language(context))

    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals["gettext"] = env.globals["_"] = remembered_gettext
    env.filters["long_date"] = date_filter
    env.filters["hyphenate"] = hyphenate_filter
    env.globals["page_language"] = pass_context(page_language)
