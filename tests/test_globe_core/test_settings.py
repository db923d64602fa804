"""Every GLOBE_* setting is declared once, with a type, a default and a meaning."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest
from support import ROOT

from globe import build as builds
from globe_core.settings import KEY, GlobeSettings, declared, install

# GLOBE_* names that are not settings: environment variables and what a build publishes.
NOT_SETTINGS = {"GLOBE_LANG", "GLOBE_CHROMIUM", "GLOBE_PROBLEMS", "GLOBE_CHROME",
                # what a build keeps for itself while it runs (background.py, parallel_read.py,
                # written_files.py,
                # the listings preview of globe/preview.py)
                "GLOBE_BACKGROUND_JOBS", "GLOBE_BACKGROUND_FINISHED_BY_CALLER", "GLOBE_PREREAD",
                "GLOBE_READ_CACHE", "GLOBE_CHOSEN_FILES", "GLOBE_OUTPUT_LISTING",
                # delivery: servers and credentials, from the environment only (issue 9)
                "GLOBE_SMTP_", "GLOBE_SMTP_HOST", "GLOBE_SMTP_PORT", "GLOBE_SMTP_USER",
                "GLOBE_SMTP_PASSWORD", "GLOBE_SMTP_SECURITY", "GLOBE_LISTMONK_URL",
                "GLOBE_LISTMONK_USER", "GLOBE_LISTMONK_TOKEN", "GLOBE_LISTMONK_TIMEOUT"}


def names_used() -> set[str]:
    found = set()
    for folder, pattern in (("plugins", "*.py"), ("theme", "*.html"), (".", "*conf.py")):
        for path in (ROOT / folder).rglob(pattern):
            if ".venv" not in path.parts:
                found |= set(re.findall(r"\bGLOBE_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    return found - NOT_SETTINGS


def test_every_setting_used_anywhere_is_declared_with_a_meaning():
    names = {name for name, _default, _meaning in declared()}
    assert names_used() <= names, sorted(names_used() - names)
    assert all(meaning.strip() for _name, _default, meaning in declared())
    assert all(spec.type for spec in fields(GlobeSettings))


def test_pelicanconf_sets_only_what_differs_from_the_defaults():
    settings = builds.load_settings()
    defaults = GlobeSettings()
    same = [GlobeSettings.name_of(spec.name) for spec in fields(GlobeSettings)
            if GlobeSettings.name_of(spec.name) in settings
            and getattr(defaults, spec.name) == settings[GlobeSettings.name_of(spec.name)]]
    assert not same


def test_install_fills_in_defaults_and_keeps_what_is_set():
    settings = {"GLOBE_FEED_URL": "{lang_prefix}atom.xml", "GLOBE_LANGUAGES": ["fr", "en"]}
    typed = install(settings)
    assert settings[KEY] is typed and GlobeSettings.of(settings) is typed
    assert typed.feed_url == "{lang_prefix}atom.xml" and typed.languages == ("fr", "en")
    assert settings["GLOBE_NEWSLETTER_UTM_SOURCE"] == "newsletter"


def test_mutable_defaults_are_not_shared_between_builds():
    first, second = GlobeSettings(), GlobeSettings()
    first.organisation["name"] = "changed"
    assert second.organisation["name"] == "Brussels International"


@pytest.mark.parametrize("name", ["GLOBE_PRODUCTION", "GLOBE_NEWSLETTER_PREVIEW"])
def test_production_and_preview_are_booleans(name):
    assert isinstance(dict((n, d) for n, d, _m in declared())[name], bool)
