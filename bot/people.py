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

DATA = Path(__file__).resolve().parent / "data" / "people.yml"

YOUNG_PERSON = "young_person"
PARENT = "parent"
PROFESSIONAL = "professional"
SPEAKERS = (PROFESSIONAL, PARENT, YOUNG_PERSON)


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, list[re.Pattern[str]]], dict[str, list[re.Pattern[str]]]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))

    def compiled(table: dict[str, list[str]]) -> dict[str, list[re.Pattern[str]]]:
        return {name: [re.compile(p, re.IGNORECASE) for p in patterns] for name, patterns in table.items()}

    return compiled(data["speakers"]), compiled(data["feelings"])


def _clean(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split())


def speaker(text: str, known: str | None = None) -> str | None:
    """Who is talking in this message, or None when it does not say ("16", "kirkdale"). `known` is who
    was talking before: speaking in the first person changes nothing once that is known."""
    cleaned = _clean(text)
    speakers, _ = _patterns()
    for name in SPEAKERS:
        if any(p.search(cleaned) for p in speakers.get(name, ())):
            return name
    if known is None and any(p.search(cleaned) for p in speakers.get("first_person", ())):
        return YOUNG_PERSON
    return None


def feelings(text: str) -> list[str]:
    """The feelings a message names (bullied, lonely, not_fitting_in, new, anxious, neurodivergent)."""
    cleaned = _clean(text)
    _, table = _patterns()
    return [name for name, patterns in table.items() if any(p.search(cleaned) for p in patterns)]
