"""One error type for delivery: what went wrong, and how to fix it, in the user's language."""

from __future__ import annotations


class DeliveryError(Exception):
    """A failure the user can act on; the CLI prints it without a traceback."""

    def __init__(self, message: str, fix: str = ""):
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message} — {self.fix}" if self.fix else self.message
