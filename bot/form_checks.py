"""Checks behind the forms' validate_<slot> methods, independent of rasa-sdk.

Each check returns a Check: the value to store, or None plus a helpful
message (and buttons) explaining what to try instead. If the directory is
down, the place and interest checks keep what the person said (a full
postcode still reduced to its district) so the conversation can go on;
action_recommend then apologises and offers helplines.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from bot import replies
from bot.ages import parse_age
from bot.areas import ANYWHERE, means_anywhere, place_phrase, reduce_postcode
from bot.directory_client import DirectoryClient, DirectoryError, PlaceNotFound, codes
from bot.interests import interest_phrase, means_anything
from bot.worries import normalise_worry

# The directory's /places/resolve takes at most 100 characters; the longest place name is far shorter.
MAX_PLACE_CHARS = 80

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Check:
    value: Any
    message: str | None = None
    buttons: list[dict[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.value is not None


def check_age(*candidates: Any) -> Check:
    """The first candidate that reads as an age (whole message text first,
    so "im 14 nearly 15" wins over an entity that grabbed "15")."""
    for candidate in candidates:
        age = parse_age(candidate)
        if age is not None and 0 <= age <= 120:
            return Check(age)
    return Check(None, replies.age_not_understood())


async def check_area(client: DirectoryClient, value: Any) -> Check:
    text = " ".join(str(v) for v in value) if isinstance(value, list) else str(value or "")
    if not text.strip():
        return Check(None)
    if text == ANYWHERE or means_anywhere(text):
        return Check(ANYWHERE)
    phrase = place_phrase(text)
    if not phrase:
        return Check(None)
    if len(phrase) > MAX_PLACE_CHARS:
        # No place name is this long: a pasted paragraph. Ask again without quoting it back.
        return Check(None, *replies.place_not_found(None, []))
    try:
        place = await client.resolve_place(phrase)
    except PlaceNotFound as error:
        message, buttons = replies.place_not_found(phrase, error.suggestions)
        return Check(None, message, buttons)
    except DirectoryError as error:
        logger.warning("directory unavailable while resolving a place: %s %s", type(error).__name__, error.status)
        return Check(reduce_postcode(phrase))
    return Check(place.name)


async def check_interests(client: DirectoryClient, values: Any) -> Check:
    if values is None:
        return Check(None)
    items = [str(v) for v in (values if isinstance(values, list) else [values]) if str(v).strip()]
    if not items or all(means_anything(v) for v in items):
        return Check([])
    phrases = [interest_phrase(v) for v in items if not means_anything(v)]
    try:
        # /interests/resolve reads at most 300 characters: more is a paragraph, not a list of interests.
        match = await client.resolve_interests(", ".join(phrases)[:300])
    except DirectoryError as error:
        logger.warning("directory unavailable while resolving interests: %s %s", type(error).__name__, error.status)
        return Check(phrases)
    if match.terms:
        return Check(codes(match.terms))
    suggestions = [(t.name, t.code) for t in match.suggestions]
    message, buttons = replies.interests_not_found(match.unknown or phrases, suggestions)
    return Check(None, message, buttons)


def check_worry(*candidates: Any) -> Check:
    for candidate in candidates:
        worry = normalise_worry(candidate)
        if worry:
            return Check(worry)
    text, buttons = replies.ask_worry()
    return Check(None, replies.worry_not_understood(), buttons)
