"""The forms' questions (action_ask_<slot>).

They are actions rather than utter_ask_ responses so that a question is not
asked twice in one turn: when validate_<slot> has just asked again with
suggestions, its buttons stay the last thing on screen.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import PARENT_FORM, about_child, active_form, reasked_this_turn, sounds_lonely
from bot import replies


class AskSlot(Action, ABC):
    slot: str

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    @abstractmethod
    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        """The question and its quick replies."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if not reasked_this_turn(tracker, self.slot):
            text, buttons = self.question(tracker)
            dispatcher.utter_message(text=text, buttons=buttons or None)
        return []


class ActionAskInterests(AskSlot):
    slot = "interests"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        return replies.ask_interests(for_child=about_child(tracker), lonely=sounds_lonely(tracker))


class ActionAskAge(AskSlot):
    slot = "age"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        return replies.ask_age(for_child=about_child(tracker)), []


class ActionAskArea(AskSlot):
    slot = "area"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        return replies.ask_area(for_parent=active_form(tracker) == PARENT_FORM or about_child(tracker))


class ActionAskWorry(AskSlot):
    slot = "worry"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        return replies.ask_worry()


class ActionAskChildAge(AskSlot):
    slot = "child_age"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        return replies.ask_child_age(), []
