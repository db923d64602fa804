"""The newsletter's settings and their defaults: the one place where defaults live.

`pelicanconf.py` may set any of these; the plugin fills in the rest when Pelican starts.
"""

from __future__ import annotations

DEFAULTS = {
    # Where each language's editions live on the site ('' for French, 'nl/', 'en/').
    "GLOBE_NEWSLETTER_ARCHIVE_URL": "{lang_prefix}newsletter/",
    "GLOBE_NEWSLETTER_EDITION_URL": "{lang_prefix}newsletter/{number}/",
    # Email images are shared by every language: one folder at the root.
    "GLOBE_NEWSLETTER_IMAGES_URL": "newsletter/images/",
    "GLOBE_NEWSLETTER_MANIFEST": "newsletter/editions.json",
    # The mailing service's merge tags (listmonk by default): the email is handed over as is.
    "GLOBE_NEWSLETTER_UNSUBSCRIBE_URL": "{{ UnsubscribeURL }}",
    "GLOBE_NEWSLETTER_MANAGE_URL": "{{ ManageURL }}",
    # Merge tags the email may contain; anything else between {{ }} is a build error.
    "GLOBE_NEWSLETTER_MERGE_TAGS": ("{{ UnsubscribeURL }}", "{{ ManageURL }}"),
    "GLOBE_NEWSLETTER_UTM_SOURCE": "newsletter",
    # Dev builds also write newsletter/<number>/preview.html (email at 375 and 600 px).
    "GLOBE_NEWSLETTER_PREVIEW": True,
    # From this many edition files on, emails are rendered and checked in worker
    # processes (the archive back to 2013 has hundreds); fewer stay in-process.
    "GLOBE_NEWSLETTER_PARALLEL_MIN": 60,
}


def apply_defaults(settings: dict) -> None:
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
