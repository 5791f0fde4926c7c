"""Interests as people type them: "anything really", "i'm into footy"."""

from __future__ import annotations

import re

_NO_PREFERENCE = re.compile(
    r"^\W*(?:anything|any|whatever|owt|anything\s+really|not\s+sure(?:\s+yet)?|unsure|idk|dunno|"
    r"don'?t\s+know|dont\s+mind|don'?t\s+mind|no\s+idea|surprise\s+me|anything\s+fun|"
    r"i\s+don'?t\s+mind(?:\s+what)?|all\s+sorts|everything|no\s+preference|not\s+bothered|"
    r"nothing\s+in\s+particular|i'?m\s+not\s+sure|whatevs?)\W*(?:really|tbh|lol|x+)?\W*$",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"^\s*(?:i'?m|i\s+am|im|i)?\s*(?:really\s+)?(?:into|like|love|enjoy|do|play|want\s+to\s+try|"
    r"wanna\s+try|want|fancy)\s+",
    re.IGNORECASE,
)


def means_anything(text: str) -> bool:
    return bool(_NO_PREFERENCE.match(text.strip()))


def interest_phrase(text: str) -> str:
    """Drop "i'm into" and the like; the directory parses the rest."""
    return _FILLER.sub("", text.strip(), count=1).strip(" .!?") or text.strip()
