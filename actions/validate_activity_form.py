"""validate_activity_form: age, interests and area, from any message, in any order."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    ACTIVITY_FORM,
    REASKED_SLOT,
    Slots,
    age_slots,
    is_payload,
    latest_text,
    say,
    speaker_of,
    user_texts,
)
from actions.reading_form import ReadingForm, area_facts, missed_area
from bot import ages, people, replies, worries
from bot.directory_client import Reading

# Support terms that are themselves a place to belong.
BELONGING_SUPPORT = ("peer_support", "mentoring", "bereavement")
# Shown beside support to a young person with nothing in mind: a place to belong comes first.
YOUTH_CLUB = "youth_club"


def interest_codes(reading: Reading, speaker: str, requested: str | None) -> list[str]:
    """The interests a reading gives the search, for who is talking and the question asked."""
    if speaker != people.YOUNG_PERSON:
        return list(reading.codes)
    # "i'm lonely" names mental health support; to a young person, belonging comes first (the feeling was
    # answered already): groups and activities, unless they ask for a service ("camhs").
    wanted = [
        t for t in reading.interests if t.kind != "support" or t.code in BELONGING_SUPPORT or worries.asked_for(t)
    ]
    if requested != "interests":
        # "bored", "want to make friends": the question of what they are into is still to ask.
        wanted = [t for t in wanted if not worries.situation_only(t)]
    return [t.code for t in wanted]


class ValidateActivityForm(ReadingForm):
    EXPECT = {"age": "age", "interests": "interests", "area": "area"}

    def name(self) -> str:
        return "validate_activity_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[str]:
        # Outside 5-25 the form needs less: over 25 gets adult contacts at once; under 5 gets family hubs,
        # which only need the area. An age someone would not give is never guessed: the form ends without it.
        age = ages.whole_years(tracker.get_slot("age"))
        if age is not None and ages.band(age) == ages.OVER_25:
            return ["age"]
        if age is not None and ages.band(age) == ages.UNDER_5:
            return ["age", "area"]
        if age is None and tracker.get_slot("age_declined"):
            return [s for s in domain_slots if s != "age"]
        return domain_slots

    def facts(self, reading: Reading, tracker: Tracker, requested: str | None) -> Slots:
        found: Slots = {}
        if reading.age is not None:
            # An implausible age is left to validate_age, which asks again.
            found.update(age_slots(reading) or {"age": reading.age, "age_to": None})
        speaker = speaker_of(tracker)
        codes = interest_codes(reading, speaker, requested)
        if speaker == people.YOUNG_PERSON and not is_payload(text := latest_text(tracker)):
            codes += [code for code in people.groups_for(people.feelings(text)) if code not in codes]
        if codes:
            found["interests"] = codes
        elif reading.anything and requested == "interests" and not reading.unsure:
            # "not sure" is left to missed(): one more ask, with ideas, then a mix, said so.
            found["interests"] = _no_preference(tracker)
        return found | area_facts(reading, requested)

    async def missed(
        self, slot: str, reading: Reading, dispatcher: CollectingDispatcher, tracker: Tracker, last_chance: bool
    ) -> Slots:
        for_whom = speaker_of(tracker)
        if slot == "interests":
            if last_chance:
                codes = _no_preference(tracker)
                support = for_whom == people.YOUNG_PERSON and bool(codes)
                say(dispatcher, replies.interests_default(for_whom, with_support=support))
                return {"interests": codes}
            if reading.unsure:
                text, buttons = replies.interests_unsure(for_whom)
                say(dispatcher, text, buttons)
                return {REASKED_SLOT: slot}
            suggestions = [(t.name, t.code) for t in reading.interest_suggestions]
            text, buttons = replies.interests_not_found(reading.unknown, suggestions)
            say(dispatcher, text, buttons)
        elif slot == "area":
            return missed_area(dispatcher, reading, last_chance)
        elif slot == "age":
            # Not asked again and never guessed: the list that follows holds only groups for under-18s, with
            # age-band buttons to narrow it (actions/recommend.py), so nothing adults attend reaches a child.
            return {"age_declined": True}
        else:
            return {}
        return {REASKED_SLOT: slot}

    async def validate_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        age = ages.whole_years(value)
        if age is None or not ages.plausible(age):
            text, buttons = replies.age_not_understood(speaker_of(tracker))
            say(dispatcher, text, buttons)
            return {"age": None, REASKED_SLOT: "age"}
        # Validation runs only for a slot set this turn, so this is said once.
        if ages.band(age) == ages.UNDER_5:
            dispatcher.utter_message(text=replies.under_five())
        return {"age": age}

    async def validate_interests(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Slots:
        if value is None:
            return {"interests": None}
        codes = [str(v) for v in (value if isinstance(value, list) else [value]) if str(v).strip()]
        return {"interests": codes}



def _no_preference(tracker: Tracker) -> list[str]:
    """What "anything" means: support like the service a parent or professional asked about earlier (they
    asked what Kooth is: counselling); for a young person who said how they feel ("i get picked on"), friendly
    groups and support for that; otherwise a mix (no codes)."""
    if speaker_of(tracker) == people.YOUNG_PERSON:
        support = people.support_for([t for t in user_texts(tracker) if not is_payload(t)])
        return [*support, YOUTH_CLUB] if support else []
    return worries.topic_codes(tracker.get_slot("topic"))


__all__ = ["ACTIVITY_FORM", "ValidateActivityForm"]
