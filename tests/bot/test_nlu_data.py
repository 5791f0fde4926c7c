"""Shape of the NLU data: enough examples per intent, and a held-out test
set that does not copy the training data."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MAIN_INTENTS = {
    "greet",
    "goodbye",
    "thanks",
    "affirm",
    "deny",
    "find_activity",
    "inform",
    "parent_help",
    "ask_what_is",
    "refine",
    "out_of_scope",
    "bot_challenge",
    "feedback",
}
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def examples(path: Path) -> list[tuple[str, str]]:
    found = []
    for block in yaml.safe_load(path.read_text()).get("nlu", []):
        if "intent" in block:
            for line in block["examples"].splitlines():
                if line.strip().startswith("- "):
                    text = ANNOTATION.sub(r"\1", line.strip()[2:]).strip().lower()
                    found.append((block["intent"], text))
    return found


def training() -> list[tuple[str, str]]:
    return [e for path in sorted((ROOT / "data" / "nlu").glob("*.yml")) for e in examples(path)]


def test_at_least_40_examples_per_main_intent() -> None:
    counts = Counter(intent for intent, _ in training())
    for intent in MAIN_INTENTS:
        assert counts[intent] >= 40, f"{intent} has {counts[intent]}"


def test_holdout_covers_every_main_intent_and_copies_nothing() -> None:
    held_out = examples(ROOT / "tests" / "nlu" / "holdout.yml")
    assert MAIN_INTENTS <= {intent for intent, _ in held_out}
    seen = {text for _, text in training()}
    copies = [text for _, text in held_out if text in seen]
    assert copies == []
