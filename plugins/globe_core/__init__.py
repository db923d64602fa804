"""The core every plugin stands on: languages, dates, messages, problems, validators, settings.

It imports nothing from the plugins or the command line (see docs/architecture.md).
"""
