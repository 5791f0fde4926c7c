"""Small helpers shared by the actions (no Action classes here)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.ages import stated_age
from bot.areas import widened
from bot.directory_client import DirectoryClient
from bot.form_checks import Check, check_area

ACTIVITY_FORM = "activity_form"
PARENT_FORM = "parent_form"
REASKED_SLOT = "reasked_slot"

Slots = dict[str, Any]

# Intents whose message may state facts the NLU did not tag as entities.
STATING_INTENTS = ("find_activity", "inform", "parent_help")

# Someone asking on a child's behalf: the form's questions say "your child".
_ABOUT_CHILD = re.compile(
    r"\b(?:my|our|for\s+(?:my|our))\s+(?:little\s+|eldest\s+|youngest\s+|step\s*)?"
    r"(?:son|daughter|kid|kids|child|children|boy|girl|lad|grandson|granddaughter|grandkids?|nephew|niece|"
    r"teen|teenager|little\s+one|\d{1,2}\s*(?:yo|y/o|yr|year)s?(?:\s*old)?)\b",
    re.IGNORECASE,
)
# Lonely, new to the area, or shy: worth a kind word before the first question.
_LONELY = re.compile(
    r"\b(?:lonely|alone|on\s+my\s+own|no\s+(?:friends|mates)|(?:don'?t|dont|do\s+not)\s+(?:have\s+any\s+)?"
    r"(?:friends|mates|know\s+any\s*(?:one|body))|(?:just\s+)?moved|new\s+(?:to|here|in)|shy|"
    r"make\s+(?:new\s+)?friends|meet\s+(?:new\s+)?people|nobody\s+to)\b",
    re.IGNORECASE,
)


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


def latest_entities(tracker: Tracker) -> set[str]:
    return {e.get("entity") for e in (tracker.latest_message or {}).get("entities") or []}


def active_form(tracker: Tracker) -> str | None:
    return (tracker.active_loop or {}).get("name")


def is_answering(tracker: Tracker, form: str, slot: str, intents: Iterable[str], entities: Iterable[str]) -> bool:
    """True when the latest message is a plain answer to `slot` in `form`:
    the form asked for it, the intent is one that answers questions, and the
    NLU found none of the form's entities (those fill slots by themselves)."""
    return (
        active_form(tracker) == form
        and tracker.get_slot("requested_slot") == slot
        and latest_intent(tracker) in set(intents)
        and not (latest_entities(tracker) & set(entities))
        and bool(latest_text(tracker).strip())
    )


class UsesDirectory:
    """Mixin: a DirectoryClient from the environment unless one is given
    (tests pass one pointing at a test directory, or with injected faults)."""

    def __init__(self, client: DirectoryClient | None = None) -> None:
        self.client = client or DirectoryClient()


def say(dispatcher: CollectingDispatcher, check: Check) -> None:
    """Send a check's explanation (and its quick replies), if it has one."""
    if check.message:
        dispatcher.utter_message(text=check.message, buttons=check.buttons or None)


def rejected(slot: str, check: Check) -> Slots:
    """{slot: None}, marking the slot as re-asked if the check explained why,
    so the form's own question is not sent straight after."""
    return {slot: None, REASKED_SLOT: slot} if check.message else {slot: None}


def user_texts(tracker: Tracker) -> list[str]:
    """What the person has typed this session, oldest first."""
    texts: list[str] = []
    for event in tracker.events:
        if event.get("event") == "session_started":
            texts = []
        elif event.get("event") == "user" and event.get("text"):
            texts.append(str(event["text"]))
    return texts


def about_child(tracker: Tracker) -> bool:
    """True when someone is asking for their child rather than for themselves."""
    return any(_ABOUT_CHILD.search(text) for text in user_texts(tracker))


def sounds_lonely(tracker: Tracker) -> bool:
    return bool(_LONELY.search(latest_text(tracker)))


def stated_age_slot(tracker: Tracker, slot: str) -> Slots:
    """{slot: age} when a sentence states an age the NLU did not tag."""
    if tracker.get_slot(slot) is not None or "age" in latest_entities(tracker):
        return {}
    if latest_intent(tracker) not in STATING_INTENTS:
        return {}
    age = stated_age(latest_text(tracker))
    return {} if age is None else {slot: age}


def widened_values(tracker: Tracker, values: list[Any]) -> list[list[str]]:
    """Each way of lengthening one value by a word of the message around it."""
    text = latest_text(tracker)
    options: list[list[str]] = []
    for i, value in enumerate(values):
        for wider in widened(text, str(value)):
            options.append([*map(str, values[:i]), wider, *map(str, values[i + 1 :])])
    return options


async def resolve_area(client: DirectoryClient, tracker: Tracker, value: Any) -> Check:
    """check_area, retrying a place name the NLU cut short ("swan" of "old swan")."""
    check = await check_area(client, value)
    if check.ok or not isinstance(value, str) or "area" not in latest_entities(tracker):
        return check
    for wider in widened(latest_text(tracker), value):
        retry = await check_area(client, wider)
        if retry.ok:
            return retry
    return check
