"""Small helpers shared by the actions (no Action classes here)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.directory_client import DirectoryClient
from bot.form_checks import Check

ACTIVITY_FORM = "activity_form"
PARENT_FORM = "parent_form"
REASKED_SLOT = "reasked_slot"

Slots = dict[str, Any]


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
