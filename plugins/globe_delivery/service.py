"""The mailing service, as the rest of the project sees it: one small interface.

Another service (Brevo, Mailchimp…) is added by writing one more class with `hand_over`;
nothing else changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from .built import BuiltEmail

CREATED, UPDATED, LEFT_ALONE = "created", "updated", "left alone"


@dataclass(frozen=True)
class Campaign:
    """What is handed over: one edition in one language, for that language's list."""

    email: BuiltEmail
    name: str  # carries the number and the language: the campaign's identity
    list_uuid: str
    from_address: str

    @property
    def tag(self) -> str:
        """A tag unique to the edition and language, to find the campaign again."""
        return f"globe-{self.email.number}-{self.email.lang}"


def campaign_name(site_name: str, email: BuiltEmail) -> str:
    return f"{site_name} {email.number} ({email.lang})"


@dataclass(frozen=True)
class Outcome:
    action: str  # CREATED, UPDATED or LEFT_ALONE
    campaign_id: int
    status: str  # the campaign's status in the service afterwards
    send_at: str | None = None


class MailingService(Protocol):
    def hand_over(self, campaign: Campaign, schedule: dt.datetime | None) -> Outcome:
        """Create or update the campaign (a draft, or scheduled at `schedule`); leave a
        campaign alone once it is scheduled or sent. Safe to repeat and to run twice at
        once: there is never more than one campaign per edition and language."""
