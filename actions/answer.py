"""Questions about what was shown: "how much is it", "when is the second one on",
"what's their number", "can I just turn up", "tell me about the first one",
answered from the records of the services last shown (kept by id)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import latest_text
from bot import followups, replies
from bot.directory_client import DirectoryClient, DirectoryError, Reading, Term

logger = logging.getLogger(__name__)


def open_question_about_shown(text: str, reading: Reading | None) -> bool:
    """An open question ("how many people usually go?") that is about the list on screen: it names nothing new
    to search for, or it points back at the list ("do they speak arabic there") and names no place or age."""
    if not followups.open_question(text):
        return False
    if reading is None:
        return True
    names_something = bool(reading.interests or reading.age is not None or reading.place or reading.free)
    return not names_something or (reading.place is None and reading.age is None and followups.refers_back(text))


def of_kind(records: list[dict[str, Any]], terms: list[Term]) -> list[int]:
    """The services shown that are of a kind the question names ("the kickboxing one", "is the art thing
    free"): by their taxonomy terms, a term's children counting as the term."""
    codes = {t.code for t in terms}
    ids = {t.id for t in terms if t.id}
    return [
        index
        for index, record in enumerate(records)
        if any(
            (term := attribute.get("taxonomy_term") or {}).get("code") in codes or term.get("parent_id") in ids
            for attribute in record.get("attributes") or []
        )
    ]


async def answer_about_shown(
    dispatcher: CollectingDispatcher,
    client: DirectoryClient,
    tracker: Tracker,
    fact: str | None,
    reading: Reading | None = None,
) -> bool:
    """Answer a question about the services last shown; False when none were shown. The reading of the
    question, if given, says which kind of service it points at when it names none."""
    ids = [str(i) for i in tracker.get_slot("last_shown_ids") or []]
    if not ids:
        return False
    try:
        records = await asyncio.gather(*(client.service(i) for i in ids))
    except DirectoryError as error:
        logger.warning("directory unavailable for a follow-up: %s %s", type(error).__name__, error.status)
        text, buttons = replies.directory_down()
        dispatcher.utter_message(text=text, buttons=buttons)
        return True
    text = latest_text(tracker)
    index = followups.which(text, [str(r.get("name") or "") for r in records])
    kind = of_kind(records, reading.interests) if index is None and reading is not None else []
    if len(kind) == 1:
        index = kind[0]
    elif kind:
        records = [records[i] for i in kind]
    if fact is None:
        # A question no fact names: the listing's own words about the one meant (the first if none is).
        answer = replies.listing_says(records[index or 0])
    elif index is not None:
        answer = replies.service_fact(records[index], fact)
    elif len(records) == 1 or fact == "detail":
        answer = replies.service_fact(records[0], fact)
    else:
        # "how much is it?" with several on screen: the fact for each, so nobody has to ask five times.
        answer = "\n".join(f"• {replies.service_fact(r, fact)}" for r in records)
    dispatcher.utter_message(text=answer, buttons=replies.REFINE_BUTTONS)
    return True
