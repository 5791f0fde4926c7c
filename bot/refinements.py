"""What a "refine" message asks for: more, free, closer, a day, something else."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MORE = "more"
FREE = "free"
CLOSER = "closer"
OTHER = "other"
RESTART = "restart"
# "Try again" after the directory was down: the same search once more.
RETRY = "retry"
DAY_VALUES = ("weekend", "weekday", "mon", "tue", "wed", "thu", "fri", "sat", "sun")

_DAY_WORDS = {
    "weekend": "weekend",
    "weekends": "weekend",
    "saturday": "sat",
    "saturdays": "sat",
    "sat": "sat",
    "sunday": "sun",
    "sundays": "sun",
    "sun": "sun",
    "monday": "mon",
    "mondays": "mon",
    "mon": "mon",
    "tuesday": "tue",
    "tuesdays": "tue",
    "tue": "tue",
    "tues": "tue",
    "wednesday": "wed",
    "wednesdays": "wed",
    "wed": "wed",
    "thursday": "thu",
    "thursdays": "thu",
    "thu": "thu",
    "thurs": "thu",
    "friday": "fri",
    "fridays": "fri",
    "fri": "fri",
    "weekday": "weekday",
    "weekdays": "weekday",
    "after school": "weekday",
    "school nights": "weekday",
}
_PATTERNS = (
    (RESTART, re.compile(r"\b(?:restart|start (?:again|over)|new search|reset|begin again)\b")),
    (OTHER, re.compile(r"\b(?:something|anything|summat)\s+(?:else|different)|\bother\b|\bdifferent\b")),
    (FREE, re.compile(r"\b(?:free|cheap(?:er)?|no cost|no money|skint|can'?t (?:pay|afford))\b")),
    (CLOSER, re.compile(r"\b(?:clos(?:er|e by)|near(?:er|by)|too far|walking distance|round the corner)\b")),
    (MORE, re.compile(r"\b(?:more|others|next|another)\b")),
)


@dataclass(frozen=True)
class Refinement:
    kinds: frozenset[str]
    day: str | None = None


def parse(entity_values: Iterable[str], text: str = "") -> Refinement:
    """Combine the NLU's refinement entities with what the text says."""
    kinds: set[str] = set()
    day: str | None = None
    sources = [str(v).lower() for v in entity_values if v] + [text.lower()]
    for source in sources:
        if source in DAY_VALUES:
            day = day or source
            continue
        if source in (MORE, FREE, CLOSER, OTHER, RESTART, RETRY):
            kinds.add(source)
            continue
        for kind, pattern in _PATTERNS:
            if pattern.search(source):
                kinds.add(kind)
        for word, value in sorted(_DAY_WORDS.items(), key=lambda kv: len(kv[0]), reverse=True):
            if re.search(rf"\b{re.escape(word)}\b", source):
                day = day or value
                break
    return Refinement(frozenset(kinds), day)
