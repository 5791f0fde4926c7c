"""The crisis slot and replies in domain.yml: generated from data/crisis_contacts.yml,
in sync with it, and carrying no number that is not one of its checked numbers."""

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
DOMAIN = ROOT / "domain.yml"
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
    """What the script wrote: the risk_category slot and the crisis responses."""
    whole = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))
    return {
        "slots": {"risk_category": whole["slots"]["risk_category"]},
        "responses": {k: v for k, v in whole["responses"].items() if k.startswith("utter_crisis")},
    }


def generated_blocks() -> list[str]:
    """The raw text of the generated blocks (slots, responses), comments and all."""
    blocks = re.findall(r"  # >>> generated\n(.*?)  # <<< generated", DOMAIN.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 2, "domain.yml needs a generated block in slots and one in responses"
    return blocks


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
    out = tmp_path / "domain.yml"
    out.write_text(DOMAIN.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run(
        [sys.executable, str(SCRIPT), "--contacts", str(CONTACTS_FILE), "--out", str(out)],
        check=True, capture_output=True, text=True,
    )
    assert out.read_text(encoding="utf-8") == DOMAIN.read_text(encoding="utf-8"), (
        "domain.yml's crisis blocks are out of date: run scripts/build_crisis_domain.py"
    )
    check = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_check_mode_notices_a_stale_block(tmp_path: Path) -> None:
    stale = tmp_path / "domain.yml"
    block = generated_blocks()[1]
    stale.write_text(DOMAIN.read_text(encoding="utf-8").replace(block, block.replace("0800 1111", "0800 1112")))
    check = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--out", str(stale)], capture_output=True, text=True
    )
    assert check.returncode == 1 and "out of date" in check.stderr


def test_the_script_rewrites_only_its_blocks(tmp_path: Path) -> None:
    edited = tmp_path / "domain.yml"
    text = DOMAIN.read_text(encoding="utf-8")
    hand_written = text.replace("  - greet\n", "  - greet\n  - hello_there\n", 1)
    block = generated_blocks()[1]
    edited.write_text(hand_written.replace(block, block.replace("0800 1111", "0800 1112")), encoding="utf-8")
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(edited)], check=True, capture_output=True)
    assert edited.read_text(encoding="utf-8") == hand_written


def test_a_domain_without_its_blocks_is_refused_and_left_alone(tmp_path: Path) -> None:
    broken = tmp_path / "domain.yml"
    text = DOMAIN.read_text(encoding="utf-8")
    cut = text.replace("  # <<< generated\n", "", 1)
    broken.write_text(cut, encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCRIPT), "--out", str(broken)], capture_output=True, text=True)
    assert run.returncode == 2 and "generated" in run.stderr
    assert broken.read_text(encoding="utf-8") == cut


def test_the_blocks_say_they_are_generated() -> None:
    head = DOMAIN.read_text(encoding="utf-8").split("version:", 1)[0]
    assert "scripts/build_crisis_domain.py" in head and "never edit the blocks by hand" in head


def test_rasa_loads_the_top_level_domain_by_default() -> None:
    from rasa.shared.constants import DEFAULT_DOMAIN_PATH

    assert (ROOT / DEFAULT_DOMAIN_PATH) == DOMAIN
    whole = Domain.from_path(str(DOMAIN))
    assert "crisis" in whole.intents
    assert "risk_category" in whole.entities
    slot = next(s for s in whole.slots if s.name == "risk_category")
    assert slot.type_name == "categorical" and slot.influence_conversation
    assert set(ROUTES) <= set(slot.values)
    for payload in ("find_activity", "parent_help"):  # the follow-up buttons' intents
        assert payload in whole.intents
    assert {"utter_crisis", "utter_crisis_followup", "utter_greet", "utter_what_is"} <= set(whole.responses)


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
        n for n in NUMBER.findall("".join(generated_blocks()))
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
