"""A stand-in for listmonk's REST API (listmonk cannot run here), on 127.0.0.1.

It follows listmonk v6's handlers (knadh/listmonk: cmd/campaigns.go, cmd/templates.go,
cmd/lists.go, internal/auth/auth.go, internal/core/campaigns.go, i18n/en.json) for every
endpoint the hand-over calls: the same paths and payload fields, `{"data": …}` answers,
`{"message": …}` errors with listmonk's status codes and wording, its campaign status
transitions and its token authentication. It also lets a test break the network on
purpose (5xx answers, dropped connections, slow answers).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
import uuid as uuids
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from support import free_port

STD_INPUT_MAX_LEN = 2000  # cmd/handlers.go
TPL_TAG = re.compile(r'{{(\s+)?template\s+?"content"(\s+)?\.(\s+)?}}')  # cmd/templates.go
FROM_ADDRESS = re.compile(r"((.+?)\s)?<(.+?)@(.+?)>")  # cmd/campaigns.go
EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
CONTENT_TYPES = ("richtext", "html", "plain", "visual", "markdown")
# What a campaign body may call (listmonk's template functions and data), for the compile
# check of validateCampaignFields.
TEMPLATE_EXPRESSION = re.compile(
    r'{{-?\s*(UnsubscribeURL|ManageURL|OptinURL|MessageURL|ArchiveURL|TrackView'
    r'|TrackLink\s+"[^"]*"|\.Subscriber\.[\w.]+|\.Campaign\.[\w.]+|L\.T\s+"[^"]*")\s*-?}}')


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        self.status, self.message = status, message


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class FakeListmonk:
    """State and behaviour; `FakeListmonk.start()` serves it, `.url` is its root."""

    def __init__(self, user="globe-ci", token="s3cret-token"):
        self.tokens = {user: token}
        self.lock = threading.Lock()
        self.lists = [
            {"id": 3, "uuid": "6f1f6a52-3a0e-4c8e-9a53-0c2f4f2b7a01", "name": "Globe FR"},
            {"id": 4, "uuid": "0b9d5c4e-7e2a-4d61-8f0b-5d3c2a1e9b02", "name": "Globe NL"},
            {"id": 5, "uuid": "c4a8e2f0-1d3b-4f5a-9e6c-7b2d0a8f5c03", "name": "Globe EN"},
        ]
        for item in self.lists:
            item.update(type="public", optin="double", status="active", tags=[],
                        created_at=_now(), updated_at=_now())
        self.templates = {1: {"id": 1, "name": "Default campaign template", "type": "campaign",
                              "subject": "", "is_default": True,
                              "body": '<html><body>{{ template "content" . }}</body></html>',
                              "created_at": _now(), "updated_at": _now()}}
        self.campaigns: dict[int, dict] = {}
        self.messengers = {"email"}
        self.next_id = {"campaign": 1, "template": 2}
        self.requests: list[tuple[str, str, dict | None]] = []
        self.faults: list[dict] = []  # injected by tests, consumed in order
        self.create_delay = 0.0

    # --- faults a test can inject -----------------------------------------------------

    def fail_next(self, count: int, status: int = 503, method=None, path=None, kind="status",
                  seconds=0.0, body: bytes = b""):
        """The next `count` matching requests fail: kind = status | drop | slow | html | body
        (html: a 200 page that is not listmonk's, as a proxy or a wrong address gives;
        body: a 200 JSON answer of `body`, e.g. another version's or a broken proxy's)."""
        for _ in range(count):
            self.faults.append({"status": status, "method": method, "path": path,
                                "kind": kind, "seconds": seconds, "body": body})

    def _fault_for(self, method: str, path: str):
        with self.lock:
            for fault in self.faults:
                if fault["method"] in (None, method) and fault["path"] in (None, path):
                    self.faults.remove(fault)
                    return fault
        return None

    # --- auth: internal/auth/auth.go Middleware + parseAuthHeader -------------------

    def authenticate(self, header: str | None) -> None:
        if not header:
            raise ApiError(403, "invalid session")
        header = header.strip()
        if header.startswith("token"):
            pair = header[len("token"):].strip(" ").split(":", 1)
        else:
            raise ApiError(403, "unknown Authorization scheme")
        if len(pair) < 2:
            raise ApiError(403, "api_key:token missing")
        if not pair[0] or not pair[1]:
            raise ApiError(403, "empty `api_key` or `token`")
        if self.tokens.get(pair[0]) != pair[1]:
            raise ApiError(403, "invalid API credentials")

    # --- routing (cmd/handlers.go) -----------------------------------------------------

    def handle(self, method: str, path: str, query: dict, body: dict | None):
        routes = [
            ("GET", r"/api/lists", self.get_lists),
            ("GET", r"/api/templates", self.get_templates),
            ("POST", r"/api/templates", self.create_template),
            ("DELETE", r"/api/templates/(\d+)", self.delete_template),
            ("GET", r"/api/campaigns", self.get_campaigns),
            ("GET", r"/api/campaigns/(\d+)", self.get_campaign),
            ("POST", r"/api/campaigns", self.create_campaign),
            ("PUT", r"/api/campaigns/(\d+)", self.update_campaign),
            ("PUT", r"/api/campaigns/(\d+)/status", self.update_status),
            ("DELETE", r"/api/campaigns/(\d+)", self.delete_campaign),
        ]
        for verb, pattern, handler in routes:
            match = re.fullmatch(pattern, path)
            if match and verb == method:
                args = [int(g) for g in match.groups()]
                if method == "POST" and handler == self.create_campaign and self.create_delay:
                    time.sleep(self.create_delay)  # widens the window of concurrent runs
                with self.lock:
                    return handler(*args, query=query, body=body or {})
        raise ApiError(404, "Not Found")

    # --- lists (cmd/lists.go GetLists, minimal) ----------------------------------------

    def get_lists(self, query, body):
        if query.get("minimal", [""])[0] in ("true", "1"):
            if not self.lists:
                return []
            return {"results": self.lists, "total": len(self.lists), "page": 1,
                    "per_page": len(self.lists)}
        return self._page(self.lists, query)

    # --- templates (cmd/templates.go) ------------------------------------------------

    def get_templates(self, query, body):
        no_body = query.get("no_body", [""])[0] in ("true", "1")
        return [{**t, "body": "" if no_body else t["body"]} for t in self.templates.values()]

    def create_template(self, query, body):
        name, kind = body.get("name", ""), body.get("type", "")
        if not 1 <= len(name) <= STD_INPUT_MAX_LEN:
            raise ApiError(400, "Invalid length for name.")
        if kind == "campaign" and not TPL_TAG.search(body.get("body", "")):
            raise ApiError(400, 'The placeholder {{ template "content" . }} should appear '
                                "exactly once in the template.")
        if kind not in ("campaign", "campaign_visual", "tx"):
            raise ApiError(400, "Invalid template type.")
        template_id = self._new_id("template")
        template = {"id": template_id, "name": name, "type": kind, "subject": "",
                    "body": body.get("body", ""), "is_default": False,
                    "created_at": _now(), "updated_at": _now()}
        self.templates[template_id] = template
        return template

    def delete_template(self, template_id, query, body):
        template = self.templates.get(template_id)
        if not template or template["is_default"]:
            raise ApiError(400, "Cannot delete non-existent or default template")
        del self.templates[template_id]
        return True

    # --- campaigns (cmd/campaigns.go, internal/core/campaigns.go) ---------------------

    def get_campaigns(self, query, body):
        found = list(self.campaigns.values())
        statuses, tags = query.get("status", []), query.get("tag", [])
        if statuses:
            found = [c for c in found if c["status"] in statuses]
        if tags:  # `$3 <@ tags`: every tag asked for
            found = [c for c in found if set(tags) <= set(c["tags"])]
        text = query.get("query", [""])[0].strip().lower()
        if text:
            found = [c for c in found if text in f"{c['name']} {c['subject']}".lower()]
        order_by = query.get("order_by", ["created_at"])[0]
        if order_by not in ("name", "status", "created_at", "updated_at"):
            order_by = "created_at"
        reverse = query.get("order", ["desc"])[0].lower() != "asc"
        found.sort(key=lambda c: (c[order_by], c["id"]), reverse=reverse)
        if query.get("no_body", [""])[0] in ("true", "1"):
            found = [{**c, "body": ""} for c in found]
        if not found:
            return {"results": [], "query": "", "total": 0, "per_page": 0, "page": 0}
        return self._page(found, query)

    def get_campaign(self, campaign_id, query, body):
        return self._campaign(campaign_id)

    def create_campaign(self, query, body):
        request = dict(body)
        request.setdefault("type", "regular")
        if not request.get("messenger"):
            request["messenger"] = "email"
        request = self._validate(request)
        campaign_id = self._new_id("campaign")
        template_id = request.get("template_id") or next(
            t["id"] for t in self.templates.values() if t["is_default"])
        campaign = {
            "id": campaign_id, "uuid": str(uuids.uuid4()), "type": request["type"],
            "name": request["name"], "subject": request["subject"],
            "from_email": request["from_email"], "body": request.get("body", ""),
            "altbody": request.get("altbody"), "send_at": request.get("send_at"),
            "status": "draft",  # "Newly created campaigns are always drafts."
            "content_type": request["content_type"], "tags": request.get("tags") or [],
            "headers": request["headers"], "template_id": template_id,
            "messenger": request["messenger"], "lists": self._lists(request["lists"]),
            "archive": False, "views": 0, "clicks": 0, "bounces": 0, "sent": 0,
            "to_send": 0, "started_at": None, "created_at": _now(), "updated_at": _now(),
        }
        self.campaigns[campaign_id] = campaign
        return campaign

    def update_campaign(self, campaign_id, query, body):
        campaign = self._campaign(campaign_id)
        if campaign["status"] not in ("draft", "paused", "scheduled"):  # canEditCampaign
            raise ApiError(400, "Cannot update a running or a finished campaign.")
        request = {**campaign, "lists": [item["id"] for item in campaign["lists"]], **body}
        request = self._validate(request)
        campaign.update({key: request[key] for key in (
            "name", "subject", "from_email", "body", "altbody", "send_at", "content_type",
            "tags", "headers", "template_id", "messenger") if key in request})
        campaign["lists"] = self._lists(request["lists"])
        campaign["updated_at"] = _now()
        return campaign

    def update_status(self, campaign_id, query, body):
        campaign = self._campaign(campaign_id)
        status, current = body.get("status"), campaign["status"]
        error = ""
        if status == "draft" and current != "scheduled":
            error = "Only scheduled campaigns can be saved as drafts."
        elif status == "scheduled":
            if current not in ("draft", "paused"):
                error = "Only draft or paused campaigns can be scheduled."
            if not campaign.get("send_at"):
                error = "Campaign needs a date to be scheduled."
        elif status == "running" and current not in ("paused", "draft"):
            error = "Only paused campaigns and drafts can be started."
        elif status == "paused" and current != "running":
            error = "Only active campaigns can be paused."
        elif status == "cancelled" and current not in ("running", "paused"):
            error = "Only active campaigns can be cancelled."
        if error:
            raise ApiError(400, error)
        campaign["status"] = status
        return campaign

    def delete_campaign(self, campaign_id, query, body):
        if campaign_id not in self.campaigns:
            raise ApiError(400, "Campaign not found")
        del self.campaigns[campaign_id]
        return True

    # --- helpers -----------------------------------------------------------------------

    def _validate(self, c: dict) -> dict:
        """validateCampaignFields, in its order, with its messages."""
        if not c.get("from_email"):
            c["from_email"] = "listmonk <noreply@listmonk.yoursite.com>"
        elif not FROM_ADDRESS.search(c["from_email"]) and not EMAIL.match(c["from_email"]):
            raise ApiError(400, "Invalid `from_email`.")
        if not 1 <= len(c.get("name") or "") <= STD_INPUT_MAX_LEN:
            raise ApiError(400, "Invalid length for name.")
        if not 1 <= len(c.get("subject") or "") <= 5000:
            raise ApiError(400, "Invalid length for subject.")
        if c.get("content_type") not in CONTENT_TYPES:
            c["content_type"] = "richtext"
        if c.get("send_at"):
            when = dt.datetime.fromisoformat(c["send_at"].replace("Z", "+00:00"))
            if when < dt.datetime.now(dt.UTC):
                raise ApiError(400, "Scheduled date should be in the future.")
        if not c.get("lists"):
            raise ApiError(400, "Invalid list IDs.")
        if c.get("messenger") not in self.messengers:
            raise ApiError(400, f"Unknown messenger {c.get('messenger')}.")
        for body in (c.get("body") or "", c.get("altbody") or ""):
            for expression in re.findall(r"{{.*?}}", body, re.S):
                if not TEMPLATE_EXPRESSION.fullmatch(expression):
                    raise ApiError(400, "Error compiling campaign body: template: content: "
                                        f"function not defined in {expression}")
        c["headers"] = c.get("headers") or []
        return c

    def _lists(self, ids: list[int]) -> list[dict]:
        return [{"id": item["id"], "name": item["name"]} for item in self.lists
                if item["id"] in ids]

    def _campaign(self, campaign_id: int) -> dict:
        if campaign_id not in self.campaigns:
            raise ApiError(400, "Campaign not found")
        return self.campaigns[campaign_id]

    def _new_id(self, kind: str) -> int:
        value = self.next_id[kind]
        self.next_id[kind] += 1
        return value

    @staticmethod
    def _page(items: list, query: dict) -> dict:
        per_page = query.get("per_page", ["20"])[0]
        page = int(query.get("page", ["1"])[0] or 1)
        if per_page == "all":
            return {"results": items, "query": "", "total": len(items),
                    "per_page": len(items), "page": 1}
        size = int(per_page)
        return {"results": items[(page - 1) * size: page * size], "query": "",
                "total": len(items), "per_page": size, "page": page}

    # --- serving ---------------------------------------------------------------------

    def start(self) -> FakeListmonk:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _serve(self):
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                fake.requests.append((self.command, parts.path, body))
                fault = fake._fault_for(self.command, parts.path)
                if fault and fault["kind"] == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                if fault and fault["kind"] == "slow":
                    time.sleep(fault["seconds"])
                if fault and fault["kind"] == "html":
                    self._send(200, "text/html", b"<!doctype html><title>Welcome</title>")
                elif fault and fault["kind"] == "body":
                    self._send(200, "application/json; charset=UTF-8", fault["body"])
                elif fault and fault["kind"] == "status":
                    self._answer(fault["status"], {"message": "injected failure"})
                else:
                    try:
                        fake.authenticate(self.headers.get("Authorization"))
                        data = fake.handle(self.command, parts.path, parse_qs(parts.query),
                                           body)
                    except ApiError as error:
                        self._answer(error.status, {"message": error.message})
                    else:
                        self._answer(200, {"data": data})

            def _answer(self, status: int, payload: dict):
                self._send(status, "application/json; charset=UTF-8",
                           json.dumps(payload).encode())

            def _send(self, status: int, content_type: str, data: bytes):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (timeout tests)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.port}"
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- what tests look at, and what listmonk itself would do ---------------------------

    def campaigns_tagged(self, tag: str) -> list[dict]:
        return [c for c in self.campaigns.values() if tag in c["tags"]]

    def start_sending(self, campaign_id: int) -> None:
        """What listmonk does when a person presses "Start" (or send_at arrives)."""
        self.campaigns[campaign_id]["status"] = "running"
