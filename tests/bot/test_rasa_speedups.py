"""bot/rasa_speedups.py: Rasa's check of action server replies, with the
schema's validator built once, must accept and reject exactly what Rasa's own
check does, with the same error."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

import bot.channels  # noqa: F401 - the Rasa process gets the speedups through the channel it loads
from bot import rasa_speedups

VALID: list[dict[str, Any]] = [
    {},
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "area", "value": "Anfield", "timestamp": None}]},
    {"events": [{"event": "active_loop", "name": None}, {"event": "slot", "name": "age", "value": 14}]},
    {"events": [{"event": "bot", "text": "Hiya", "data": {"custom": {"type": "services", "items": []}}}]},
    {"responses": [{"text": "Hiya", "buttons": [{"title": "More", "payload": "/more"}]}], "extra": 1},
]

INVALID: list[Any] = [
    None,
    [],
    "events",
    {"events": "slot"},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": "slot"}]},
    {"events": [{"event": "slot", "name": 3, "value": 1}]},
    {"events": [{"name": "area", "value": "Anfield"}]},
    {"responses": "Hiya"},
    {"responses": ["Hiya"]},
    {"events": [{"event": "slot", "name": "a", "value": 1}, 7], "responses": [1]},
]


def action() -> RemoteAction:
    return RemoteAction("action_anything", EndpointConfig("http://127.0.0.1:1/webhook"))


def test_the_channel_installs_it() -> None:
    assert RemoteAction._validate_action_result is rasa_speedups.validate_action_result
    rasa_speedups.install()  # a second time changes nothing
    assert RemoteAction._validate_action_result is rasa_speedups.validate_action_result
    assert rasa_speedups.ORIGINAL_VALIDATE_ACTION_RESULT is not rasa_speedups.validate_action_result


@pytest.mark.parametrize("reply", VALID)
def test_valid_replies_are_accepted_like_rasa_does(reply: dict[str, Any]) -> None:
    assert rasa_speedups.ORIGINAL_VALIDATE_ACTION_RESULT(action(), reply) is True
    assert action()._validate_action_result(reply) is True


@pytest.mark.parametrize("reply", INVALID)
def test_invalid_replies_are_rejected_with_rasas_error(reply: Any) -> None:
    with pytest.raises(ValidationError) as rasas:
        rasa_speedups.ORIGINAL_VALIDATE_ACTION_RESULT(action(), reply)
    with pytest.raises(ValidationError) as ours:
        action()._validate_action_result(reply)
    assert ours.value.message == rasas.value.message
    assert "Failed to validate Action server response from API" in ours.value.message
    assert list(ours.value.path) == list(rasas.value.path)
    assert list(ours.value.schema_path) == list(rasas.value.schema_path)
    assert ours.value.validator == rasas.value.validator


def test_the_hint_is_added_once_per_rejection() -> None:
    for _ in range(3):
        with pytest.raises(ValidationError) as caught:
            action()._validate_action_result({"events": "slot"})
        assert caught.value.message.count("Failed to validate") == 1


class Replies:
    """Stands in for the action server's endpoint: answers with a fixed reply."""

    def __init__(self, reply: Any) -> None:
        self.reply = reply
        self.url = "http://127.0.0.1:1/webhook"
        self.kwargs: dict[str, Any] = {}

    async def request(self, **kwargs: Any) -> Any:
        return self.reply


def run_action(reply: Any) -> list[Any]:
    remote = action()
    remote.action_endpoint = Replies(reply)  # type: ignore[assignment]
    domain = Domain.empty()
    tracker = DialogueStateTracker.from_events("someone", [])
    return asyncio.run(
        remote.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(domain.responses), tracker, domain)
    )


def test_a_remote_action_runs_with_a_valid_reply() -> None:
    events = run_action(
        {"events": [{"event": "slot", "name": "area", "value": "Anfield"}], "responses": [{"text": "Found some"}]}
    )
    assert [type(e) for e in events] == [BotUttered, SlotSet]
    assert events[1].key == "area" and events[1].value == "Anfield"


def test_a_remote_action_still_fails_on_an_invalid_reply() -> None:
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        run_action({"events": [{"event": "slot"}]})
