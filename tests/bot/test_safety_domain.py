"""domain/crisis.yml: generated from data/crisis_contacts.yml, in sync with it, and
carrying no number that is not one of its checked numbers."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.shared.core.domain import Domain

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "domain" / "crisis.yml"
CONTACTS_FILE = ROOT / "data" / "crisis_contacts.yml"
SCRIPT = ROOT / "scripts" / "build_crisis_domain.py"

CONTACTS = yaml.safe_load(CONTACTS_FILE.read_text(encoding="utf-8"))
BY_ID = {c["id"]: c for c in CONTACTS["contacts"]}
ROUTES: dict[str, list[str]] = CONTACTS["routes"]
CHECKED_NUMBERS = {
    re.sub(r"\s", "", c[key]) for c in CONTACTS["contacts"] for key in ("phone", "sms_number") if c.get(key)
}
# Three or more digits, optionally split by single spaces, not part of a word:
# "999", "0800 1111", "85258" (but not the "247" of "HOPELINE247").
NUMBER = re.compile(r"(?<![\w/])\d(?: ?\d){2,}(?![\w/])")


def crisis_domain() -> dict[str, Any]:
    return yaml.safe_load(GENERATED.read_text(encoding="utf-8"))


def strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(key)
            yield from strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings(item)


def variation_for(category: str | None) -> dict[str, Any]:
    for variation in crisis_domain()["responses"]["utter_crisis"]:
        condition = variation.get("condition")
        if category is None and not condition:
            return variation
        if condition and condition[0]["value"] == category:
            return variation
    raise AssertionError(f"no utter_crisis variation for {category}")


def test_regenerating_gives_the_committed_file(tmp_path: Path) -> None:
    out = tmp_path / "crisis.yml"
    subprocess.run(
        [sys.executable, str(SCRIPT), "--contacts", str(CONTACTS_FILE), "--out", str(out)],
        check=True, capture_output=True, text=True,
    )
    assert out.read_text(encoding="utf-8") == GENERATED.read_text(encoding="utf-8"), (
        "domain/crisis.yml is out of date: run scripts/build_crisis_domain.py"
    )
    check = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_check_mode_notices_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "crisis.yml"
    stale.write_text(GENERATED.read_text(encoding="utf-8").replace("0800 1111", "0800 1112"))
    check = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--out", str(stale)], capture_output=True, text=True
    )
    assert check.returncode == 1 and "out of date" in check.stderr


def test_file_says_it_is_generated() -> None:
    first_line = GENERATED.read_text(encoding="utf-8").splitlines()[0]
    assert "GENERATED" in first_line and "do not edit" in first_line


def test_rasa_accepts_it_with_the_rest_of_the_domain() -> None:
    alone = Domain.from_path(str(GENERATED))
    assert "crisis" in alone.intents
    assert "risk_category" in alone.entities
    slot = next(s for s in alone.slots if s.name == "risk_category")
    assert slot.type_name == "categorical" and slot.influence_conversation
    assert set(ROUTES) <= set(slot.values)

    whole = Domain.from_path(str(GENERATED.parent))
    for payload in ("find_activity", "parent_help"):  # the follow-up buttons' intents
        assert payload in whole.intents


@pytest.mark.parametrize("category", list(ROUTES))
def test_each_category_lists_exactly_its_route(category: str) -> None:
    variation = variation_for(category)
    custom = variation["custom"]
    assert custom["type"] == "crisis" and custom["category"] == category
    assert [c["id"] for c in custom["contacts"]] == ROUTES[category]
    for payload in custom["contacts"]:
        source = BY_ID[payload["id"]]
        assert set(payload) == {"id", "name", "phone", "text", "url", "hours"}
        for key in ("name", "phone", "text", "url", "hours"):
            assert payload[key] == source.get(key)
        # the reply text names every contact of the route with its number
        assert source["name"] in variation["text"]
        assert (source.get("phone") or source["text"]) in variation["text"]


def test_shout_is_a_text_not_a_call() -> None:
    shout = next(c for c in variation_for("suicide_or_self_harm")["custom"]["contacts"] if c["id"] == "shout")
    assert shout["phone"] is None and shout["text"] == "Text SHOUT to 85258"


def test_default_variation_is_the_suicide_and_self_harm_route() -> None:
    default = variation_for(None)
    assert default["custom"]["category"] == "suicide_or_self_harm"
    assert default["text"] == variation_for("suicide_or_self_harm")["text"]


def test_every_number_anywhere_in_the_file_is_a_checked_one() -> None:
    found = [n for s in strings(crisis_domain()) for n in NUMBER.findall(s)]
    assert found, "expected numbers in the crisis replies"
    unknown = {n for n in found if re.sub(r"\s", "", n) not in CHECKED_NUMBERS}
    assert not unknown, f"numbers not in crisis_contacts.yml: {unknown}"
    # and the raw file text, comments included, agrees
    raw_unknown = {
        n for n in NUMBER.findall(GENERATED.read_text(encoding="utf-8"))
        if re.sub(r"\s", "", n) not in CHECKED_NUMBERS
    }
    assert not raw_unknown


def test_number_check_would_catch_an_invented_number() -> None:
    text = "Call Childline 0800 1111 or our line 0800 123 4567"
    unknown = {n for n in NUMBER.findall(text) if re.sub(r"\s", "", n) not in CHECKED_NUMBERS}
    assert unknown == {"0800 123 4567"}


def test_follow_up_is_gentle_and_offers_a_way_on() -> None:
    check_in, crisis = crisis_domain()["responses"]["utter_crisis_followup"]
    assert "not in trouble" in crisis["text"] and "condition" not in crisis
    # After a check-in nothing was disclosed yet: an open door, not reassurance about telling.
    assert check_in["condition"] == [{"type": "slot", "name": "risk_category", "value": "check_in"}]
    assert "not in trouble" not in check_in["text"]
    for followup in (check_in, crisis):
        assert [b["payload"] for b in followup["buttons"]] == ["/find_activity", "/parent_help"]
