"""Signal wiring of the newsletter plugin. Receivers are module-level: Pelican holds weak refs."""

from __future__ import annotations

from pelican import signals

from globe_core.startup import at_initialized

from .generator import EditionsGenerator


def add_generator(pelican):
    return EditionsGenerator


def register():
    signals.initialized.connect(at_initialized)
    signals.get_generators.connect(add_generator)
