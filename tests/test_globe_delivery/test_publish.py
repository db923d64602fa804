"""`globe newsletter publish | handover` against a local server following listmonk's API."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest

from .fake_listmonk import FakeListmonk

NUMBER = "2026-13"
TAG = f"globe-{NUMBER}-fr"
TEMPLATE = "The Brussels Globe (pass-through)"


@pytest.fixture
def listmonk(monkeypatch):
    fake = FakeListmonk().start()
    monkeypatch.setenv("GLOBE_LISTMONK_URL", fake.url)
    monkeypatch.setenv("GLOBE_LISTMONK_USER", "globe-ci")
    monkeypatch.setenv("GLOBE_LISTMONK_TOKEN", "s3cret-token")
    monkeypatch.delenv("GLOBE_LISTMONK_TIMEOUT", raising=False)
    yield fake
    fake.stop()


@pytest.fixture
def publish(globe, sample_site):
    def run(*extra, lang="fr", number=NUMBER, output=sample_site):
        return globe("newsletter", "publish", number, "--lang", lang, "--output", output,
                     *extra)
    return run


def built_files(output, lang):
    manifest = json.loads((output / "newsletter/editions.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["editions"] if e["number"] == NUMBER and e["lang"] == lang)
    return (entry, (output / entry["paths"]["html"]).read_text(encoding="utf-8"),
            (output / entry["paths"]["text"]).read_text(encoding="utf-8"))


def writes(fake):
    return [(method, path) for method, path, _body in fake.requests if method != "GET"]


@pytest.mark.parametrize(("lang", "list_id"), [("fr", 3), ("nl", 4), ("en", 5)])
def test_creates_a_draft_campaign_with_the_built_email(lang, list_id, listmonk, publish,
                                                       sample_site):
    code, out, err = publish(lang=lang)
    assert code == 0, err
    assert "created as a draft" in out
    [campaign] = listmonk.campaigns_tagged(f"globe-{NUMBER}-{lang}")
    entry, html, text = built_files(sample_site, lang)
    assert campaign["name"] == f"The Brussels Globe {NUMBER} ({lang})"
    assert campaign["status"] == "draft" and campaign["send_at"] is None
    assert campaign["subject"] == entry["subject"]
    assert campaign["body"] == html and campaign["altbody"] == text
    assert "{{ UnsubscribeURL }}" in campaign["body"] and "{{ UnsubscribeURL }}" in text
    assert campaign["content_type"] == "html" and campaign["messenger"] == "email"
    assert campaign["lists"] == [{"id": list_id, "name": f"Globe {lang.upper()}"}]
    assert campaign["from_email"] == "The Brussels Globe <newsletter@international.brussels>"
    assert campaign["headers"] == [{"Content-Language": lang}]
    [template] = [t for t in listmonk.templates.values() if t["name"] == TEMPLATE]
    assert campaign["template_id"] == template["id"]
    assert template["type"] == "campaign" and template["body"] == '{{ template "content" . }}'


def test_a_second_run_updates_the_draft_in_place(listmonk, publish, sample_site):
    assert publish()[0] == 0
    [campaign] = listmonk.campaigns_tagged(TAG)
    campaign["subject"] = "changed by hand in listmonk"
    code, out, err = publish()
    assert code == 0, err
    assert "updated" in out
    assert listmonk.campaigns_tagged(TAG) == [campaign]
    assert campaign["subject"] == built_files(sample_site, "fr")[0]["subject"]
    assert len([t for t in listmonk.templates.values() if t["name"] == TEMPLATE]) == 1
    assert ("PUT", f"/api/campaigns/{campaign['id']}") in writes(listmonk)


def test_schedule_then_a_scheduled_campaign_is_left_alone(listmonk, publish):
    when = (dt.datetime.now(dt.UTC) + dt.timedelta(days=2)).replace(microsecond=0)
    code, out, err = publish("--schedule", when.isoformat())
    assert code == 0, err
    [campaign] = listmonk.campaigns_tagged(TAG)
    assert campaign["status"] == "scheduled"
    assert dt.datetime.fromisoformat(campaign["send_at"]) == when
    assert "scheduled for" in out
    before = len(writes(listmonk))
    code, out, err = publish()
    assert code == 0, err
    assert "already scheduled" in out and "left as it is" in out and "unschedule" in out
    assert len(writes(listmonk)) == before  # nothing was written
    assert listmonk.campaigns_tagged(TAG) == [campaign]


@pytest.mark.parametrize("status", ["running", "finished", "paused", "cancelled"])
def test_a_campaign_being_or_already_sent_is_left_alone(status, listmonk, publish):
    assert publish()[0] == 0
    [campaign] = listmonk.campaigns_tagged(TAG)
    campaign["status"] = status
    before = len(writes(listmonk))
    code, out, _err = publish()
    assert code == 0
    assert f"already {status}" in out
    assert len(writes(listmonk)) == before


def test_twice_at_once_makes_one_campaign(listmonk, publish):
    listmonk.create_delay = 0.3  # both runs create before either looks again
    results = []
    start = threading.Barrier(2)

    def run():
        start.wait()
        results.append(publish()[0])

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [0, 0]
    posts = [r for r in listmonk.requests if r[:2] == ("POST", "/api/campaigns")]
    assert len(posts) == 2  # the race really happened…
    assert len(listmonk.campaigns_tagged(TAG)) == 1  # …and one campaign is left
    assert len([t for t in listmonk.templates.values() if t["name"] == TEMPLATE]) == 1


def test_a_duplicate_left_by_an_interrupted_run_is_removed(listmonk, publish):
    assert publish()[0] == 0
    [first] = listmonk.campaigns_tagged(TAG)
    with listmonk.lock:  # a run that created a second one, then stopped
        listmonk.create_campaign({}, {**first, "lists": [3], "send_at": None})
    assert len(listmonk.campaigns_tagged(TAG)) == 2
    code, out, err = publish()
    assert code == 0, err
    assert listmonk.campaigns_tagged(TAG) == [first] and "updated" in out


def test_server_errors_and_dropped_connections_are_retried(listmonk, publish):
    listmonk.fail_next(2, 503, method="POST", path="/api/campaigns")
    listmonk.fail_next(1, kind="drop", method="GET", path="/api/lists")
    code, _out, err = publish()
    assert code == 0, err
    posts = [r for r in listmonk.requests if r[:2] == ("POST", "/api/campaigns")]
    assert len(posts) == 3
    assert len(listmonk.campaigns_tagged(TAG)) == 1


def test_a_lasting_server_error_stops_with_a_message(listmonk, publish):
    listmonk.fail_next(20, 502)
    code, _out, err = publish()
    assert code == 1
    assert "listmonk failed (HTTP 502)" in err and "5 attempts" in err
    assert "Traceback" not in err


def test_a_slow_answer_times_out_and_is_retried(listmonk, publish, monkeypatch):
    monkeypatch.setenv("GLOBE_LISTMONK_TIMEOUT", "0.5")
    listmonk.fail_next(1, kind="slow", seconds=1.5, method="GET", path="/api/campaigns")
    code, _out, err = publish()
    assert code == 0, err
    assert len(listmonk.campaigns_tagged(TAG)) == 1


def test_no_answer_at_all_is_a_timeout(listmonk, publish, monkeypatch):
    monkeypatch.setenv("GLOBE_LISTMONK_TIMEOUT", "0.2")
    listmonk.fail_next(5, kind="slow", seconds=0.6)
    code, _out, err = publish()
    assert code == 1
    assert "did not answer within 0.2 s" in err


def test_wrong_token_is_named(listmonk, publish, monkeypatch):
    monkeypatch.setenv("GLOBE_LISTMONK_TOKEN", "wrong")
    code, _out, err = publish()
    assert code == 1
    assert "listmonk refused access" in err and "403" in err
    assert "invalid API credentials" in err and "GLOBE_LISTMONK_TOKEN" in err
    assert not listmonk.campaigns


def test_401_from_a_proxy_is_named_too(listmonk, publish):
    listmonk.fail_next(1, 401)
    code, _out, err = publish()
    assert code == 1 and "refused access" in err and "401" in err


def test_a_wrong_address_gives_404(listmonk, publish, monkeypatch):
    monkeypatch.setenv("GLOBE_LISTMONK_URL", listmonk.url + "/api")
    code, _out, err = publish()
    assert code == 1
    assert "404" in err and "without /api" in err


def test_listmonk_validation_errors_are_shown(listmonk, publish):
    listmonk.messengers = set()  # the e-mail messenger was switched off in listmonk
    code, _out, err = publish()
    assert code == 1
    assert "listmonk rejected the campaign (HTTP 400): Unknown messenger email." in err
    assert not listmonk.campaigns


def test_422_is_named(listmonk, publish):
    listmonk.fail_next(1, 422, method="POST", path="/api/campaigns")
    code, _out, err = publish()
    assert code == 1 and "rejected the campaign (HTTP 422)" in err


def test_an_answer_that_is_not_listmonks(listmonk, publish):
    listmonk.fail_next(1, kind="html")
    code, _out, err = publish()
    assert code == 1
    assert "did not answer like listmonk (HTTP 200)" in err and "GLOBE_LISTMONK_URL" in err


def test_listmonk_not_running(listmonk, publish, monkeypatch):
    listmonk.stop()
    code, _out, err = publish()
    assert code == 1
    assert f"cannot reach listmonk at {listmonk.url}" in err


def test_the_language_list_must_exist_in_listmonk(listmonk, publish):
    listmonk.lists = [item for item in listmonk.lists if item["id"] != 4]
    code, _out, err = publish(lang="nl")
    assert code == 1
    assert "no list with UUID 0b9d5c4e-7e2a-4d61-8f0b-5d3c2a1e9b02" in err


def test_a_development_build_is_never_handed_over(listmonk, publish, dev_site):
    code, _out, err = publish(number="2021-15", output=dev_site)
    assert code == 1 and "built for development" in err
    assert not listmonk.requests


def test_unknown_edition(listmonk, publish):
    code, _out, err = publish(number="2030-01")
    assert code == 1 and "edition 2030-01 (fr) is not in the build" in err


def test_a_schedule_in_the_past_is_refused_before_anything_is_sent(listmonk, publish):
    code, _out, err = publish("--schedule", "2020-01-01T09:00")
    assert code == 1 and "in the past" in err
    assert not listmonk.requests


def test_a_schedule_years_ahead_is_refused_as_a_typo(listmonk, publish):
    code, _out, err = publish("--schedule", "9999-12-31T23:59:59+14:00")
    assert code == 1 and "is more than a year away" in err and "Traceback" not in err
    assert not listmonk.requests


def test_a_schedule_the_spring_clock_change_skips_is_a_usage_error(listmonk, publish, capsys):
    with pytest.raises(SystemExit) as stopped:  # argparse's way out, as for any option
        publish("--schedule", "2031-03-30T02:30")  # the last Sunday of March
    assert stopped.value.code == 2
    assert "2031-03-30T02:30 does not exist in Brussels" in capsys.readouterr().err
    assert not listmonk.requests


def test_missing_credentials(listmonk, publish, monkeypatch):
    monkeypatch.delenv("GLOBE_LISTMONK_TOKEN")
    code, _out, err = publish()
    assert code == 1 and "GLOBE_LISTMONK_TOKEN is not set" in err


def test_handover_publishes_every_ready_edition_once(listmonk, globe, sample_site):
    manifest = json.loads((sample_site / "newsletter/editions.json").read_text("utf-8"))
    ready = {(e["number"], e["lang"]) for e in manifest["editions"] if e["status"] == "ready"}
    assert len(ready) >= 3
    code, out, err = globe("newsletter", "handover", "--output", sample_site)
    assert code == 0, err
    assert out.count("created as a draft") == len(ready)
    assert {(c["tags"][1][6:13], c["tags"][1][14:]) for c in listmonk.campaigns.values()} \
        == ready
    first = next(iter(listmonk.campaigns.values()))
    listmonk.start_sending(first["id"])
    code, out, err = globe("newsletter", "handover", "--output", sample_site)
    assert code == 0, err
    assert len(listmonk.campaigns) == len(ready)
    assert out.count("already running") == 1
    assert out.count("updated") == len(ready) - 1
