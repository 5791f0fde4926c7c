"""Help for parents, carers and professionals: which worry a reading names,
and what to search for it. The table is data: bot/data/worries.yml."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.directory_client import Term

DATA = Path(__file__).resolve().parent / "data" / "worries.yml"
# The names each topic goes by, as the NLU's synonyms normalise them ("cahms", "place 2 be").
NLU_SYNONYMS = Path(__file__).resolve().parents[1] / "data" / "nlu" / "synonyms.yml"
# Searched when the worry is not one of ours: help for the family, and somewhere for the child to belong.
GENERAL_SUPPORT = ("parenting_support", "family_hub")
GENERAL_ACTIVITIES = ("youth_club",)


@dataclass(frozen=True)
class Worry:
    key: str
    label: str
    codes: tuple[str, ...]
    support: tuple[str, ...]
    activities: tuple[str, ...]
    # Asked for by families: someone who has not said who they are is a parent or carer.
    for_families: bool = False
    # How the child seems (anxious, low, not going to school), not what happened to them (a death, bullying):
    # a worry read from what happened names the help better.
    how_they_seem: bool = False
    # Its own service leads the support listed (family hubs, bullying support, bereavement groups), the wider
    # support after; otherwise all its support is searched as one (SEND's parents' groups beside inclusive
    # activities, mental health support near and online).
    leads: bool = False


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Worry], list[tuple[str, str]], frozenset[str], frozenset[str], frozenset[str]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    worries = {
        key: Worry(
            key, w["label"], tuple(w["codes"]), tuple(w["support"]), tuple(w["activities"]),
            bool(w.get("for_families", False)), bool(w.get("how_they_seem", False)), bool(w.get("leads", False)),
        )
        for key, w in data["worries"].items()
    }
    return (
        worries,
        [(title, key) for title, key in data["buttons"]],
        frozenset(data["ordinary_words"]),
        frozenset(data["feeling_words"]),
        frozenset(data["situation_words"]),
    )


def worries() -> dict[str, Worry]:
    return _load()[0]


def buttons() -> list[tuple[str, str]]:
    return _load()[1]


def named(terms: Iterable[Term]) -> str | None:
    """The worry the terms of a reading name: a service asked for by name in the table's order, else what
    happened before how the child seems; None if none. A term named only by the speaker's own feeling
    ("worried about my son") names no worry."""
    # A service asked for by name ("where's the nearest family hub") comes before one read from a feeling told
    # beside it ("isolated"), whatever the table's order.
    said = meant(terms)
    table = list(worries().values())
    asked = {t.code for t in said if asked_for(t)}
    if key := next((w.key for w in table if asked & set(w.codes)), None):
        return key
    codes = {t.code for t in said}
    return rather(*(w.key for w in table if codes & set(w.codes)))


def rather(*keys: str | None) -> str | None:
    """Of the worries named, the one to answer: what happened ("since me and his dad split", "since his dad
    died") before how the child seems ("really angry", "withdrawn"); otherwise the first named."""
    known = [k for k in keys if get(k)]
    return min(known, key=lambda k: get(k).how_they_seem, default=None)


def meant(terms: Iterable[Term]) -> list[Term]:
    """The terms named by more than the speaker's own feeling ("worried about my son" names none)."""
    ordinary = _load()[2]
    return [t for t in terms if not t.words or any(w not in ordinary for w in t.words)]


@lru_cache(maxsize=1)
def _topics() -> dict[str, tuple[str, ...]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return {key: tuple(codes) for key, codes in (data.get("topics") or {}).items()}


@lru_cache(maxsize=1)
def _topic_names() -> list[tuple[re.Pattern[str], str]]:
    names: dict[str, set[str]] = {topic: {topic.replace("_", " ")} for topic in _topics()}
    for entry in yaml.safe_load(NLU_SYNONYMS.read_text(encoding="utf-8")).get("nlu") or []:
        topic = str(entry.get("synonym") or "")
        if topic in names:
            names[topic].update(line.lstrip("- ").strip().lower() for line in str(entry["examples"]).splitlines())
    return [
        (re.compile(r"\b" + re.escape(name) + r"\b"), topic) for topic, words in names.items() for name in words if name
    ]


def topics_named(text: str) -> list[str]:
    """The services the bot explains that a message names ("how long is the wait for CAMHS"), in the order
    named: a reading that needs no classifier."""
    low = text.lower()
    found = sorted((m.start(), topic) for pattern, topic in _topic_names() if (m := pattern.search(low)))
    return list(dict.fromkeys(topic for _, topic in found))


# "what's the difference between Kooth and CAMHS", "is kooth better than camhs": every one named is asked about.
_COMPARES = re.compile(r"\b(?:difference|differ|differs|compare|compared|comparing|comparison|versus|vs|better)\b")


def compares(text: str) -> bool:
    """Whether a message asks how the services it names compare."""
    return bool(_COMPARES.search(text.lower()))


# "what's kooth", "wat is a family hub", "what are wellbeing ambassadors": a what-is question, in a longer
# message too ("whats kooth and does it cost anything"). Not "what's the nearest family hub": a search.
_WHAT_IS = re.compile(r"\b(?:what|wat|wot|wht)(?:'s|s| is| are| r|'re| even is) (?:a |an |the |this |these )?$")


def asks_what_it_is(text: str) -> bool:
    """Whether a message asks what one of the services the bot explains is, by name."""
    low = text.lower().replace("\u2019", "'")
    return any(_WHAT_IS.search(low[: m.start()]) for pattern, _ in _topic_names() for m in pattern.finditer(low))


def topic_codes(topic: str | None) -> list[str]:
    """The kinds of support a service the bot explains stands for ("kooth" -> counselling...); [] if none."""
    return list(_topics().get(topic or "", ()))


def is_worry(term: Term) -> bool:
    """Whether a worry stands for the term (send_inclusive, counselling...): asked for alone, it is help."""
    return any(term.code in w.codes for w in worries().values())


def for_families(terms: Iterable[Term]) -> bool:
    """Whether the terms ask for a service families use (a family hub, parenting support) by name, not by
    a hard time told ("my parents are splitting up" is a young person's, not a parent's)."""
    found = {t.code for t in meant(terms) if asked_for(t)}
    return any(w.for_families and found & set(w.codes) for w in worries().values())


def get(key: str | None) -> Worry | None:
    return worries().get(key or "")


def situation_only(term: Term) -> bool:
    """Named only by how someone is ("bored", "want to make friends"), not by what they would like to do."""
    situation = _load()[4]
    return bool(term.words) and all(w.lower() in situation for w in term.words)


def asked_for(term: Term) -> bool:
    """A support service asked for by name ("camhs", "someone to talk to"), not a feeling ("anxious")."""
    feeling = _load()[3]
    return not term.words or any(w not in feeling for w in term.words)
