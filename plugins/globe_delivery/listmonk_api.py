"""listmonk's REST API over requests: authentication, timeouts, retries, clear errors.

Follows listmonk v6 (docs: https://listmonk.app/docs/apis/apis/; handlers: cmd/campaigns.go,
cmd/templates.go, cmd/lists.go). Authentication is an API user and token:
`Authorization: token <user>:<token>`.
"""

from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from globe_core.messages import _

from .errors import DeliveryError
from .settings import ListmonkConfig

CONNECT_TIMEOUT = 5
RETRIES = 4
BACKOFF = 0.25  # urllib3 waits 0, then 0.5, 1, 2 s between the attempts
RETRY_STATUSES = (500, 502, 503, 504)


def retrying_session(retries: int, backoff: float) -> requests.Session:
    """A session that retries connection errors and 5xx answers, with backoff.

    Every method is retried, POST included: a campaign created twice by a retry is merged
    back into one by the hand-over (see listmonk_service.py).
    """
    retry = Retry(total=retries, connect=retries, read=retries, status=retries,
                  backoff_factor=backoff, status_forcelist=RETRY_STATUSES,
                  allowed_methods=None, raise_on_status=False,
                  respect_retry_after_header=True)
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


class ListmonkAPI:
    """The few calls the hand-over makes; each returns listmonk's `data` or raises."""

    def __init__(self, config: ListmonkConfig, retries: int = RETRIES,
                 backoff: float = BACKOFF):
        self.url = config.url
        self.user = config.user
        self.session = retrying_session(retries, backoff)
        self.session.headers["Authorization"] = f"token {config.user}:{config.token}"
        self.session.headers["Accept"] = "application/json"
        self.timeout = (CONNECT_TIMEOUT, config.timeout)
        self.retries = retries

    def call(self, method: str, path: str, what: str, **kwargs):
        """`what` names the thing asked for in the user's words, for error messages."""
        url = f"{self.url}{path}"
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.exceptions.RetryError as error:
            raise self._server_error(what, "5xx") from error
        except requests.exceptions.Timeout as error:
            raise self._timeout() from error
        except requests.exceptions.ConnectionError as error:
            if isinstance(getattr(error.args[0] if error.args else None, "reason", None),
                          ReadTimeoutError):  # every attempt timed out
                raise self._timeout() from error
            raise DeliveryError(_("cannot reach listmonk at %(url)s (%(attempts)s attempts)",
                                  url=self.url, attempts=self.retries + 1),
                                _("check GLOBE_LISTMONK_URL and that listmonk is running"),
                                ) from error
        return self._data(response, what)

    def _timeout(self) -> DeliveryError:
        seconds = f"{self.timeout[1]:g}"
        return DeliveryError(_("listmonk at %(url)s did not answer within %(seconds)s s "
                               "(%(attempts)s attempts)", url=self.url,
                               seconds=seconds, attempts=self.retries + 1),
                             _("try again later, or raise GLOBE_LISTMONK_TIMEOUT"))

    def _server_error(self, what: str, status) -> DeliveryError:
        return DeliveryError(_("listmonk failed (HTTP %(status)s) on %(what)s, %(attempts)s "
                               "attempts", status=status, what=what,
                               attempts=self.retries + 1),
                             _("try again later; if it lasts, look at listmonk's logs"))

    def _data(self, response: requests.Response, what: str):
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        message = body.get("message", "") if isinstance(body, dict) else ""
        if status >= 500:
            raise self._server_error(what, status)
        if status in (401, 403):
            raise DeliveryError(
                _("listmonk refused access to %(what)s (HTTP %(status)s: %(message)s)",
                  what=what, status=status, message=message or response.reason),
                _("check GLOBE_LISTMONK_USER and GLOBE_LISTMONK_TOKEN (an API user, "
                  "Admin → Users), and that its role may manage campaigns and templates "
                  "and read lists"))
        if status == 404:
            raise DeliveryError(
                _("listmonk has nothing at %(url)s (HTTP 404)", url=response.url),
                _("GLOBE_LISTMONK_URL must be listmonk's root address, without /api"))
        if status in (400, 422):
            raise DeliveryError(
                _("listmonk rejected %(what)s (HTTP %(status)s): %(message)s", what=what,
                  status=status, message=message or response.reason),
                _("the message above is listmonk's; fix the edition or listmonk's settings "
                  "accordingly"))
        if status >= 300 or not isinstance(body, dict) or "data" not in body:
            raise DeliveryError(
                _("%(url)s did not answer like listmonk (HTTP %(status)s)", url=response.url,
                  status=status),
                _("check GLOBE_LISTMONK_URL"))
        return body["data"]

    # --- the endpoints: each answer checked for the shape the hand-over reads -------------

    def lists(self) -> list[dict]:
        data = self.call("GET", "/api/lists", _("the lists"),
                         params={"minimal": "true", "per_page": "all"})
        # listmonk answers [] when there is no list, and Go writes an empty list as null
        return _records(data.get("results") or [] if isinstance(data, dict) else data,
                        _("the lists"))

    def templates(self) -> list[dict]:
        return _records(self.call("GET", "/api/templates", _("the templates"),
                                  params={"no_body": "true"}), _("the templates"))

    def create_template(self, name: str, body: str) -> dict:
        return _record(self.call("POST", "/api/templates", _("the campaign template"),
                                 json={"name": name, "type": "campaign", "body": body}),
                       _("the campaign template"))

    def delete_template(self, template_id: int) -> None:
        self.call("DELETE", f"/api/templates/{template_id}", _("the campaign template"))

    def campaigns(self, tag: str) -> list[dict]:
        data = self.call("GET", "/api/campaigns", _("the campaigns"),
                         params={"tag": tag, "per_page": "all", "no_body": "true",
                                 "order_by": "created_at", "order": "asc"})
        return _records(data.get("results") or [] if isinstance(data, dict) else None,
                        _("the campaigns"), status=True)

    def create_campaign(self, payload: dict) -> dict:
        return _record(self.call("POST", "/api/campaigns", _("the campaign"), json=payload),
                       _("the campaign"), status=True)

    def update_campaign(self, campaign_id: int, payload: dict) -> dict:
        return self.call("PUT", f"/api/campaigns/{campaign_id}", _("the campaign"),
                         json=payload)

    def set_status(self, campaign_id: int, status: str) -> dict:
        return _record(self.call("PUT", f"/api/campaigns/{campaign_id}/status",
                                 _("the campaign's status"), json={"status": status}),
                       _("the campaign's status"), status=True)

    def delete_campaign(self, campaign_id: int) -> None:
        self.call("DELETE", f"/api/campaigns/{campaign_id}", _("the campaign"))


def _record(data, what: str, status: bool = False) -> dict:
    """`data` if it is a listmonk record (an object with a numeric id, and a status when
    asked); else DeliveryError: a proxy, another version or another service answered."""
    if (isinstance(data, dict) and isinstance(data.get("id"), int)
            and not isinstance(data["id"], bool)
            and (not status or isinstance(data.get("status"), str))):
        return data
    raise DeliveryError(_("listmonk's answer about %(what)s is not shaped as listmonk's API "
                          "writes it", what=what),
                        _("check GLOBE_LISTMONK_URL, and that listmonk is version 6 or "
                          "later"))


def _records(data, what: str, status: bool = False) -> list[dict]:
    if not isinstance(data, list):
        _record(None, what)
    return [_record(item, what, status) for item in data]
