"""The `globe` command: check, build, serve, newsletter new. The top layer: nothing imports it."""
