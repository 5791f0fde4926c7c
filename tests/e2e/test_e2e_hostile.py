"""Hostile input through the REST channel, end to end: the real Rasa, action server and directory.

Every message gets a reply (or a clear 4xx), without falling back to the channel's apology floor,
which would mean something behind Rasa broke. Afterwards the bot still recommends and still gives
crisis contacts, the directory holds exactly what it held before, markup comes back only inside
plain-text fields, the conversation store holds each message as the data it was, and no message
text reaches the logs. The messages are in tests/fuzz/hostile_messages.py.
"""

from __future__ import annotations

import importlib.util
import json
import re
import secrets
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from chat import Chat, custom, last_services, texts
from conftest import Stack

from bot.channels import apology


def _hostile_messages():
    # Shared with the browser test; loaded by path so no other folder joins sys.path.
    path = Path(__file__).resolve().parents[1] / "fuzz" / "hostile_messages.py"
    spec = importlib.util.spec_from_file_location("hostile_messages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_messages = _hostile_messages()
HOSTILE, MARKUP, NORMAL = _messages.HOSTILE, _messages.MARKUP, _messages.NORMAL

# Where the reply contract allows text at all; everything else is ids, numbers and links.
TEXT_FIELDS = {"text", "title", "name", "reason", "address", "schedule", "hours", "phone"}


def directory_counts(stack: Stack) -> dict[str, int]:
    url = stack.directory.url
    counts = {"indexed": httpx.get(f"{url}/health", timeout=30).json()["services_indexed"]}
    for path in ("/services", "/organizations", "/taxonomy_terms"):
        counts[path] = httpx.get(f"{url}{path}", params={"per_page": 1}, timeout=30).json()["total_items"]
    return counts


def tracker(stack: Stack, sender: str) -> dict[str, Any]:
    r = httpx.get(f"{stack.rasa.url}/conversations/{sender}/tracker", params={"token": stack.token}, timeout=30)
    r.raise_for_status()
    return r.json()


def strings_outside_text(node: Any, key: str | None = None) -> list[str]:
    """Every string in a reply that is not in a plain-text field."""
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in strings_outside_text(v, k)]
    if isinstance(node, list):
        return [s for item in node for s in strings_outside_text(item, key)]
    return [node] if isinstance(node, str) and key not in TEXT_FIELDS else []


class Sent:
    """What one hostile message got back."""

    def __init__(self, status: int, replies: Any, seconds: float, sender: str) -> None:
        self.status, self.replies, self.seconds, self.sender = status, replies, seconds, sender


@pytest.fixture(scope="module")
def before(stack: Stack) -> dict[str, int]:
    return directory_counts(stack)


@pytest.fixture(scope="module")
def sent(stack: Stack, before: dict[str, int]) -> dict[str, Sent]:
    """Send every hostile message once, each as its own person; the tests read the results."""
    out = {}
    for name, text in HOSTILE.items():
        sender = "hostile-" + secrets.token_hex(6)
        start = time.monotonic()
        r = httpx.post(f"{stack.rasa.url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                       timeout=300.0)
        seconds = time.monotonic() - start
        try:
            replies = r.json() if r.status_code == 200 else r.text
        except ValueError:  # reported by the test for this message, not as an error for all of them
            replies = f"not JSON: {r.text[:300]!r} ({r.headers.get('content-type')})"
        out[name] = Sent(r.status_code, replies, seconds, sender)
    slowest = sorted(out.items(), key=lambda kv: -kv[1].seconds)[:3]
    print("\nslowest hostile replies: " + ", ".join(f"{name}: {s.seconds:.1f}s" for name, s in slowest))
    return out


@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_message_gets_a_real_reply(sent: dict[str, Sent], name: str) -> None:
    result = sent[name]
    assert result.status == 200, result.replies
    assert isinstance(result.replies, list) and result.replies, "silence"
    assert all(r.get("recipient_id") == result.sender for r in result.replies)
    assert apology()[0] not in texts(result.replies), "the apology floor answered: something behind Rasa failed"


def test_a_100_kb_message_reaches_the_nlu_cut_to_what_the_detector_reads(stack: Stack, sent: dict[str, Sent]) -> None:
    """Rasa's NLU took a minute over 100 KB; the channel hands it the first and last 2,000 characters."""
    for name in ("100 KB of words", "100 KB of one letter", "very long word"):
        said = [e["text"] for e in tracker(stack, sent[name].sender)["events"] if e["event"] == "user"]
        assert len(said) == 1 and len(said[0]) <= 4 * 1000 + 3, (name, len(said[0]))
        assert said[0].startswith(HOSTILE[name][:2000]) and said[0].endswith(HOSTILE[name][-2000:]), name


def test_rasas_own_http_api_reads_the_same_cut_message(stack: Stack) -> None:
    """Not every way into Rasa is the REST channel: its HTTP API parses and stores messages too.
    The model's first component (bot/message_guard.py) cuts them and filters payloads all the same,
    and a crisis at the end of an essay is still read as one."""
    essay = "ok so basically " * 6_000 + "and tbh i want to kill myself"
    sender = f"api-{secrets.token_hex(4)}"
    for path, body in (
        ("/model/parse", {"text": essay}),
        (f"/conversations/{sender}/messages", {"text": essay, "sender": "user"}),
    ):
        r = httpx.post(f"{stack.rasa.url}{path}", params={"token": stack.token}, json=body, timeout=120)
        assert r.status_code == 200, (path, r.status_code)
        parsed = r.json() if path == "/model/parse" else r.json()["latest_message"]
        assert parsed["intent"]["name"] == "crisis", path
        assert len(parsed["text"]) <= 4 * 1000 + 3 and parsed["text"].endswith("i want to kill myself"), path
    typed = '/inform{"area": "<img src=x onerror=alert(1)>", "age": 13}'
    r = httpx.post(f"{stack.rasa.url}/model/parse", params={"token": stack.token}, json={"text": typed}, timeout=60)
    assert r.status_code == 200
    assert r.json()["intent"]["name"] == "inform"
    assert {e["entity"]: e["value"] for e in r.json()["entities"]} == {"age": 13}


@pytest.mark.parametrize("name", [n for n in HOSTILE if any(m in HOSTILE[n] for m in MARKUP)])
def test_markup_comes_back_only_as_plain_text(sent: dict[str, Sent], name: str) -> None:
    for value in strings_outside_text(sent[name].replies):
        assert not any(m in value for m in MARKUP), value
    for reply in sent[name].replies:
        assert set(reply) <= {"recipient_id", "text", "buttons", "custom"}, reply  # no image, no attachment
        for service in (reply.get("custom") or {}).get("services", []):
            assert service.get("url") is None or service["url"].startswith(("http://", "https://")), service


def test_the_directory_is_untouched(stack: Stack, sent: dict[str, Sent], before: dict[str, int]) -> None:
    assert directory_counts(stack) == before


def test_messages_are_kept_as_the_data_they_were(stack: Stack, sent: dict[str, Sent]) -> None:
    for name in ("SQL", "HTML script", "null bytes", "right-to-left override", "JSON-looking"):
        said = [e["text"] for e in tracker(stack, sent[name].sender)["events"] if e["event"] == "user"]
        assert said == [HOSTILE[name]], name


def test_json_looking_text_speaks_for_no_one_else(stack: Stack, sent: dict[str, Sent]) -> None:
    other = json.loads(HOSTILE["JSON-looking"])["sender"]
    assert not [e for e in tracker(stack, other)["events"] if e["event"] == "user"]


def test_injected_entities_are_validated_like_words(stack: Stack, sent: dict[str, Sent]) -> None:
    slots = tracker(stack, sent["intent, hostile entities"].sender)["slots"]
    assert slots.get("age") != 999
    assert "<script>" not in json.dumps(slots.get("area"))


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"not json", id="not JSON"),
        pytest.param(b'{"sender": "x", "message": "\xc3("}', id="not UTF-8"),
        pytest.param(json.dumps({"sender": "x", "message": 5}).encode(), id="message a number"),
        pytest.param(json.dumps({"sender": "x", "message": ["a"]}).encode(), id="message a list"),
        pytest.param(json.dumps({"sender": "x"}).encode(), id="no message"),
    ],
)
def test_a_malformed_request_is_a_clear_400(stack: Stack, body: bytes) -> None:
    r = httpx.post(f"{stack.rasa.url}/webhooks/rest/webhook", content=body,
                   headers={"Content-Type": "application/json"}, timeout=60)
    assert r.status_code == 400, r.text
    if b"sender" in body and b"\xc3" not in body:
        assert "`message` must be a string" in r.text


def test_nothing_crashed_the_bot_still_helps(stack: Stack, sent: dict[str, Sent]) -> None:
    assert httpx.get(f"{stack.actions.url}/health", timeout=10).status_code == 200
    chat = Chat(stack.rasa.url)
    services = last_services(chat.say(NORMAL))
    assert services, "no recommendations after the hostile messages"
    assert custom(Chat(stack.rasa.url).say("i want to end my life"), "crisis")


def test_no_message_text_reaches_the_logs(stack: Stack, sent: dict[str, Sent]) -> None:
    logs = stack.logs().lower()
    markers = sorted({m for text in HOSTILE.values() for m in re.findall(r"zqx[a-z_]+", text.lower())})
    assert len(markers) >= 15
    assert [m for m in markers if m in logs] == []


def test_no_slot_values_are_logged_by_the_response_interpolator(stack: Stack) -> None:
    chat = Chat(stack.rasa.url)
    chat.say("I'm 15 and I'm into drama")
    chat.say("what is place2be")  # a response whose buttons carry {"topic": ...}
    assert not re.search(r"'age': 15(\.0)?\b|'interests': \['drama'\]", stack.logs())
