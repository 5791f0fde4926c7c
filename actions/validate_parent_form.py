"""validate_parent_form: the worry, the child's age and the area."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    PARENT_FORM,
    STATING_INTENTS,
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
)
from bot import ages
from bot.form_checks import check_age, check_worry
from bot.worries import stated_worry

ANSWER_INTENTS = ("inform", "nlu_fallback", "affirm", "deny", "parent_help", "greet", "thanks", "feedback")
FORM_ENTITIES = ("worry", "age", "area")


class ValidateParentForm(UsesDirectory, FormValidationAction):
    def name(self) -> str:
        return "validate_parent_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[str]:
        # Over 25 is not a child this service can help; stop asking.
        age = ages.parse_age(tracker.get_slot("child_age"))
        if age is not None and ages.band(age) == ages.OVER_25:
            return ["worry", "child_age"]
        return domain_slots

    def _answer(self, tracker: Tracker, slot: str) -> str | None:
        if is_answering(tracker, PARENT_FORM, slot, ANSWER_INTENTS, FORM_ENTITIES):
            return latest_text(tracker)
        return None

    async def extract_worry(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> Slots:
        text = self._answer(tracker, "worry")
        if text is not None:
            return {"worry": text}
        # A first message often says it all ("my daughter is 14 and wont go
        # to school"); the form would otherwise ask for what it was just told.
        if tracker.get_slot("worry") is None and "worry" not in latest_entities(tracker):
            worry = stated_worry(latest_text(tracker))
            if worry and latest_intent(tracker) in STATING_INTENTS:
                return {"worry": worry}
        return {}

    async def extract_child_age(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        text = self._answer(tracker, "child_age")
        if text is not None:
            return {"child_age": text}
        return stated_age_slot(tracker, "child_age")

    async def extract_area(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> Slots:
        text = self._answer(tracker, "area")
        return {} if text is None else {"area": text}

    async def validate_worry(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        text = latest_text(tracker) if "worry" in latest_entities(tracker) else None
        check = check_worry(value, text)
        say(dispatcher, check)
        return {"worry": check.value} if check.ok else rejected("worry", check)

    async def validate_child_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        text = latest_text(tracker) if "age" in latest_entities(tracker) else None
        check = check_age(text, value)
        say(dispatcher, check)
        return {"child_age": check.value} if check.ok else rejected("child_age", check)

    async def validate_area(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        check = await resolve_area(self.client, tracker, value)
        say(dispatcher, check)
        return {"area": check.value} if check.ok else rejected("area", check)
