"""validate_parent_form: what a parent, carer or professional needs help with,
and where. The child's age is kept when given, never asked for here: it does
not change where to get help (it does for activities, which the activity form
asks about)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import REASKED_SLOT, Slots, age_slots, asked_counts, is_payload, latest_text, say, speaker_of
from actions.reading_form import MAX_ASKS, ReadingForm, area_facts, missed_area
from bot import ages, replies, worries
from bot.directory_client import Reading


class ValidateParentForm(ReadingForm):
    EXPECT = {"area": "area", "child_age": "age"}

    def name(self) -> str:
        return "validate_parent_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[str]:
        # Not given twice: the search goes on without it (help is not withheld for want of an age).
        if tracker.get_slot("child_age") is None and asked_counts(tracker).get("child_age", 0) >= MAX_ASKS:
            return [s for s in domain_slots if s != "child_age"]
        return domain_slots

    def facts(self, reading: Reading, tracker: Tracker, requested: str | None) -> Slots:
        found: Slots = {}
        entities = (tracker.latest_message or {}).get("entities") or []
        button = next((e.get("value") for e in entities if e.get("entity") == "worry"), None)
        read = worries.named(reading.interests)
        worry = button if worries.get(button) else read
        if read and not is_payload(latest_text(tracker)):
            # "withdrawn since his dad died": the classifier hears how the child seems (low mood), the reading
            # what happened (a death). What happened names the help; a button pressed is a choice.
            worry = worries.rather(worry, read)
        if worry:
            found["worry"] = worry
        elif requested == "worry" and (named_terms := worries.meant(reading.interests)):
            # Named something we have no worry for ("football"): search for what they named.
            found["worry"] = named_terms[0].code
        if reading.age is not None:
            found["child_age"] = reading.age
            # Two ages ("they're 8 and 11"): the groups shown must suit both.
            found["age_to"] = age_slots(reading).get("age_to")
        return found | area_facts(reading, requested)

    async def missed(
        self, slot: str, reading: Reading, dispatcher: CollectingDispatcher, tracker: Tracker, last_chance: bool
    ) -> Slots:
        if slot == "worry":
            if last_chance:
                say(dispatcher, replies.worry_default())
                return {"worry": "general"}
            text, buttons = replies.ask_worry(again=True)
            say(dispatcher, text, buttons)
        elif slot == "child_age":
            if last_chance:
                return {}
            text, buttons = replies.age_not_understood(speaker_of(tracker))
            say(dispatcher, text, buttons)
        elif slot == "area":
            return missed_area(dispatcher, reading, last_chance)
        else:
            return {}
        return {REASKED_SLOT: slot}

    async def validate_worry(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        return {"worry": str(value) if value else None}

    async def validate_child_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        age = ages.whole_years(value)
        return {"child_age": age if age is not None and ages.plausible(age) else None}

