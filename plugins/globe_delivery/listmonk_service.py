"""The hand-over to listmonk: one campaign per edition and language, never two.

listmonk has no unique campaign names and no locks, so concurrent runs are reconciled
afterwards: each run that creates a campaign lists the campaigns carrying the edition's tag,
and the oldest (lowest id) wins; a run whose own campaign lost deletes it (it is a fresh
draft nobody has seen) and carries on with the winner. The same holds for the template.
"""

from __future__ import annotations

import datetime as dt

from globe_core.messages import _

from .errors import DeliveryError
from .listmonk_api import ListmonkAPI
from .service import CREATED, LEFT_ALONE, UPDATED, Campaign, Outcome

# A campaign template that adds nothing: the built email is complete as it is.
PASS_THROUGH = '{{ template "content" . }}'
EDITABLE = ("draft",)


class ListmonkService:
    def __init__(self, api: ListmonkAPI, template_name: str):
        self.api = api
        self.template_name = template_name

    # --- lists and template ----------------------------------------------------------

    def list_id(self, uuid: str) -> int:
        for found in self.api.lists():
            if found.get("uuid") == uuid:
                return found["id"]
        raise DeliveryError(_("listmonk has no list with UUID %(uuid)s", uuid=uuid),
                            _("create the list in listmonk (Lists → New), then copy its UUID "
                              "into GLOBE_NEWSLETTER_LISTS in pelicanconf.py"))

    def _templates_named(self) -> list[dict]:
        return sorted((t for t in self.api.templates()
                       if t.get("name") == self.template_name and t.get("type") == "campaign"),
                      key=lambda t: t["id"])

    def template_id(self) -> int:
        """The pass-through template, found by name or created once."""
        found = self._templates_named()
        if found:
            return found[0]["id"]
        mine = self.api.create_template(self.template_name, PASS_THROUGH)["id"]
        winner = self._templates_named()[0]["id"]
        if winner != mine:
            self.api.delete_template(mine)
        return winner

    # --- campaigns -------------------------------------------------------------------

    def _campaigns(self, campaign: Campaign) -> list[dict]:
        return sorted((c for c in self.api.campaigns(campaign.tag)
                       if c.get("name") == campaign.name), key=lambda c: c["id"])

    def payload(self, campaign: Campaign, list_id: int, template_id: int,
                schedule: dt.datetime | None) -> dict:
        email = campaign.email
        return {
            "name": campaign.name,
            "subject": email.subject,
            "lists": [list_id],
            "from_email": campaign.from_address,
            "type": "regular",
            "content_type": "html",
            "messenger": "email",
            "body": email.html,  # with listmonk's {{ UnsubscribeURL }} and {{ ManageURL }}
            "altbody": email.text,
            "template_id": template_id,
            "tags": ["the-brussels-globe", campaign.tag],
            "headers": [{"Content-Language": email.lang}],
            "send_at": schedule.isoformat() if schedule else None,
        }

    def hand_over(self, campaign: Campaign, schedule: dt.datetime | None) -> Outcome:
        existing = self._campaigns(campaign)
        for duplicate in existing[1:]:  # left by a run that stopped before reconciling
            if duplicate["status"] in EDITABLE:
                self.api.delete_campaign(duplicate["id"])
        if existing and existing[0]["status"] not in EDITABLE:
            return Outcome(LEFT_ALONE, existing[0]["id"], existing[0]["status"],
                           existing[0].get("send_at"))
        payload = self.payload(campaign, self.list_id(campaign.list_uuid),
                               self.template_id(), schedule)
        if existing:
            target, action = existing[0], UPDATED
            self.api.update_campaign(target["id"], payload)
        else:
            mine = self.api.create_campaign(payload)
            target, action = self._reconcile(campaign, mine)
            if action == UPDATED:
                if target["status"] not in EDITABLE:
                    return Outcome(LEFT_ALONE, target["id"], target["status"],
                                   target.get("send_at"))
                self.api.update_campaign(target["id"], payload)
        if schedule:
            done = self.api.set_status(target["id"], "scheduled")
            return Outcome(action, target["id"], done["status"], payload["send_at"])
        return Outcome(action, target["id"], "draft")

    def _reconcile(self, campaign: Campaign, mine: dict) -> tuple[dict, str]:
        """After creating: if another run created one first, keep theirs, drop ours."""
        found = self._campaigns(campaign)
        winner = found[0] if found else mine
        if winner["id"] == mine["id"]:
            return mine, CREATED
        self.api.delete_campaign(mine["id"])
        return winner, UPDATED
