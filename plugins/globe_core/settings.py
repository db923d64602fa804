"""Every GLOBE_* setting, declared once: its type, its default and what it means.

`pelicanconf.py` sets only what differs from these defaults. At `initialized` each plugin
calls `install(settings)`, which fills in the defaults (templates read GLOBE_* from the
context) and keeps the typed object under settings["GLOBE"]; code reads settings through
`GlobeSettings.of(settings)`, never by key.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import MISSING, dataclass, field, fields
from typing import Any

from .categories import CATEGORY_LABELS
from .languages import LANGUAGES
from .messages import _

KEY = "GLOBE"  # where the typed settings live in Pelican's settings dict


class SettingError(ValueError):
    """A GLOBE_* setting of the wrong type; str() names it and says what it must be."""


def setting(default: Any, meaning: str, *, mutable: bool = False):
    if mutable:
        return field(default_factory=lambda: _copy(default), metadata={"meaning": meaning})
    return field(default=default, metadata={"meaning": meaning})


def _copy(value):
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


ORGANISATION = {
    "name": "Brussels International",
    "street": {"fr": "Place Saint-Lazare 2", "nl": "Sint-Lazarusplein 2",
               "en": "Place Saint-Lazare 2"},
    "city": {"fr": "1035 Bruxelles", "nl": "1035 Brussel", "en": "1035 Brussels"},
    "email": "info@international.brussels",
}
SOCIAL = [
    ("X (Twitter)", "https://twitter.com/brusselsinternational"),
    ("Facebook", "https://www.facebook.com/brusselsinternational"),
    ("Instagram", "https://www.instagram.com/brusselsinternational"),
]
UNSUBSCRIBE_TAG = "{{ UnsubscribeURL }}"  # listmonk's merge tags
MANAGE_TAG = "{{ ManageURL }}"


@dataclass(frozen=True)
class GlobeSettings:
    # --- the site ---
    languages: tuple[str, ...] = setting(LANGUAGES, "languages of the site, default first")
    categories: dict = setting(CATEGORY_LABELS, "category key -> {lang: label}, in menu order",
                               mutable=True)
    production: bool = setting(False, "a production build: no drafts, no previews")
    thumbnail_cache: str | None = setting(None, "folder keeping listing thumbnails between "
                                                "builds (None: no cache)")
    organisation: dict = setting(ORGANISATION, "contact details of the footer and the emails",
                                 mutable=True)
    social: list = setting(SOCIAL, "(name, url) of the social accounts, footer and emails",
                           mutable=True)
    # --- per-language listing URLs; {lang_prefix} is '' for French, 'nl/' or 'en/' ---
    index_url: str = setting("{lang_prefix}", "home page of a language")
    archives_url: str = setting("{lang_prefix}archives/", "archive of a language")
    year_archive_url: str = setting("{lang_prefix}archives/{year}/", "archive of one year")
    feed_url: str = setting("{lang_prefix}feeds/all.atom.xml", "Atom feed of a language")
    category_feed_url: str = setting("{lang_prefix}feeds/{slug}.atom.xml",
                                     "Atom feed of one category ({slug}: its key)")
    search_url: str | None = setting("{lang_prefix}search/",
                                     "search page; the navigation links to it when set")
    search_index: bool = setting(True, "build the search pages and their Pagefind index "
                                       "(off in previews)")
    image_cache: str | None = setting(None, "folder keeping image widths between builds, by "
                                            "content hash (None: .cache/images)")
    cache_path: str | None = setting(None, "folder of build records (None: .cache)")
    preview: dict | None = setting(None, "set by `globe serve` in a one-article preview build")
    url_map: str | None = setting(None, "file where a full dev build writes every URL")
    listings_preview: bool = setting(False, "set by `globe serve` after a save: write only "
                                            "the listings, feeds and pages that show it")
    # --- the newsletter ---
    editions_path: str | None = setting(None, "folder of the edition files (None: none)")
    newsletter_archive_url: str = setting("{lang_prefix}newsletter/",
                                          "list of a language's editions")
    newsletter_edition_url: str = setting("{lang_prefix}newsletter/{number}/",
                                          "one edition: web version, email.html, email.txt")
    newsletter_images_url: str = setting("newsletter/images/",
                                         "email images, one folder shared by all languages")
    newsletter_manifest: str = setting("newsletter/editions.json",
                                       "what was built, for the mailing service")
    newsletter_unsubscribe_url: str = setting(UNSUBSCRIBE_TAG,
                                              "unsubscribe link (a mailing-service merge tag)")
    newsletter_manage_url: str = setting(MANAGE_TAG,
                                         "subscription settings link (a merge tag)")
    newsletter_merge_tags: tuple[str, ...] = setting(
        (UNSUBSCRIBE_TAG, MANAGE_TAG), "merge tags an email may contain; others are errors")
    newsletter_utm_source: str = setting("newsletter", "utm_source on links to the site")
    newsletter_preview: bool = setting(True, "dev builds also write preview.html per edition")
    draft_emails: bool = setting(True, "render and check draft editions' emails too (dev "
                                       "builds, `globe check`); off: only what is published")
    newsletter_parallel_min: int = setting(
        60, "from this many editions on, emails are rendered in worker processes")
    read_parallel_min: int = setting(
        200, "from this many Markdown files on, they are converted in worker processes")
    write_parallel_min: int = setting(
        400, "from this many articles on, a forked copy of the build writes half of them")
    # --- publishing (issue 10) ---
    fingerprint_assets: bool = setting(False, "theme CSS/JS named after a hash of their "
                                              "content, cacheable for a year (production)")
    check_internal_links: bool = setting(False, "a broken link to the site itself in the "
                                                "output fails the build (production)")
    precompress: bool = setting(False, "write file.gz beside styles, scripts and icons for "
                                       "nginx's gzip_static (production)")
    listmonk_public_url: str = setting("https://newsletter.international.brussels",
                                       "listmonk's public address; subscription forms post to "
                                       "<it>/subscription/form, which the site's CSP allows")
    links_cache: str | None = setting(None, "file keeping `globe links --external` results "
                                            "between runs (None: no cache)")
    links_max_age_days: float = setting(7, "days a good external link is trusted before it "
                                           "is checked again")
    links_timeout: float = setting(10.0, "seconds to wait for another site's answer")
    links_attempts: int = setting(3, "tries for timeouts, connection errors, 429 and 5xx")
    links_per_host: int = setting(2, "requests to one host at a time")
    links_backoff: float = setting(1.0, "first wait between tries, in seconds (doubles)")
    # --- delivery (issue 9): subscription form, proofs, campaigns in listmonk. Server
    # addresses and credentials are environment variables, never settings (docs/sending.md).
    newsletter_from: str = setting("The Brussels Globe <newsletter@international.brussels>",
                                   "From of proofs and campaigns")
    newsletter_reply_to: str = setting("info@international.brussels", "Reply-To of proofs")
    newsletter_unsubscribe_mailto: str = setting(
        "unsubscribe@international.brussels", "mailto address in the List-Unsubscribe header "
        "of proofs (listmonk writes its own on campaigns)")
    newsletter_proof_unsubscribe_url: str = setting(
        "{siteurl}/{lang_prefix}subscribe/", "https address in the List-Unsubscribe header of "
        "proofs ({siteurl}: the build's)")
    newsletter_lists: dict = setting({}, "language -> UUID of its listmonk list (double "
                                         "opt-in); the subscribe page has a form when set",
                                     mutable=True)
    newsletter_campaign_template: str = setting(
        "The Brussels Globe (pass-through)", "name of the listmonk campaign template that "
        "adds nothing to the built email (created when missing)")

    @staticmethod
    def name_of(attribute: str) -> str:
        return f"GLOBE_{attribute.upper()}"

    @classmethod
    def from_settings(cls, settings: dict) -> GlobeSettings:
        """The typed settings; SettingError for a value that is not of its setting's type
        (found here, not as an AttributeError deep in a build)."""
        given = {}
        kinds = typing.get_type_hints(cls)
        for spec in fields(cls):
            name = cls.name_of(spec.name)
            if name in settings:
                value = settings[name]
                if not _fits(value, kinds[spec.name]) or not _shape_fits(spec.name, value):
                    default = (spec.default if spec.default is not MISSING
                               else spec.default_factory())
                    raise SettingError(_(
                        "%(name)s is %(value)s, but must be %(kind)s — correct it in "
                        "pelicanconf.py or publishconf.py, or remove it to use the default, "
                        "%(default)s", name=name, value=_shown(value),
                        kind=_kind_name(kinds[spec.name]), default=_shown(default)))
                given[spec.name] = tuple(value) if isinstance(spec.default, tuple) else value
        return cls(**given)

    @classmethod
    def of(cls, settings: dict) -> GlobeSettings:
        """The typed settings of a build (made at `initialized`), or made now."""
        found = settings.get(KEY)
        return found if isinstance(found, cls) else cls.from_settings(settings)

    def as_pelican_settings(self) -> dict:
        return {self.name_of(spec.name): getattr(self, spec.name) for spec in fields(self)}


def check_no_unknown(settings: dict, given: set[str]) -> None:
    """SettingError for a GLOBE_* name the settings files set that no setting has (a typo,
    one S short, would otherwise be ignored without a word). `given`: the names the caller
    set itself; the build's own keys come later, at run time."""
    known = {name for name, _default, _meaning in declared()}
    for name in sorted(settings):
        if name.startswith("GLOBE_") and name not in known and name not in given:
            # compared without the prefix every name shares, which would make all close
            close = difflib.get_close_matches(name[6:], [other[6:] for other in known], n=1)
            raise SettingError(_("%(name)s is not a setting", name=name) + " — " + (
                _("did you mean %(close)s?", close="GLOBE_" + close[0]) if close else
                _("every GLOBE_* setting is listed in plugins/globe_core/settings.py: "
                  "remove it or correct its name")))


def install(settings: dict) -> GlobeSettings:
    """Fill in every default and keep the typed object: done once, at `initialized`."""
    typed = GlobeSettings.from_settings(settings)
    settings.update(typed.as_pelican_settings())
    settings[KEY] = typed
    return typed


def declared() -> list[tuple[str, Any, str]]:
    """(setting name, default, meaning) of every GLOBE_* setting, for docs and tests."""
    return [(GlobeSettings.name_of(spec.name),
             spec.default if spec.default is not MISSING else spec.default_factory(),
             spec.metadata["meaning"]) for spec in fields(GlobeSettings)]


def _fits(value, kind) -> bool:
    """Whether `value` is of the declared type (a list passes for a tuple: settings files
    write lists)."""
    if typing.get_origin(kind) in (types.UnionType, typing.Union):
        return any(_fits(value, member) for member in typing.get_args(kind))
    if kind is type(None):
        return value is None
    if kind is bool:
        return isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if typing.get_origin(kind) is tuple:
        member = typing.get_args(kind)[0]
        return isinstance(value, tuple | list) and all(_fits(v, member) for v in value)
    return isinstance(value, kind) if isinstance(kind, type) else True


# Settings whose values have a shape the type does not say; each checked as it is read.
_SHAPES = {
    "social": lambda value: all(isinstance(pair, list | tuple) and len(pair) == 2
                                and all(isinstance(part, str) for part in pair)
                                for pair in value),
    "categories": lambda value: all(isinstance(labels, dict) for labels in value.values()),
    "newsletter_lists": lambda value: all(isinstance(key, str) and isinstance(uuid, str)
                                          for key, uuid in value.items()),
}


def _shape_fits(attribute: str, value) -> bool:
    check = _SHAPES.get(attribute)
    return check is None or check(value)


def _kind_name(kind) -> str:
    """`str | None`, `tuple[str, ...]`, `bool`: the type as a settings file writes it."""
    return kind.__name__ if isinstance(kind, type) and not typing.get_args(kind) else (
        str(kind).replace("typing.", ""))


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"
