"""Build rasa-sdk trackers the way Rasa sends them to the action server."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def domain() -> dict[str, Any]:
    """The real domain (domain.yml), as Rasa serialises it for actions."""
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain.yml")).as_dict()


def entity(name: str, value: Any, text: str | None = None) -> dict[str, Any]:
    found = {"entity": name, "value": value, "extractor": "DIETClassifier"}
    if text is not None and str(value) in text:
        start = text.index(str(value))
        found.update(start=start, end=start + len(str(value)))
    return found


def tracker(
    text: str = "",
    intent: str = "inform",
    entities: Iterable[Mapping[str, Any]] = (),
    slots: Mapping[str, Any] | None = None,
    form: str | None = None,
    requested_slot: str | None = None,
    candidates: Mapping[str, Any] | None = None,
    after: Iterable[Mapping[str, Any]] = (),
    earlier: Iterable[str] = (),
) -> Tracker:
    """A tracker after one user message.

    form / requested_slot: the active form and the slot it asked for.
    candidates: slots filled from this message (by the domain's mappings);
    they trail the events, which is how validate_<form> finds them.
    after: extra events after the candidates (e.g. a validation's SlotSets).
    earlier: what the person said before this message, oldest first.
    """
    entities = [dict(e) for e in entities]
    parse = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities}
    events: list[dict[str, Any]] = []
    for said in earlier:
        events += [{"event": "action", "name": "action_listen"}, {"event": "user", "text": said}]
    events += [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": parse},
        {"event": "action", "name": "action_extract_slots"},
    ]
    if form:
        events += [
            {"event": "slot", "name": "requested_slot", "value": requested_slot},
            {"event": "action", "name": form},
        ]
    candidates = dict(candidates or {})
    events += [{"event": "slot", "name": name, "value": value} for name, value in candidates.items()]
    events += [dict(e) for e in after]
    all_slots = {**(slots or {}), **candidates, "requested_slot": requested_slot}
    return Tracker.from_dict(
        {
            "sender_id": "test-user",
            "slots": all_slots,
            "latest_message": parse,
            "events": events,
            "active_loop": {"name": form} if form else {},
            "latest_action_name": form or "action_listen",
        }
    )


def slot_values(events: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """{slot: value} from SlotSet events (the last one wins)."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
