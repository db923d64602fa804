"""Theme CSS and JS named after their content in production, so they can be cached a year.

Templates ask `asset_url('css/site.css')`; a production build answers
`…/theme/css/site.3f2a9c1b7d.css` (hash of the file) and, once Pelican has copied the theme,
renames the copies to match. Development builds keep the plain names.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache

from globe_core.settings import GlobeSettings

FINGERPRINTED = (".css", ".js")
HASH_LENGTH = 10


@lru_cache(maxsize=256)
def _digest(path: str, mtime_ns: int) -> str:
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()[:HASH_LENGTH]


def fingerprinted_name(relative: str, static_dir: str) -> str:
    """css/site.css → css/site.<hash>.css, the hash of theme/static/css/site.css."""
    source = os.path.join(static_dir, relative)
    stem, extension = os.path.splitext(relative)
    return f"{stem}.{_digest(source, os.stat(source).st_mtime_ns)}{extension}"


def asset_url_function(settings: dict):
    """The `asset_url` Jinja global of one build."""
    siteurl = settings["SITEURL"]
    theme_dir = settings.get("THEME_STATIC_DIR", "theme")
    static_dir = os.path.join(settings["THEME"], "static")
    production = GlobeSettings.of(settings).fingerprint_assets

    def asset_url(relative: str) -> str:
        if production and relative.endswith(FINGERPRINTED):
            relative = fingerprinted_name(relative, static_dir)
        return f"{siteurl}/{theme_dir}/{relative}"

    return asset_url


def rename_theme_assets(settings: dict) -> list[str]:
    """Rename the copied theme CSS/JS in the output to their fingerprinted names."""
    static_dir = os.path.join(settings["THEME"], "static")
    copied = os.path.join(settings["OUTPUT_PATH"], settings.get("THEME_STATIC_DIR", "theme"))
    renamed = []
    for folder, _dirs, files in os.walk(static_dir):
        for name in files:
            if not name.endswith(FINGERPRINTED):
                continue
            relative = os.path.relpath(os.path.join(folder, name), static_dir)
            output = os.path.join(copied, relative)
            if os.path.exists(output):
                target = fingerprinted_name(relative, static_dir)
                os.replace(output, os.path.join(copied, target))
                renamed.append(target)
    return renamed
