"""What a stored conversation may keep of what people typed (the ICO Children's
code: data minimisation). A full postcode is cut to its district ("L4 0TH" ->
"L4": a district is all the search ever uses), and phone numbers and email
addresses are replaced by a marker. The live turn still sees the message as
typed; only what is written to the tracker store is redacted (bot/stores.py).
"""

from __future__ import annotations

import re
from typing import Any

from rasa.shared.core.events import BotUttered, Event, SlotSet, UserUttered

from directory.geo import POSTCODE_IN_TEXT

PHONE_MARK = "[phone]"
EMAIL_MARK = "[email]"
POSTCODE_MARK = "[postcode]"

# The directory's postcode shape, read in any case; only a match with an inward part is a full postcode.
_POSTCODE = re.compile(POSTCODE_IN_TEXT.pattern, re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits with the separators people type; it is a phone number when it holds 10 to 13
# digits (UK numbers have 10 or 11, 12 with +44), so ages, times, years and dates never match.
# A whole token only: never a piece of an id such as a UUID ("12345678-1234-...").
_DIGIT_RUN = re.compile(r"(?<![\w-])\+?\(?\d[\d\s().-]{7,}\d(?![\w-])")
_PHONE_DIGITS, _PHONE_DIGITS_MAX = 10, 13  # longer runs are ids and card-like numbers, not phones
# Nothing to redact without a digit or an @: the common case skips every pattern.
_MAY_HOLD = re.compile(r"[\d@]")


Span = tuple[int, int, str]


def _overlaps(start: int, end: int, spans: list[Span]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end, _ in spans)


def private_spans(text: str) -> list[Span]:
    """Where `text` holds something a stored conversation must not keep, with what replaces it, in order."""
    if not text or not _MAY_HOLD.search(text):
        return []
    spans: list[Span] = [(m.start(), m.end(), EMAIL_MARK) for m in _EMAIL.finditer(text)]
    for m in _DIGIT_RUN.finditer(text):
        if _PHONE_DIGITS <= sum(ch.isdigit() for ch in m.group(0)) <= _PHONE_DIGITS_MAX and not _overlaps(
            m.start(), m.end(), spans
        ):
            spans.append((m.start(), m.end(), PHONE_MARK))
    for m in _POSTCODE.finditer(text):
        # Only the inward part goes ("L4 0TH" -> "L4"): the district is all a search uses.
        if m.group(2) and not _overlaps(m.end(1), m.end(), spans):
            spans.append((m.end(1), m.end(), ""))
    return sorted(spans)


def redact_text(text: str) -> str:
    for start, end, mark in reversed(private_spans(text)):
        text = text[:start] + mark + text[end:]
    return text


def _redact_entities(entities: list[Any], spans: list[Span]) -> list[Any]:
    """An entity read from a private part keeps its type (the dialogue policies use it) but not its value,
    even when the value is only a piece of it ("900123" of a phone number)."""
    kept = []
    for entity in entities:
        if not isinstance(entity, dict):
            kept.append(redact_value(entity))
            continue
        typed = entity.get("value")
        entity = redact_value(entity)
        start, end = entity.get("start"), entity.get("end")
        if isinstance(start, int) and isinstance(end, int) and isinstance(typed, str) and _MAY_HOLD.search(typed):
            hit = [mark for s_start, s_end, mark in spans if start < s_end and s_start < end]
            # A piece too short to be recognised alone is still the private part it was read from.
            if hit and entity["value"] == typed:
                entity["value"] = hit[0] or POSTCODE_MARK
        kept.append(entity)
    return kept


def redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [redact_value(item) for item in value]
    if isinstance(value, dict):
        return {key: redact_value(item) for key, item in value.items()}
    return value


def redact_event(event: Event) -> None:
    """Redact one event in place: what a person typed, what the bot said back, and slot values."""
    if isinstance(event, UserUttered):
        spans = private_spans(event.text or "")
        if not spans:
            return
        event.text = redact_text(event.text)
        event.entities = _redact_entities(event.entities, spans)
        event.parse_data = {
            key: _redact_entities(value, spans) if key == "entities" and isinstance(value, list)
            else redact_value(value)
            for key, value in event.parse_data.items()
        }
    elif isinstance(event, BotUttered):
        event.text = redact_text(event.text) if event.text else event.text
        if event.data:
            event.data = redact_value(event.data)
    elif isinstance(event, SlotSet):
        event.value = redact_value(event.value)
