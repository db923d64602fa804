"""Pelican plugin and commands for publishing: fingerprinted assets, link checks, deploys."""

from .plugin import register

__all__ = ["register"]
