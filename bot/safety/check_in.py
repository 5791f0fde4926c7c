"""The answer to the check-in's "Are you safe?".

A "no", a "not really" or an "i don't know" after the check-in is a
disclosure in itself, though no rule would fire on the word alone: the crisis
policy (bot/crisis_policy.py) turns it into the full crisis reply for
immediate danger. A "yes" or anything else carries on as an ordinary message.
"""

from __future__ import annotations

import re

from bot.safety.idioms import neutralise
from bot.safety.normalise import BOUNDARY, normalise

ROUTE = "immediate_danger"

_NOT_SAFE = re.compile(
    r"^(?:(?:um+|erm+|well|honestly|tbh|i mean|no|nah|nope) )*"
    r"(?:no|nah|nope|na|not really|not at all|not rly|no i am not|i am not|i m not|am not|not safe|i am not safe|"
    r"i do not feel safe|i dont feel safe|not sure|i am not sure|i do not know|dont know|i dunno|dunno|idk|"
    r"maybe not|probably not|kind of not|not right now|not tonight|no not really|not very)"
    r"(?: (?:really|tbh|honestly|at all|no|safe|to be honest|i do not think so|x+))*$"
)


def not_safe(text: str) -> bool:
    """Whether `text`, answering "Are you safe?", says no or does not know."""
    canonical = neutralise(normalise(text or "")).replace(f" {BOUNDARY}", "").strip(f" {BOUNDARY}")
    return bool(canonical) and bool(_NOT_SAFE.match(canonical))
