"""Who is talking (a young person, a parent or carer, a professional) and what
they say they feel, read from how they speak. The patterns are data:
bot/data/people.yml.

Facts (age, interests, place) are not read here: the directory's /understand
is their one reading.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from directory.search.ages import SCHOOL_YEAR
from directory.search.loss import LOSS
from directory.search.text import fold, words

DATA = Path(__file__).resolve().parent / "data" / "people.yml"

YOUNG_PERSON = "young_person"
PARENT = "parent"
PROFESSIONAL = "professional"
SPEAKERS = (PROFESSIONAL, PARENT, YOUNG_PERSON)
# Taken for a young person, as most people are, but nothing said so: questions are worded for anyone.
UNSAID = "unsaid"



Table = dict[str, list[re.Pattern[str]]]


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[Table, Table, Table]:
    data = _data()

    def compiled(table: dict[str, list[str]]) -> Table:
        return {name: [re.compile(p, re.IGNORECASE) for p in patterns] for name, patterns in table.items()}

    return compiled(data["introductions"]), compiled(data["speakers"]), compiled(data["feelings"])


def _clean(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split())


def speaker(text: str, known: str | None = None, for_families: bool = False) -> str | None:
    """Who is talking in this message, or None when it does not say ("16", "kirkdale"). `known` is who
    was talking before: speaking in the first person changes nothing once that is known. Nor does it
    when the message asks for what only families use (`for_families`: "where's my nearest family hub?"),
    since a parent says "my" too."""
    said = _said_outright(text)
    if said is None and known != PROFESSIONAL and _answers_for_someone_else(text):
        return PARENT
    if said is None and known is None and not for_families:
        _, speakers, _ = _patterns()
        if any(p.search(_clean(text)) for p in speakers.get("first_person", ())):
            return YOUNG_PERSON
        if feelings(text) and not any(p.search(_clean(text)) for p in speakers.get("someone_named", ())):
            return YOUNG_PERSON
    return said


def _answers_for_someone_else(text: str) -> bool:
    """ "he's 7", "she's in year 10": an answer about a child, which a parent or carer gives."""
    _, speakers, _ = _patterns()
    return any(p.search(_clean(text)) for p in speakers.get("someone_else", ()))


def _said_outright(text: str) -> str | None:
    """Who is talking by an introduction or a cue ("my son", "my pupils", "I'm 14"), not by "I" alone."""
    cleaned = _clean(text)
    introductions, speakers, _ = _patterns()
    for table in (introductions, speakers):
        for name in SPEAKERS:
            if any(p.search(cleaned) for p in table.get(name, ())):
                return name
    return None


def feelings(text: str) -> list[str]:
    """The feelings a message names (bullied, lonely, not_fitting_in, new, anxious, neurodivergent)."""
    cleaned = _clean(text)
    _, _, table = _patterns()
    # Someone close who died is read as the directory reads it ("her mum passed in the spring"): one rule.
    loss = _data().get("loss_feeling")
    return [
        name
        for name, patterns in table.items()
        if any(not _denied(cleaned[: m.start()]) for p in patterns for m in p.finditer(cleaned))
        or (name == loss and LOSS.search(fold(text)))
    ]


@lru_cache(maxsize=1)
def _denial_words() -> tuple[frozenset[str], frozenset[str]]:
    data = _data()
    return frozenset(data.get("denials") or ()), frozenset(data.get("denial_fillers") or ())


def _denied(before: str) -> bool:
    """True when the words just before a feeling deny it ("no im not", "i don't really feel")."""
    denials, fillers = _denial_words()
    for word in reversed(words(before)):
        if word in denials:
            return True
        if word not in fillers:
            return False
    return False


def groups_for(feelings: list[str]) -> list[str]:
    """The taxonomy codes of the groups for the feelings named (young carers for "caring")."""
    table = _data().get("feeling_groups") or {}
    return [str(table[f]) for f in feelings if f in table]


def support_for(texts: list[str]) -> list[str]:
    """The support codes for the feelings a young person named in these messages (bullied: bullying
    support), for when they have no activity in mind."""
    table = _data().get("feeling_support") or {}
    codes: list[str] = []
    for text in texts:
        for feeling in feelings(text):
            codes += [str(c) for c in table.get(feeling) or () if str(c) not in codes]
    return codes


def without_introductions(text: str) -> str:
    """The message without the speaker introducing themselves ("I'm a foster carer, our 14 year old wants
    to do something creative" -> ", our 14 year old wants to do something creative"), for reading facts."""
    cleaned = _clean(text)
    introductions, _, _ = _patterns()
    for patterns in introductions.values():
        for pattern in patterns:
            cleaned = pattern.sub(_school_year_kept, cleaned)
    return " ".join(cleaned.split()) or text


def _school_year_kept(match: re.Match[str]) -> str:
    # "Year 4 teacher", "head of year 9": the school year is who they ask for, so its age stays to be read.
    said = match.group(0)
    year = SCHOOL_YEAR.search(said.lower())
    return f" {said[year.start():year.end()]} " if year else " "


def said_in(texts: list[str]) -> str | None:
    """Who is talking, only where a message says so ("my son", "I'm 14", "he's 7"); None when nothing
    does, however the message reads (an "I" is said by parents too)."""
    for text in reversed(texts):
        if said := _said_outright(text) or (PARENT if _answers_for_someone_else(text) else None):
            return said
    return None


def speaker_in(texts: list[str], known: str | None = None) -> str | None:
    """Who is talking, from a whole conversation (oldest first): the latest message that says so."""
    for text in reversed(texts):
        said = _said_outright(text)
        if said:
            return said
    return known or next((YOUNG_PERSON for text in texts if speaker(text) == YOUNG_PERSON), None)
