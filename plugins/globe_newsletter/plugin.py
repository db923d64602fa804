"""Signal wiring of the newsletter plugin. Receivers are module-level: Pelican holds weak refs."""

from __future__ import annotations

from pelican import signals

from .generator import EditionsGenerator
from .settings import apply_defaults


def add_defaults(pelican):
    apply_defaults(pelican.settings)


def add_generator(pelican):
    return EditionsGenerator


def register():
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(add_generator)
