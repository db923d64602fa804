"""`globe newsletter publish` against answers not shaped as listmonk's API writes them (a
proxy, another version, a broken service): a clear error, no traceback, no campaign twice."""

from __future__ import annotations

import pytest

from .test_publish import NUMBER, TAG, listmonk, publish  # noqa: F401 — fixtures

ANSWERS = [
    ("GET", "/api/lists", b'{"data": null}'),
    ("GET", "/api/lists", b'{"data": "lists"}'),
    ("GET", "/api/lists", b'{"data": {"results": [1, 2]}}'),
    ("GET", "/api/lists", b'{"data": {"results": [{"uuid": "x"}]}}'),
    ("GET", "/api/templates", b'{"data": null}'),
    ("GET", "/api/templates", b'{"data": {"results": []}}'),
    ("GET", "/api/templates", b'{"data": [{"name": "x", "id": "7"}]}'),
    ("GET", "/api/campaigns", b'{"data": []}'),
    ("GET", "/api/campaigns", b'{"data": {"results": [{"id": 1}]}}'),
    ("GET", "/api/campaigns", b'{"data": {"results": "none"}}'),
    ("POST", "/api/templates", b'{"data": {}}'),
    ("POST", "/api/campaigns", b'{"data": {"name": "x"}}'),
    ("POST", "/api/campaigns", b'{"data": [1]}'),
    ("POST", "/api/campaigns", b'{"data": {"id": true, "status": "draft"}}'),
]


@pytest.mark.parametrize(("method", "path", "body"), ANSWERS)
def test_an_answer_of_another_shape_is_named_not_a_traceback(listmonk, publish,  # noqa: F811
                                                             method, path, body):
    listmonk.fail_next(1, method=method, path=path, kind="body", body=body)
    code, _out, err = publish()
    assert code == 1, err
    assert "is not shaped as listmonk's API writes it" in err and "GLOBE_LISTMONK_URL" in err
    assert "Traceback" not in err
    # run again once listmonk answers properly: one campaign, whatever the first run left
    code, _out, err = publish()
    assert code == 0, err
    assert len(listmonk.campaigns_tagged(TAG)) == 1


def test_listmonk_answering_null_for_no_results_is_read_as_none(listmonk, publish):  # noqa: F811
    listmonk.fail_next(1, method="GET", path="/api/campaigns", kind="body",
                       body=b'{"data": {"results": null, "total": 0}}')
    code, _out, err = publish()
    assert code == 0, err
    assert len(listmonk.campaigns_tagged(TAG)) == 1
    assert NUMBER in TAG


@pytest.mark.parametrize(("variable", "value"), [
    ("GLOBE_LISTMONK_TIMEOUT", "nan"), ("GLOBE_LISTMONK_TIMEOUT", "inf"),
    ("GLOBE_LISTMONK_TIMEOUT", "1e400"), ("GLOBE_LISTMONK_TIMEOUT", "-5"),
    ("GLOBE_LISTMONK_URL", "http://[::1"), ("GLOBE_LISTMONK_URL", "http://exa mple.org"),
    ("GLOBE_LISTMONK_URL", "http://127.0.0.1:99999"), ("GLOBE_LISTMONK_URL", "http://h:abc"),
    ("GLOBE_LISTMONK_URL", "http://a\r\nb"), ("GLOBE_LISTMONK_URL", "http://a_b<c>/"),
    ("GLOBE_LISTMONK_TOKEN", "s3cret\r\nX-Injected: 1"), ("GLOBE_LISTMONK_USER", "globe ci"),
])
def test_a_listmonk_variable_no_request_could_carry_is_named(listmonk, publish,  # noqa: F811
                                                             monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    code, _out, err = publish()
    assert code == 1, err
    assert err.startswith(f"error: {variable} ") and "Traceback" not in err
    assert "globe stopped" not in err  # not blamed on a folder
    assert listmonk.requests == []
