"""No invented numbers: every phone or SMS number the bot can say, in the
domain responses or in the actions' texts, is one from crisis_contacts.yml."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot import replies

ROOT = Path(__file__).resolve().parents[2]
CHECKED = yaml.safe_load((ROOT / "data" / "crisis_contacts.yml").read_text())
ALLOWED = {
    re.sub(r"\D", "", str(value))
    for contact in CHECKED["contacts"]
    for value in (contact.get("phone"), contact.get("sms_number"))
    if value
}
# Digit runs of 3+ (with spaces inside, as in "0800 1111"), not part of a
# postcode, a year or an age range.
NUMBER = re.compile(r"(?<![\w-])(?:\d[\d ]{1,14}\d)(?![\w-])")


def numbers_in(text: str) -> set[str]:
    found = set()
    for match in NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) >= 3 and not re.fullmatch(r"20\d\d", digits):
            found.add(digits)
    return found


def test_the_pattern_finds_numbers() -> None:
    assert numbers_in("call 0800 1111 or 116 123, text 85258") == {"08001111", "116123", "85258"}
    assert numbers_in("ages 11-16, L4, 2026, 9 to 15 February") == set()


def test_domain_responses_only_use_checked_numbers() -> None:
    found = numbers_in((ROOT / "domain.yml").read_text())
    assert found, "expected the crisis and bot-challenge numbers"
    assert found <= ALLOWED, f"domain.yml: {found - ALLOWED} not in crisis_contacts.yml"


def test_action_texts_only_use_checked_numbers() -> None:
    texts = [
        replies.directory_down()[0],
        replies.over_twenty_five()[0],
        replies.parent_support_text("anxiety or worry", 12, "Anfield"),
        replies.under_five(),
    ]
    said = set().union(*(numbers_in(t) for t in texts))
    assert said  # the apology does name helplines
    assert said <= ALLOWED
