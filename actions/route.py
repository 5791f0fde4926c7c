"""action_route: the first reading of a message outside a form, and where it leads.

Rasa's NLU says what the person wants (the intent); the directory's reading says
what facts they gave; bot/people.py says who is talking and what they feel.
From those: a question about the services just shown is answered; a question
naming a kind of place and an area is searched at once; a parent, carer or
professional who names the help they need goes straight to it; everyone else
goes to the activity form, which takes every fact already given. A young person
who said how they feel hears that first.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import answer_about_shown
from actions.common import (
    ACTIVITY_FORM,
    PARENT_FORM,
    UsesDirectory,
    is_payload,
    latest_intent,
    latest_text,
    read_message,
)
from actions.recommend import present
from bot import ages, followups, people, replies, worries
from bot.directory_client import Reading
from bot.search import Search

NOT_UNDERSTOOD_STARTS = ("Sorry, I didn't quite get that", "I'm still not getting it")


def _last_bot_text(tracker: Tracker) -> str:
    """What the bot said just before this message."""
    users_seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen > 1:
                return ""
        elif event.get("event") == "bot" and users_seen == 1:
            return str(event.get("text") or "")
    return ""


def _has_facts(reading: Reading | None) -> bool:
    return bool(reading and (reading.interests or reading.age is not None or reading.place or reading.free))


def _wants_help(reading: Reading | None, intent: str | None, speaker: str) -> bool:
    """A parent, carer or professional asking for help rather than for an activity."""
    if speaker == people.YOUNG_PERSON:
        return False
    activities = [t for t in (reading.interests if reading else []) if t.kind == "activity"]
    if activities:
        return False
    named = worries.named(reading.codes) if reading else None
    return bool(named) or intent == "parent_help"


class ActionRoute(UsesDirectory, Action):
    def name(self) -> str:
        return "action_route"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text, intent = latest_text(tracker), latest_intent(tracker)
        payload = is_payload(text)
        said = None if payload else people.speaker(text, tracker.get_slot("speaker"))
        speaker = said or tracker.get_slot("speaker") or people.YOUNG_PERSON
        if intent == "parent_help" and said is None and speaker == people.YOUNG_PERSON:
            # "I'm a parent or carer" (the button), or a worry with no "I" or "my son" in it.
            speaker = people.PARENT
        events: list[EventType] = [SlotSet("speaker", speaker)]
        reading = await read_message(self.client, tracker)
        fact = None if payload else followups.fact_asked(text)

        if fact and reading is not None and reading.codes and reading.place is not None:
            # "what time does the youth club in kirkdale open": search now, with the times on the cards.
            search = Search(
                age=ages.whole_years(tracker.get_slot("age")),
                interests=tuple(reading.codes),
                area=reading.place.name,
                free=reading.free,
            )
            return events + await present(dispatcher, self.client, search)
        if (fact or intent == "ask_about_service") and not _has_facts(reading):
            if await answer_about_shown(dispatcher, self.client, tracker, fact):
                return events
            if intent == "ask_about_service":
                text_, buttons = replies.nothing_shown_yet()
                dispatcher.utter_message(text=text_, buttons=buttons)
                return events

        if _wants_help(reading, intent, speaker):
            return events + [FollowupAction(PARENT_FORM)]

        feelings = [] if payload else people.feelings(text)
        if speaker == people.YOUNG_PERSON and (ack := replies.acknowledge(feelings)):
            dispatcher.utter_message(text=ack)
        elif intent == "nlu_fallback" and not _has_facts(reading) and not feelings:
            again = _last_bot_text(tracker).startswith(NOT_UNDERSTOOD_STARTS)
            text_, buttons = replies.not_understood(again)
            dispatcher.utter_message(text=text_, buttons=buttons)
            return events
        return events + [FollowupAction(ACTIVITY_FORM)]
