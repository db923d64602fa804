"""Pelican plugin: one site per language from one read of the content."""

from .plugin import register

__all__ = ["register"]
