"""Rasa's HTTP API (conversations, models, domain) answers only with the token; the REST channel the
widget talks to stays open, and is not a way into the API."""

from __future__ import annotations

import httpx
import pytest

# Every authenticated route of Rasa 3.6's HTTP API (rasa/server.py), with a body where it needs one.
API = [
    ("GET", "/status", None),
    ("GET", "/domain", None),
    ("GET", "/conversations/security-probe/tracker", None),
    ("GET", "/conversations/security-probe/story", None),
    ("POST", "/conversations/security-probe/tracker/events", {"event": "slot", "name": "age", "value": 99}),
    ("PUT", "/conversations/security-probe/tracker/events", [{"event": "restart"}]),
    ("POST", "/conversations/security-probe/messages", {"text": "hi", "sender": "user"}),
    ("POST", "/conversations/security-probe/execute", {"name": "utter_greet"}),
    ("POST", "/conversations/security-probe/trigger_intent", {"name": "greet"}),
    ("POST", "/conversations/security-probe/predict", None),
    ("POST", "/model/parse", {"text": "hello"}),
    ("POST", "/model/predict", []),
    ("POST", "/model/train", {}),
    ("POST", "/model/test/intents", {}),
    ("POST", "/model/test/stories", {}),
    ("PUT", "/model", {"model_file": "/tmp/none.tar.gz"}),
    ("DELETE", "/model", None),
]
ROUTES = [pytest.param(method, path, body, id=f"{method} {path}") for method, path, body in API]


def call(rasa, method: str, path: str, body, **params) -> httpx.Response:
    return httpx.request(method, rasa.url + path, json=body, params=params, timeout=30)


@pytest.mark.parametrize(("method", "path", "body"), ROUTES)
def test_the_api_refuses_requests_without_the_token(rasa, method, path, body):
    assert call(rasa, method, path, body).status_code == 401


@pytest.mark.parametrize(("method", "path", "body"), ROUTES)
def test_the_api_refuses_a_wrong_token(rasa, method, path, body):
    assert call(rasa, method, path, body, token=rasa.token[:-1] + "x").status_code == 401


def test_the_token_opens_the_api(rasa):
    """The refusals above are the token's doing: with it, the same server answers."""
    assert call(rasa, "GET", "/status", None, token=rasa.token).status_code == 200
    tracker = call(rasa, "GET", "/conversations/security-probe/tracker", None, token=rasa.token).json()
    assert not [e for e in tracker["events"] if e["event"] == "slot"], "an unauthenticated event got in"


def test_the_widget_channel_is_open_and_gives_no_api_access(rasa):
    r = httpx.post(f"{rasa.url}/webhooks/rest/webhook", json={"sender": "security-probe", "message": "hi"}, timeout=60)
    assert r.status_code == 200
    assert call(rasa, "GET", "/conversations/security-probe/tracker", None).status_code == 401
