"""Production settings: the real address, no drafts."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://international.brussels"
RELATIVE_URLS = False
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
GLOBE_PRODUCTION = True
GLOBE_FINGERPRINT_ASSETS = True
GLOBE_CHECK_INTERNAL_LINKS = True
GLOBE_PRECOMPRESS = True
# drafts are not published: `globe check` renders and checks their emails
GLOBE_DRAFT_EMAILS = False
