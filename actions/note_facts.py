"""action_note_facts: keep what a message said about the person while a rule answers it.

"Do you know anything about Place2Be? My daughter's school mentioned it. She's 10." is answered by a
fixed response (utter_what_is, which works with the action server down); this action runs after it and
keeps who is talking, the age and the area, so a search that follows does not ask for them again.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import UsesDirectory, age_slots, is_payload, latest_text, read_message
from bot import people


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
        return [SlotSet(slot, value) for slot, value in found.items()]
