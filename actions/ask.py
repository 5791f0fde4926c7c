"""The forms' questions (action_ask_<slot>), worded for who is talking.

They are actions rather than utter_ask_ responses so that a question is not
asked twice in one turn (a re-ask with suggestions stays the last thing on
screen) and so that each ask is counted: no question is asked a third time.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import asker_of, count_ask, reasked_this_turn, speaker_of
from bot import replies


class AskSlot(Action, ABC):
    slot: str

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    @abstractmethod
    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        """The question and its quick replies."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if reasked_this_turn(tracker, self.slot):
            return []
        text, buttons = self.question(tracker)
        dispatcher.utter_message(text=text, buttons=buttons or None)
        return [count_ask(tracker, self.slot)]


class ActionAskInterests(AskSlot):
    slot = "interests"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        return replies.ask_interests(asker_of(tracker))


class ActionAskAge(AskSlot):
    slot = "age"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        return replies.ask_age(asker_of(tracker)), []


class ActionAskArea(AskSlot):
    slot = "area"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        return replies.ask_area(speaker_of(tracker))


class ActionAskWorry(AskSlot):
    slot = "worry"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        return replies.ask_worry()


class ActionAskChildAge(AskSlot):
    slot = "child_age"

    def question(self, tracker: Tracker) -> tuple[str, list[dict[str, str]]]:
        return replies.ask_age(speaker_of(tracker)), []
