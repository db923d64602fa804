"""Redirects from the old site's addresses (`Old_urls`) to the new ones."""

from .plugin import register

__all__ = ["register"]
