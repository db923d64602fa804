"""Signal wiring of the site plugin. Receivers are module-level: Pelican holds weak refs."""

from __future__ import annotations

import os

from pelican import signals

from . import i18n
from .listings import LanguageListingsGenerator


def add_generators(pelican):
    return LanguageListingsGenerator


def install_i18n(generator):
    if hasattr(generator, "env"):
        i18n.install(generator.env, os.path.join(generator.theme, "translations"))


def register():
    signals.get_generators.connect(add_generators)
    signals.generator_init.connect(install_i18n)
