"""action_note_facts: keep what a message said about the person while a fixed reply answers it.

"Do you know anything about Place2Be? My daughter's school mentioned it. She's 10." is answered by a
fixed response (utter_what_is, which works with the action server down); this action runs after it and
keeps who is talking, the age and the area, so a search that follows does not ask for them again.
After the safety layer's check-in ("Are you safe?", bot/crisis_policy.py) it keeps what they asked
for too: "my girl is 12 and being sent nasty messages" still wants bullying help for a 12 year old.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    MAX_TOPICS,
    UsesDirectory,
    age_slots,
    is_payload,
    latest_text,
    read_message,
    speaker_of,
    what_is_reply,
)
from actions.validate_activity_form import interest_codes
from bot import people, replies, worries
from bot.safety.detector import CHECK_IN

# The crisis replies' last line; the crisis policy runs this action after it.
AFTER_CHECK_IN = "utter_crisis_followup"
WHAT_IS = "utter_what_is"


class ActionNoteFacts(UsesDirectory, Action):
    def name(self) -> str:
        return "action_note_facts"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = latest_text(tracker)
        if is_payload(text):
            return []
        found: dict[str, Any] = {}
        if speaker := people.speaker(text, tracker.get_slot("speaker")):
            found["speaker"] = speaker
        reading = await read_message(self.client, tracker)
        found.update(age_slots(reading))
        if reading is not None and reading.place is not None:
            found["area"] = reading.place.name
        if _after_what_is(tracker) and worries.compares(text):
            # "what's the difference between Kooth and CAMHS": the fixed reply explained the one the classifier
            # tagged, or asked which; every other one named is explained too, from the same domain text.
            for topic in worries.topics_named(text)[:MAX_TOPICS]:
                if topic != tracker.get_slot("topic") and (explained := what_is_reply(domain, topic)[0]):
                    dispatcher.utter_message(text=explained)
        if _after_what_is(tracker) and (
            ack := replies.acknowledge(people.feelings(text), found.get("speaker") or speaker_of(tracker))
        ):
            # "is kooth any good? ive been feeling really low": the fixed explanation came first (it works with
            # this server down); the feeling is answered straight after it, in the same turn.
            dispatcher.utter_message(text=ack)
        if reading is not None and _after_check_in(tracker):
            speaker = found.get("speaker") or speaker_of(tracker)
            if codes := interest_codes(reading, speaker, None):
                found["interests"] = codes
        return [SlotSet(slot, value) for slot, value in found.items()]


def _after_what_is(tracker: Tracker) -> bool:
    """Whether this turn's reply so far is the fixed explanation of a service (CAMHS, Kooth...)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") != "action_listen":
            return event.get("name") == WHAT_IS
    return False


def _after_check_in(tracker: Tracker) -> bool:
    # A full crisis reply runs this action too; only a check-in keeps what the message asked for.
    if tracker.get_slot("risk_category") != CHECK_IN:
        return False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == AFTER_CHECK_IN:
            return True
    return False
