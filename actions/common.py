"""Small helpers shared by the actions (no Action classes here).

Every fact in a message (age, interests, place, free, days) comes from one
reading: the directory's GET /understand (bot.directory_client.Reading). Who is
talking and what they feel come from bot/people.py. A button's payload carries
its facts as entities, which are its reading.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import ages, people
from bot.directory_client import DirectoryClient, DirectoryError, Place, Reading, Term

logger = logging.getLogger(__name__)

ACTIVITY_FORM = "activity_form"
PARENT_FORM = "parent_form"
REASKED_SLOT = "reasked_slot"
ASKED_SLOT = "asked"

Slots = dict[str, Any]

# Intents whose message answers the question just asked, or misses it (asked again, then a default).
ANSWER_INTENTS = frozenset(
    {"inform", "nlu_fallback", "affirm", "deny", "find_activity", "parent_help", "greet", "thanks", "feedback"}
)
# Never an answer: the form steps aside and a rule answers them. Any other intent ("he likes trains and
# computers" read as out of scope, "idk maybe gaming or smth" as a refinement) is an answer when the reading
# finds a fact the form needs, and is left to its rule when it finds none.
NEVER_ANSWERS = frozenset({"crisis", "ask_what_is", "goodbye"})
# HSDS day codes to the search's day values.
WEEKEND = frozenset({"SA", "SU"})
WEEKDAYS = frozenset({"MO", "TU", "WE", "TH", "FR"})
DAY_VALUES = {"MO": "mon", "TU": "tue", "WE": "wed", "TH": "thu", "FR": "fri", "SA": "sat", "SU": "sun"}


def events_since_user(tracker: Tracker) -> list[dict[str, Any]]:
    """Events after the latest user message, oldest first."""
    found: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        found.append(event)
    found.reverse()
    return found


def reasked_this_turn(tracker: Tracker, slot: str) -> bool:
    return any(
        e.get("event") == "slot" and e.get("name") == REASKED_SLOT and e.get("value") == slot
        for e in events_since_user(tracker)
    )


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message or {}).get("intent", {}).get("name")


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def active_form(tracker: Tracker) -> str | None:
    return (tracker.active_loop or {}).get("name")


def is_payload(text: str) -> bool:
    return text.startswith("/")


class UsesDirectory:
    """Mixin: a DirectoryClient from the environment unless one is given
    (tests pass one pointing at a test directory, or with injected faults)."""

    def __init__(self, client: DirectoryClient | None = None) -> None:
        self.client = client or DirectoryClient()


def age_slots(reading: Reading | None) -> Slots:
    """The age a reading gives, as the age slots: a school year is two ages (bot/ages.py), so are two ages
    given for a group or siblings ("aged 14 to 16"); else one."""
    if reading is None or reading.age is None or not ages.plausible(reading.age):
        return {}
    low, high = ages.school_year_range(reading.age, reading.school_year)
    if reading.age_to is not None and ages.plausible(reading.age_to):
        high = max(high, reading.age_to)
    return {"age": low, "age_to": high if high > low else None}


def _payload_reading(tracker: Tracker) -> Reading:
    """A button's entities as a reading: {"interest": "football"}, {"area": "Anfield"}, {"age": 14}."""
    interests: list[Term] = []
    place: Place | None = None
    age: int | None = None
    anywhere = False
    for entity in (tracker.latest_message or {}).get("entities") or []:
        name, value = entity.get("entity"), entity.get("value")
        if name == "interest" and isinstance(value, str) and value.strip():
            interests.append(Term(code=value.strip(), name=value.strip()))
        elif name == "area" and isinstance(value, str) and value.strip():
            if value.strip().lower() == "anywhere":
                anywhere = True
            else:
                place = Place(name=value.strip(), kind="")
        elif name == "age" and isinstance(value, (int, float, str)) and str(value).strip().isdigit():
            age = int(str(value).strip())
    return Reading(age=age, interests=interests, place=place, anywhere=anywhere)


async def read_message(client: DirectoryClient, tracker: Tracker, expect: str | None = None) -> Reading | None:
    """The facts in the latest message, read once by the directory; None when there is no text or the
    directory cannot be reached (the conversation goes on; the search then apologises)."""
    text = latest_text(tracker).strip()
    if not text:
        return None
    if is_payload(text):
        return _payload_reading(tracker)
    try:
        return await client.understand(people.without_introductions(text), expect)
    except DirectoryError as error:
        # Class and status only: the message may echo what the person typed.
        logger.warning("directory unavailable while reading a message: %s %s", type(error).__name__, error.status)
        return None


def day_value(days: list[str]) -> str | None:
    """HSDS day codes as the search's day: weekend, weekday or one day."""
    found = set(days)
    if not found:
        return None
    if found == WEEKEND:
        return "weekend"
    if found == WEEKDAYS:
        return "weekday"
    return DAY_VALUES.get(sorted(found, key=list(DAY_VALUES).index)[0])


def speaker_of(tracker: Tracker) -> str:
    """Who is talking: the latest message that says so, else the slot, else the conversation so far
    (a what-is question "...for my son" never passed through a form), else a young person."""
    text = latest_text(tracker)
    known = tracker.get_slot("speaker")
    said = None if is_payload(text) else people.speaker(text, known)
    texts = [t for t in user_texts(tracker) if not is_payload(t)]
    return said or known or people.speaker_in(texts) or people.YOUNG_PERSON


def asker_of(tracker: Tracker) -> str:
    """Who a question is worded for: who is talking, or, when they were only taken for a young person
    and nothing has said so ("any tennis for 10 year olds?"), anyone (people.UNSAID)."""
    speaker = speaker_of(tracker)
    if speaker != people.YOUNG_PERSON:
        return speaker
    texts = [t for t in user_texts(tracker) if not is_payload(t)]
    return speaker if people.said_in(texts) else people.UNSAID


def asked_counts(tracker: Tracker) -> dict[str, int]:
    value = tracker.get_slot(ASKED_SLOT)
    return {str(k): int(v) for k, v in value.items()} if isinstance(value, dict) else {}


def count_ask(tracker: Tracker, slot: str) -> EventType:
    """One more time this question was asked (the forms never ask a third time)."""
    counts = asked_counts(tracker)
    counts[slot] = counts.get(slot, 0) + 1
    tracker.slots[ASKED_SLOT] = counts
    return SlotSet(ASKED_SLOT, counts)


def say(dispatcher: CollectingDispatcher, text: str | None, buttons: list[dict[str, str]] | None = None) -> None:
    if text:
        dispatcher.utter_message(text=text, buttons=buttons or None)


def user_texts(tracker: Tracker) -> list[str]:
    """What the person has typed this session, oldest first."""
    texts: list[str] = []
    for event in tracker.events:
        if event.get("event") == "session_started":
            texts = []
        elif event.get("event") == "user" and event.get("text"):
            texts.append(str(event["text"]))
    return texts


# One message is answered with at most this many explanations of services (CAMHS, Kooth...).
MAX_TOPICS = 2


def what_is_reply(domain: dict[str, Any], topic: str) -> tuple[str, list[dict[str, Any]]]:
    """utter_what_is for `topic`, from the domain: the one place its facts are written."""
    for variant in (domain.get("responses") or {}).get("utter_what_is") or []:
        conditions = variant.get("condition") or []
        if any(c.get("name") == "topic" and c.get("value") == topic for c in conditions):
            return str(variant.get("text") or ""), list(variant.get("buttons") or [])
    return "", []
