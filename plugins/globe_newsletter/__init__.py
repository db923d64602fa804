"""Pelican plugin: newsletter editions (email HTML, plain text, web version)."""

from .plugin import register

__all__ = ["register"]
