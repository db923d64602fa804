"""`globe newsletter send-test | publish | handover`: parse, call globe_delivery, report,
exit."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from zoneinfo import ZoneInfo

from globe_core.dates import exists_in_brussels
from globe_core.messages import _
from globe_core.settings import GlobeSettings
from globe_delivery.built import BuiltEmail, built_editions, built_email
from globe_delivery.errors import DeliveryError
from globe_delivery.proof import proof_message, send_proof, valid_address
from globe_delivery.service import (
    CREATED,
    LEFT_ALONE,
    Campaign,
    MailingService,
    campaign_name,
)
from globe_delivery.settings import ListmonkConfig, Sender, SmtpConfig

from . import build as builds

SCHEDULE_AHEAD = dt.timedelta(days=366)  # further is a typo, not a plan


def address(value: str) -> str:
    """argparse type for --to."""
    try:
        return valid_address(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("`%(value)s` is not an email address", value=value)) from None


def schedule_time(value: str) -> dt.datetime:
    """argparse type for --schedule: ISO 8601; without a zone, Brussels time."""
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("`%(value)s` is not a date and time; write e.g. 2026-12-03T09:00",
              value=value)) from None
    if moment.tzinfo is None:
        if not exists_in_brussels(moment):
            raise argparse.ArgumentTypeError(
                _("%(value)s does not exist in Brussels: the clocks go forward from 02:00 to "
                  "03:00 that night", value=value) + " — " +
                _("write a time before 02:00 or from 03:00"))
        moment = moment.replace(tzinfo=ZoneInfo("Europe/Brussels"))
    return moment


def _settings() -> dict:
    """The production settings: delivery only ever sends production builds."""
    return builds.load_settings(production=True)


def _refuse_dev_build(email: BuiltEmail, allowed: bool = False) -> None:
    if email.is_dev_build and not allowed:
        raise DeliveryError(
            _("edition %(number)s (%(lang)s) was built for development: its links point to "
              "%(siteurl)s", number=email.number, lang=email.lang, siteurl=email.siteurl),
            _("make the production build with `make publish` (or `globe build --production`)"
              "; to send this one anyway, add --allow-dev-build"))


def _fail(error: DeliveryError) -> int:
    print(_("error") + f": {error}", file=sys.stderr)
    return 1


def send_test(args) -> int:
    try:
        email = built_email(args.output, args.number, args.lang)
        _refuse_dev_build(email, args.allow_dev_build)
        config = SmtpConfig.from_env()
        message = proof_message(email, Sender.of(GlobeSettings.of(_settings())), args.to)
        report = send_proof(message, args.to, config)
    except DeliveryError as error:
        return _fail(error)
    for recipient in report.delivered:
        print(_("Proof of %(number)s (%(lang)s) sent to %(address)s", number=email.number,
                lang=email.lang, address=recipient))
    for recipient, answer in report.refused.items():
        print(_("NOT sent to %(address)s: the server answered %(answer)s", address=recipient,
                answer=answer), file=sys.stderr)
    if report.refused:
        print(_("%(sent)s of %(total)s recipient(s) received the proof.",
                sent=len(report.delivered), total=len(args.to)), file=sys.stderr)
        return 1
    return 0


def mailing_service(settings: dict) -> MailingService:
    # here, not above: `requests` is for delivery only, and every `globe` command builds
    # the parser that imports this module
    from globe_delivery.listmonk_api import ListmonkAPI  # noqa: PLC0415
    from globe_delivery.listmonk_service import ListmonkService  # noqa: PLC0415

    return ListmonkService(ListmonkAPI(ListmonkConfig.from_env()),
                           GlobeSettings.of(settings).newsletter_campaign_template)


def campaign_for(email: BuiltEmail, settings: dict) -> Campaign:
    globe = GlobeSettings.of(settings)
    lists = globe.newsletter_lists
    if not lists.get(email.lang):
        raise DeliveryError(_("no listmonk list is set for `%(lang)s`", lang=email.lang),
                            _("add its UUID to GLOBE_NEWSLETTER_LISTS in pelicanconf.py"))
    return Campaign(email, campaign_name(settings["SITENAME"], email), lists[email.lang],
                    globe.newsletter_from)


def _hand_over(service: MailingService, email: BuiltEmail, settings: dict,
               schedule: dt.datetime | None) -> None:
    _refuse_dev_build(email)
    if email.status != "ready":
        raise DeliveryError(
            _("edition %(number)s (%(lang)s) is a draft", number=email.number,
              lang=email.lang),
            _("set `Status: ready` in its file, then build with `make publish`"))
    now = dt.datetime.now(dt.UTC)
    if schedule and schedule <= now:
        raise DeliveryError(_("%(moment)s is in the past", moment=schedule.isoformat()),
                            _("give a time to come for --schedule"))
    if schedule and schedule - now > SCHEDULE_AHEAD:  # a typo of the year (2062 for 2026)
        raise DeliveryError(_("%(moment)s is more than a year away", moment=schedule.isoformat()),
                            _("check the year of --schedule: an edition is sent within days"))
    campaign = campaign_for(email, settings)
    outcome = service.hand_over(campaign, schedule)
    values = {"name": campaign.name, "id": outcome.campaign_id, "status": outcome.status,
              "when": outcome.send_at or ""}
    if outcome.action == LEFT_ALONE:
        print(_("Campaign “%(name)s” (#%(id)s) is already %(status)s in listmonk: left as "
                "it is.", **values))
        if outcome.status == "scheduled":
            print(_("To change it, unschedule it in listmonk (it goes back to draft), then "
                    "publish again."))
    elif outcome.status == "scheduled":
        print(_("Campaign “%(name)s” (#%(id)s) is scheduled for %(when)s.", **values))
    elif outcome.action == CREATED:
        print(_("Campaign “%(name)s” (#%(id)s) created as a draft in listmonk. Sending is "
                "done in listmonk, by a person.", **values))
    else:
        print(_("Draft campaign “%(name)s” (#%(id)s) updated in listmonk.", **values))


def publish(args) -> int:
    try:
        email = built_email(args.output, args.number, args.lang)
        settings = _settings()
        _hand_over(mailing_service(settings), email, settings, args.schedule)
    except DeliveryError as error:
        return _fail(error)
    return 0


def handover(args) -> int:
    """Every `Status: ready` edition of the production build, handed over once (drafts
    already in listmonk are brought up to date; others are left alone)."""
    try:
        emails = [e for e in built_editions(args.output) if e.status == "ready"]
        settings = _settings()
        service = mailing_service(settings)
    except DeliveryError as error:
        return _fail(error)
    failed = 0
    for email in emails:
        try:
            _hand_over(service, email, settings, None)
        except DeliveryError as error:
            failed += 1
            print(_("error") + f": {email.number} ({email.lang}): {error}", file=sys.stderr)
    if not emails:
        print(_("No edition with `Status: ready` in %(folder)s.", folder=args.output))
    return 1 if failed else 0


def add_commands(newsletter_commands, languages) -> None:
    """The delivery sub-commands of `globe newsletter`."""
    def common(parser):
        parser.add_argument("number", help=_("edition number, e.g. 2026-14"))
        parser.add_argument("--lang", required=True, choices=languages,
                            help=_("language of the edition"))
        parser.add_argument("--output", default="output",
                            help=_("folder of the build (default: output)"))

    test = newsletter_commands.add_parser(
        "send-test", help=_("send a proof of a built edition by email (SMTP from GLOBE_SMTP_*)"))
    common(test)
    test.add_argument("--to", required=True, action="append", type=address,
                      help=_("recipient; repeat for several"))
    test.add_argument("--allow-dev-build", action="store_true",
                      help=_("send even a development build (links to 127.0.0.1)"))
    test.set_defaults(run=send_test)

    pub = newsletter_commands.add_parser(
        "publish", help=_("create or update the edition's campaign in listmonk (a draft)"))
    common(pub)
    pub.add_argument("--schedule", type=schedule_time,
                     help=_("schedule sending at this time (ISO 8601, Brussels time if no "
                            "zone), e.g. 2026-12-03T09:00"))
    pub.set_defaults(run=publish)

    hand = newsletter_commands.add_parser(
        "handover", help=_("publish every `Status: ready` edition not yet in listmonk"))
    hand.add_argument("--output", default="output",
                      help=_("folder of the build (default: output)"))
    hand.set_defaults(run=handover)
