"""Questions about the services just shown ("how much is it", "when is the
second one on", "what's their number"): which fact, and which service.

The patterns are data (bot/data/followups.yml); the answers are built only
from the service's own record (bot/replies.py, service_fact).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz

DATA = Path(__file__).resolve().parent / "data" / "followups.yml"
FACTS = ("cost", "phone", "turn_up", "time", "place", "detail")


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, list[re.Pattern[str]]], list[tuple[int, re.Pattern[str]]]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    facts = {kind: [re.compile(p, re.IGNORECASE) for p in data["facts"][kind]] for kind in FACTS}
    ordinals = [
        (int(position), re.compile(r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])", re.IGNORECASE))
        for position, words in data["ordinals"].items()
        for word in words
    ]
    return facts, ordinals


@lru_cache(maxsize=1)
def _question() -> tuple[re.Pattern[str], ...]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    keys = ("question", "search_cue", "refers", "topic_question", "add_listing")
    return tuple(re.compile(data[key], re.IGNORECASE) for key in keys)


def asks_about_topic(text: str) -> bool:
    """A question about how a service works ("how do I get referred", "how long is the wait", "what age is it
    for"), which its explanation answers, rather than a request for something near you."""
    return bool(_question()[3].search(text.replace("\u2019", "'")))


def is_question(text: str) -> bool:
    """A message that asks rather than tells ("any football near L6?", "is it free")."""
    return bool(_question()[0].search(text.strip()))


def about_shown(text: str) -> bool:
    """A question about the list on screen ("is it free?", "do I need to book?", "when is the second one
    on?"), not a new search ("is there anything free?")."""
    if not (fact_asked(text) and is_question(text)):
        return False
    _, search_cue, refers, *_ = _question()
    return not search_cue.search(text) or bool(refers.search(text)) or points_by_position(text)


def points_by_position(text: str) -> bool:
    """Whether a message points at a place in a list ("the second one", "the last one")."""
    _, ordinals = _data()
    return any(pattern.search(text) for _, pattern in ordinals)


# Longer than this, a message is telling something, not asking one thing about the list; shorter ("why?",
# "what?", "how come") it is too unclear to answer with a listing.
OPEN_QUESTION_WORDS = 25
OPEN_QUESTION_MIN_WORDS = 3


def open_question(text: str) -> bool:
    """A question about the list on screen that no fact names ("how many people usually go?", "do parents
    stay?", "do I need to be fast?"): only the listing's own words can answer it, so they are shown with
    the contact. Not a new search ("is there anything else?"), nor a question about a service the bot
    explains ("how long is the CAMHS wait?"). The caller checks that the message names nothing new."""
    if not is_question(text) or asks_about_topic(text):
        return False
    if not OPEN_QUESTION_MIN_WORDS <= len(text.split()) <= OPEN_QUESTION_WORDS:
        return False
    _, search_cue, refers, *_ = _question()
    return not search_cue.search(text) or bool(refers.search(text))


def wants_listing(text: str) -> bool:
    """Whether someone who runs an activity asks for it to be listed ("how do I get us listed on here?")."""
    return bool(_question()[4].search(text.replace("\u2019", "'")))


def asks_for_something(text: str) -> bool:
    """Whether a message asks for something to be found ("anything to get out the house", "is there a club
    near me"), whatever else it says."""
    return bool(_question()[1].search(text))


def refers_back(text: str) -> bool:
    """Whether a message points at something already on screen ("is it", "that one", "the club")."""
    return bool(_question()[2].search(text))


def fact_asked(text: str) -> str | None:
    """Which fact a question asks for: cost, phone, turn_up, time, place or detail; None if none."""
    facts, _ = _data()
    cleaned = text.replace("\u2019", "'")
    # The fact named first is the one asked: "what times are the free sessions" asks when, "is it free on
    # saturdays" how much. Where two start together, the kinds' order decides. Detail, whose words frame
    # other questions too ("does it run in the holidays"), only when no other fact is named.
    found = [
        (kind == "detail", m.start(), order, kind)
        for order, kind in enumerate(FACTS)
        for p in facts[kind]
        if (m := p.search(cleaned))
    ]
    return min(found)[3] if found else None


def which(text: str, names: Sequence[str]) -> int | None:
    """The index of the service a question points at: by position ("the second one") or by name;
    None when it names none (then the caller takes the first)."""
    _, ordinals = _data()
    for position, pattern in ordinals:
        if pattern.search(text) and names:
            index = position - 1 if position > 0 else len(names) + position
            if 0 <= index < len(names):
                return index
    low = text.lower()
    best: tuple[int, float] | None = None
    for index, name in enumerate(names):
        score = fuzz.partial_ratio(name.lower(), low) if len(low) >= 6 else 0.0
        if score >= 85 and (best is None or score > best[1]):
            best = (index, score)
    return best[0] if best else None
