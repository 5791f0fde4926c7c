"""bot/crisis_policy.py: crisis replies win over an active form, with no
action server involved."""

from __future__ import annotations

import pytest
from rasa.shared.core.constants import ACTION_DEACTIVATE_LOOP_NAME, ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.crisis_policy import CrisisOverridePolicy, next_crisis_action, risk_across_turns


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
        (None, ["utter_crisis", "utter_crisis_followup"], "action_note_facts"),
        (None, ["utter_crisis", "utter_crisis_followup", "action_note_facts"], ACTION_LISTEN_NAME),
        ("activity_form", [], "utter_crisis"),
        ("activity_form", ["utter_crisis"], "utter_crisis_followup"),
        ("activity_form", ["utter_crisis", "utter_crisis_followup"], ACTION_DEACTIVATE_LOOP_NAME),
        ("parent_form", ["utter_crisis", "utter_crisis_followup"], ACTION_DEACTIVATE_LOOP_NAME),
    ],
)
def test_crisis_sequence(form: str | None, done: list[str], expected: str) -> None:
    assert next_crisis_action(conversation("crisis", form, done)) == expected


@pytest.mark.parametrize("risk", ["check_in", "suicide_or_self_harm"])
@pytest.mark.parametrize("form", [None, "activity_form"])
def test_what_the_message_said_is_kept_then_the_bot_listens(form: str | None, risk: str) -> None:
    tracker = conversation("crisis", form, ["utter_crisis", "utter_crisis_followup"])
    tracker.update(SlotSet("risk_category", risk))
    if form:
        assert next_crisis_action(tracker) == ACTION_DEACTIVATE_LOOP_NAME
        tracker.update(ActionExecuted(ACTION_DEACTIVATE_LOOP_NAME))
        tracker.update(ActiveLoop(None))
    assert next_crisis_action(tracker) == "action_note_facts"
    tracker.update(ActionExecuted("action_note_facts"))
    assert next_crisis_action(tracker) == ACTION_LISTEN_NAME


@pytest.mark.parametrize("intent", ["inform", "greet", "find_activity", "nlu_fallback"])
def test_stays_out_of_other_messages(intent: str) -> None:
    assert next_crisis_action(conversation(intent, "activity_form", [])) is None


# --- an age said earlier, a much older partner named now -------------------------


def talk(*turns: tuple[str, str], slots: dict[str, object] | None = None) -> DialogueStateTracker:
    events: list = [ActionExecuted(ACTION_LISTEN_NAME)]
    for name, value in (slots or {}).items():
        events.append(SlotSet(name, value))
    for i, (text, intent) in enumerate(turns):
        events += [
            UserUttered(text, intent={"name": intent, "confidence": 1.0}),
            ActionExecuted("action_extract_slots"),
        ]
        if i < len(turns) - 1:
            events += [ActionExecuted("utter_ask_interests"), ActionExecuted(ACTION_LISTEN_NAME)]
    return DialogueStateTracker.from_events("someone", events)


@pytest.mark.parametrize(
    ("turns", "slots", "category"),
    [
        ([("im 13", "inform"), ("my boyfriend is 20", "inform")], None, "abuse_or_exploitation"),
        ([("thirteen", "inform"), ("hes 19 and we're going out", "inform")], None, "abuse_or_exploitation"),
        ([("hi", "greet"), ("my bf is 22", "inform")], {"age": 14}, "abuse_or_exploitation"),
        ([("my daughter is 13", "parent_help"), ("her boyfriend is 21", "inform")], None, "parent_worried"),
        ([("hi", "greet"), ("her new boyfriend is 20", "inform")], {"child_age": 14}, "parent_worried"),
        # no risk: a partner of a similar age, an adult speaker, no age at all, or an older brother
        ([("im 15", "inform"), ("my boyfriend is 16", "inform")], None, None),
        ([("im 22", "inform"), ("my boyfriend is 30", "inform")], None, None),
        ([("hi", "greet"), ("my boyfriend is 20", "inform")], None, None),
        ([("im 13", "inform"), ("my brother is 20 and plays football", "inform")], None, None),
    ],
)
def test_age_gap_across_turns(turns: list[tuple[str, str]], slots: dict | None, category: str | None) -> None:
    assert risk_across_turns(talk(*turns, slots=slots)) == category


def test_age_gap_starts_the_crisis_reply_with_its_route(tmp_path) -> None:
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.core.domain import Domain

    domain = Domain.from_yaml(
        """
        version: "3.1"
        intents: [inform, crisis]
        slots:
          risk_category: {type: text, influence_conversation: false, mappings: [{type: custom}]}
        responses:
          utter_crisis: [{text: "help"}]
          utter_crisis_followup: [{text: "more"}]
        """
    )
    policy = CrisisOverridePolicy(
        CrisisOverridePolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("crisis_policy"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    tracker = talk(("im 13", "inform"), ("my boyfriend is 20", "inform"))
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert domain.action_names_or_texts[prediction.max_confidence_index] == "utter_crisis"
    assert prediction.events == [SlotSet("risk_category", "abuse_or_exploitation")]
    assert prediction.is_no_user_prediction


# --- "Are you safe?" "no" --------------------------------------------------------


def after_check_in(answer: str) -> DialogueStateTracker:
    events = [
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("...", intent={"name": "crisis", "confidence": 1.0}),
        SlotSet("risk_category", "check_in"),
        ActionExecuted("utter_crisis"),
        ActionExecuted("utter_crisis_followup"),
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered(answer, intent={"name": "deny", "confidence": 1.0}),
        ActionExecuted("action_extract_slots"),
    ]
    return DialogueStateTracker.from_events("someone", events)


@pytest.mark.parametrize(
    ("answer", "category"),
    [("no", "immediate_danger"), ("not really tbh", "immediate_danger"), ("idk", "immediate_danger"),
     ("nah", "immediate_danger"), ("yes", None), ("yeah im ok just stressed", None), ("no im fine", None)],
)
def test_not_safe_after_a_check_in_gets_the_full_reply(answer: str, category: str | None) -> None:
    assert risk_across_turns(after_check_in(answer)) == category


def test_a_no_later_in_the_conversation_is_just_a_no() -> None:
    tracker = after_check_in("yes")
    tracker.update(ActionExecuted("utter_ask_interests"))
    tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
    tracker.update(UserUttered("no", intent={"name": "deny", "confidence": 1.0}))
    assert risk_across_turns(tracker) is None
