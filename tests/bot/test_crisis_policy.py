"""bot/crisis_policy.py: crisis replies win over an active form, with no
action server involved."""

from __future__ import annotations

import pytest
from rasa.shared.core.constants import ACTION_DEACTIVATE_LOOP_NAME, ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.crisis_policy import next_crisis_action


def conversation(intent: str, form: str | None, done: list[str]) -> DialogueStateTracker:
    events = [ActionExecuted(ACTION_LISTEN_NAME)]
    if form:
        events += [
            ActionExecuted(form),
            ActiveLoop(form),
            SlotSet("requested_slot", "age"),
            ActionExecuted(ACTION_LISTEN_NAME),
        ]
    events += [UserUttered("...", intent={"name": intent, "confidence": 1.0}), ActionExecuted("action_extract_slots")]
    events += [ActionExecuted(name) for name in done]
    return DialogueStateTracker.from_events("someone", events)


@pytest.mark.parametrize(
    ("form", "done", "expected"),
    [
        (None, [], "utter_crisis"),
        (None, ["utter_crisis"], "utter_crisis_followup"),
        (None, ["utter_crisis", "utter_crisis_followup"], ACTION_LISTEN_NAME),
        ("activity_form", [], "utter_crisis"),
        ("activity_form", ["utter_crisis"], "utter_crisis_followup"),
        ("activity_form", ["utter_crisis", "utter_crisis_followup"], ACTION_DEACTIVATE_LOOP_NAME),
        ("parent_form", ["utter_crisis", "utter_crisis_followup"], ACTION_DEACTIVATE_LOOP_NAME),
    ],
)
def test_crisis_sequence(form: str | None, done: list[str], expected: str) -> None:
    assert next_crisis_action(conversation("crisis", form, done)) == expected


def test_after_the_form_is_stopped_the_bot_listens() -> None:
    tracker = conversation("crisis", "activity_form", ["utter_crisis", "utter_crisis_followup"])
    tracker.update(ActionExecuted(ACTION_DEACTIVATE_LOOP_NAME))
    tracker.update(ActiveLoop(None))
    assert next_crisis_action(tracker) == ACTION_LISTEN_NAME


@pytest.mark.parametrize("intent", ["inform", "greet", "find_activity", "nlu_fallback"])
def test_stays_out_of_other_messages(intent: str) -> None:
    assert next_crisis_action(conversation(intent, "activity_form", [])) is None
