"""What both forms share: every turn is read once, every slot it fills is
filled whichever question was asked, and no question is asked a third time.

A form asks (action_ask_<slot>, the first time); a message that gives nothing
for it is a miss: the first miss asks again with help (suggestions, buttons),
the second moves on with a stated default. The activity form asks an age
once: a miss moves on without one, never guessed (the list is then for
under-18s only). An answer to another question is taken, and the form asks
its own question next.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    ANSWER_INTENTS,
    NEVER_ANSWERS,
    REASKED_SLOT,
    Slots,
    UsesDirectory,
    asked_counts,
    count_ask,
    day_value,
    is_payload,
    latest_intent,
    latest_text,
    read_message,
    reasked_this_turn,
)
from bot import people, replies
from bot.areas import ANYWHERE
from bot.directory_client import Reading

# Asked this many times and still missing: move on.
MAX_ASKS = 2


class ReadingForm(UsesDirectory, FormValidationAction):
    # The question each slot is, as the directory's `expect` knows it.
    EXPECT: dict[str, str] = {}

    @abstractmethod
    def facts(self, reading: Reading, tracker: Tracker, requested: str | None) -> Slots:
        """The form's slots that this reading fills."""

    @abstractmethod
    async def missed(
        self, slot: str, reading: Reading, dispatcher: CollectingDispatcher, tracker: Tracker, last_chance: bool
    ) -> Slots:
        """Nothing for `slot`: ask again with help (and mark it re-asked), or, when `last_chance` is
        over, say what happens instead and return the default (an empty dict for none)."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        extraction = await self.get_extraction_events(dispatcher, tracker, domain)
        tracker.add_slots(extraction)
        validation = await self._extract_validation_events(dispatcher, tracker, domain)
        # The SDK returns only the validated (required) slots; the rest read this turn must not be lost.
        validated = {e.get("name") for e in validation}
        events = [e for e in extraction if e.get("name") not in validated] + validation
        return events + await self.moved_on(dispatcher, tracker, domain)

    async def moved_on(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Whatever path the conversation took (an answer to another question, an interruption), a question
        asked twice and still unanswered is not asked again: its default is taken now."""
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        counts = asked_counts(tracker)
        found: Slots = {}
        for slot in required:
            unanswered = tracker.slots.get(slot) is None and not reasked_this_turn(tracker, slot)
            if unanswered and counts.get(slot, 0) >= MAX_ASKS:
                found.update(await self.missed(slot, Reading(), dispatcher, tracker, last_chance=True))
        if not found:
            return []
        tracker.slots.update(found)
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        following = next((slot for slot in required if tracker.slots.get(slot) is None), None)
        tracker.slots["requested_slot"] = following
        return [SlotSet(slot, value) for slot, value in found.items()] + [SlotSet("requested_slot", following)]

    async def validate_area(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        # The directory resolved it already (a full postcode arrives as its district).
        return {"area": str(value)[:100] if value else None}

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text, intent = latest_text(tracker), latest_intent(tracker)
        if intent in NEVER_ANSWERS or not text.strip():
            return []
        requested = tracker.get_slot("requested_slot")
        reading = await read_message(self.client, tracker, self.EXPECT.get(requested or ""))
        if reading is None:
            # The directory could not read it: say so, with helplines, rather than ask the same again.
            apology, buttons = replies.directory_down()
            dispatcher.utter_message(text=apology, buttons=buttons)
            return [SlotSet(REASKED_SLOT, requested)] if requested else []
        found = self.facts(reading, tracker, requested)
        if requested == "area" and "area" in found:
            # Places are described by landmarks: "walton, near the park" answers "where?" and keeps the
            # interests said before (it is not a new interest in parks). A message that names no place, or
            # answers another question, may change anything.
            found = {
                slot: value for slot, value in found.items()
                if slot == requested or tracker.get_slot(slot) is None
            }
        found.update(common_facts(reading, tracker))
        speaker = None if is_payload(text) else people.speaker(text, tracker.get_slot("speaker"))
        if speaker:
            found["speaker"] = speaker
        events: list[EventType] = []
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        gave_any = any(slot in found for slot in required)
        if intent not in ANSWER_INTENTS and not gave_any and not reading.unsure:
            return []  # nothing the form needs: its rule answers it ("not sure" is an answer, if not a fact)
        if requested and requested not in found and not gave_any:
            last_chance = asked_counts(tracker).get(requested, 0) >= MAX_ASKS
            outcome = await self.missed(requested, reading, dispatcher, tracker, last_chance)
            if outcome.get(REASKED_SLOT) == requested:
                events.append(count_ask(tracker, requested))
            found.update(outcome)
        tracker.slots.update(found)
        return events + [SlotSet(slot, value) for slot, value in found.items()]


def area_facts(reading: Reading, requested: str | None) -> Slots:
    """The area a reading gives: a place it resolved, or "anywhere" as an answer to "where?"."""
    if reading.place is not None:
        return {"area": reading.place.name}
    if reading.anywhere and requested == "area":
        return {"area": ANYWHERE}
    return {}


def missed_area(dispatcher: CollectingDispatcher, reading: Reading, last_chance: bool) -> Slots:
    """Ask again with the closest places, or, the second time, look citywide and online."""
    if last_chance:
        dispatcher.utter_message(text=replies.area_default())
        return {"area": ANYWHERE}
    text, buttons = replies.place_not_found(None, reading.place_suggestions)
    dispatcher.utter_message(text=text, buttons=buttons)
    return {REASKED_SLOT: "area"}


def common_facts(reading: Reading, tracker: Tracker) -> Slots:
    """What any message may add to the search: free, online, a day."""
    found: Slots = {}
    if reading.free:
        found["free_only"] = True
    if reading.online:
        found["online_only"] = True
    day = day_value(reading.days)
    if day:
        found["day"] = day
    return found
