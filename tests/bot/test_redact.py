"""bot/redact.py: what a stored conversation keeps of what people typed."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

from bot.redact import EMAIL_MARK, PHONE_MARK, redact_event, redact_text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("we live in L4 0TH", "we live in L4"),
        ("l8 7sn", "l8"),
        ("postcode is L87SN thanks", "postcode is L8 thanks"),
        ("CH41 4HY", "CH41"),
        ("ring me on 07700 900123", f"ring me on {PHONE_MARK}"),
        ("my number's 07700900123!", f"my number's {PHONE_MARK}!"),
        ("+44 7700 900 123 is mine", f"{PHONE_MARK} is mine"),
        ("(0151) 496-0000 is the house", f"{PHONE_MARK} is the house"),
        ("email me: jo.bloggs+fyp@example.co.uk", f"email me: {EMAIL_MARK}"),
        ("L4 0TH, 07700 900123, a@b.com", f"L4, {PHONE_MARK}, {EMAIL_MARK}"),
    ],
)
def test_full_postcodes_phones_and_emails_are_cut(typed: str, stored: str) -> None:
    assert redact_text(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "im 14 and live in L8",
        "year 10, ages 11-18",
        "it starts at 10:30 on 3/12/2026",
        "my kids are 9, 12 and 15",
        "liverpool 8",
        "text shout to 85258",
        "no digits at all here",
        "12345678-1234-4234-8234-123456789012",
        "ids 20240101-1234-4abc-8def-000000000001 and 98765432-1111-2222-3333-444444444444",
        "",
    ],
)
def test_ages_times_districts_and_short_numbers_stay(typed: str) -> None:
    assert redact_text(typed) == typed


def test_redacting_twice_changes_nothing() -> None:
    once = redact_text("L4 0TH 07700 900123 me@example.com")
    assert redact_text(once) == once


def test_events_are_redacted_in_place_text_parse_data_and_slots() -> None:
    said = UserUttered(
        "im in L4 0TH, call 07700 900123",
        {"name": "inform", "confidence": 0.9},
        [{"entity": "area", "value": "L4 0TH", "start": 6, "end": 12}],
    )
    echoed = BotUttered("Near L4 0TH: here you go", {"custom": {"place": "L4 0TH"}})
    slot = SlotSet("area", "L4 0TH")
    shown = SlotSet("last_shown_ids", ["12345678-1234-4234-8234-123456789012"])
    redact_event(shown)
    assert shown.value == ["12345678-1234-4234-8234-123456789012"]
    for event in (said, echoed, slot):
        redact_event(event)
    stored = str([said.as_dict(), echoed.as_dict(), slot.as_dict()])
    assert "0TH" not in stored and "900123" not in stored
    assert said.text == f"im in L4, call {PHONE_MARK}"
    assert said.parse_data["entities"][0]["value"] == "L4"
    assert said.intent_name == "inform"
    assert slot.value == "L4"


def test_an_entity_read_from_a_piece_of_a_phone_or_postcode_keeps_only_its_type() -> None:
    text = "call 07700 900123 at L4 0TH"
    said = UserUttered(
        text,
        {"name": "inform"},
        [
            {"entity": "age", "value": "900123", "start": 11, "end": 17},
            {"entity": "area", "value": "0TH", "start": 24, "end": 27},
            {"entity": "area", "value": "L4", "start": 21, "end": 23},
        ],
    )
    redact_event(said)
    assert [(e["entity"], e["value"]) for e in said.entities] == [
        ("age", PHONE_MARK), ("area", "[postcode]"), ("area", "L4")
    ]
    assert said.parse_data["entities"] == said.entities
    assert "900123" not in str(said.as_dict()) and "0TH" not in str(said.as_dict())
