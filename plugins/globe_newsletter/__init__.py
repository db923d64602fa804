"""Pelican plugin: newsletter editions (email HTML, plain text, web version)."""


def register():
    pass
