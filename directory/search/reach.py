"""How a service can be reached, read only from its own record: online, by phone, by text.

One rule for the directory's cards and reasons (documents.py, engine.py) and the bot's answers
about a service (bot/replies.py), so a card and an answer can never disagree. Standard library
only: the bot imports this module too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# HSDS takes phone types from RFC 6350, whose default TEL type is "voice": a number with no type
# is one you can call. "text" is SMS only. Fax, pager, video and textphone lines cannot take an
# ordinary call, so they are neither "by phone" nor "by text".
VOICE_TYPES = frozenset({"voice", "cell"})
TEXT_TYPES = frozenset({"text"})


@dataclass(frozen=True, slots=True)
class Line:
    number: str
    type: str | None = None
    description: str | None = None

    @property
    def voice(self) -> bool:
        return not self.type or self.type.strip().lower() in VOICE_TYPES

    @property
    def text(self) -> bool:
        return (self.type or "").strip().lower() in TEXT_TYPES


@dataclass(frozen=True, slots=True)
class Place:
    location_type: str | None
    url: str | None = None


def first_voice(lines: Iterable[Line]) -> str | None:
    """The number to call, or None: never a text-only line."""
    return next((line.number for line in lines if line.number and line.voice), None)


def first_text(lines: Iterable[Line]) -> Line | None:
    return next((line for line in lines if line.number and line.text), None)


def text_words(line: Line) -> str:
    """What to do, in the record's own words when they name the number ("Text SHOUT to 85258"): the
    keyword to send lives only there."""
    said = (line.description or "").strip().rstrip(".")
    if said and line.number in said and said.lower().startswith("text"):
        return said
    return f"Text {line.number}"


def sms_number(line: Line) -> str:
    return re.sub(r"[\s().-]", "", line.number)


def is_online(places: Iterable[Place], url: str | None) -> bool:
    """Online only where the record puts it online.

    HSDS gives a virtual location a `url` for "the URL of a virtual location": a virtual location
    without one is a phone or text line, or somewhere staff could not place ("In schools"), and
    calling that "online" is the untrue claim this rule exists to stop. A record with no location
    at all and a website is a web-only listing, so it is online."""
    places = list(places)
    if any(p.location_type == "virtual" and p.url for p in places):
        return True
    return not places and bool(url)


def ways(online: bool, phone: str | None, text: str | None) -> str:
    """ "online or by phone", "by text"...: only the ways the record gives, "" when it gives none."""
    found = [w for w, ok in (("online", online), ("by phone", phone), ("by text", text)) if ok]
    if len(found) < 2:
        return "".join(found)
    return ", ".join(found[:-1]) + " or " + found[-1]


# -- the same rule over an HSDS record as JSON (what the bot fetches from /services/{id}) ----------


def lines_of(record: Mapping[str, Any]) -> list[Line]:
    return [
        Line(str(p["number"]), p.get("type"), p.get("description"))
        for p in record.get("phones") or []
        if p.get("number")
    ]


def places_of(record: Mapping[str, Any]) -> list[Place]:
    locations = [sal.get("location") or {} for sal in record.get("service_at_locations") or []]
    return [Place(loc.get("location_type"), loc.get("url")) for loc in locations]


def record_is_online(record: Mapping[str, Any]) -> bool:
    return is_online(places_of(record), record.get("url"))
