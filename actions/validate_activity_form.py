"""validate_activity_form: checks age, interests and area, in any order.

Slots fill from entities on any message (domain mappings); the extract_
methods below add plain answers the NLU found no entity in ("quidditch",
"anywhere", "i live near the park"). Each validate_ method stores a clean
value, or None after saying what to try instead.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    ACTIVITY_FORM,
    Slots,
    UsesDirectory,
    is_answering,
    latest_entities,
    latest_intent,
    latest_text,
    rejected,
    resolve_area,
    say,
    stated_age_slot,
    widened_values,
)
from bot import ages, replies
from bot.form_checks import check_age, check_interests
from bot.interests import means_anything

# Intents whose text can be a plain answer to the question just asked. Others
# (what-is, bot challenge, out of scope, goodbye, crisis...) make the form
# step aside so a rule can answer them first.
ANSWER_INTENTS = ("inform", "nlu_fallback", "affirm", "deny", "find_activity", "greet", "thanks", "feedback")
FORM_ENTITIES = ("age", "interest", "area")


class ValidateActivityForm(UsesDirectory, FormValidationAction):
    def name(self) -> str:
        return "validate_activity_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[str]:
        # Outside 5-25 the form needs less: over 25 gets adult contacts at
        # once; under 5 gets family hubs, which only need the area.
        age = ages.parse_age(tracker.get_slot("age"))
        if age is not None and ages.band(age) == ages.OVER_25:
            return ["age"]
        if age is not None and ages.band(age) == ages.UNDER_5:
            return ["age", "area"]
        return domain_slots

    def _answer(self, tracker: Tracker, slot: str) -> str | None:
        if is_answering(tracker, ACTIVITY_FORM, slot, ANSWER_INTENTS, FORM_ENTITIES):
            return latest_text(tracker)
        return None

    async def extract_interests(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        text = self._answer(tracker, "interests")
        if text is None:
            return {}
        if latest_intent(tracker) == "deny" or means_anything(text):
            return {"interests": []}
        return {"interests": [text]}

    async def extract_age(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> Slots:
        text = self._answer(tracker, "age")
        if text is not None:
            return {"age": text}
        return stated_age_slot(tracker, "age")

    async def extract_area(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> Slots:
        text = self._answer(tracker, "area")
        if text is None:
            return {}
        return {"area": "anywhere" if latest_intent(tracker) == "deny" else text}

    async def validate_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        # The whole message first, when it is the one that gave the age.
        text = latest_text(tracker) if "age" in latest_entities(tracker) else None
        check = check_age(text, value)
        say(dispatcher, check)
        if not check.ok:
            return rejected("age", check)
        if ages.band(check.value) == ages.UNDER_5:
            dispatcher.utter_message(text=replies.under_five())
        return {"age": check.value}

    async def validate_interests(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        check = await check_interests(self.client, value)
        if not check.ok and isinstance(value, list) and "interest" in latest_entities(tracker):
            # The NLU sometimes tags half a name ("youth" of "youth clubs").
            for wider in widened_values(tracker, value):
                retry = await check_interests(self.client, wider)
                if retry.ok:
                    check = retry
                    break
        say(dispatcher, check)
        return {"interests": check.value} if check.ok else rejected("interests", check)

    async def validate_area(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        check = await resolve_area(self.client, tracker, value)
        say(dispatcher, check)
        return {"area": check.value} if check.ok else rejected("area", check)
