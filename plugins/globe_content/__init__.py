"""Pelican plugin: strict reading and validation of articles and pages."""

from .plugin import register

__all__ = ["register"]
