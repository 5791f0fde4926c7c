"""The risk rules, each a pattern over canonical text plus the checks it needs.

The rules are data, in data/rules.yml, written so that a safeguarding lead can
read and review them (its header says how to read a rule); their word classes
are in data/word_classes.yml (see patterns.py). This module loads and checks
the file and builds the rules from it.

Rules are written in the first person ("i want to die", "he hits me"). Third
parties ("my son wants to die", "her dad hits her") are caught by rewriting
the message into the first person (perspective.py) and running the same
rules again, so each rule is written once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.safety.datafile import DataFileError, joined, load
from bot.safety.patterns import UnknownMacro, compile_rule

# The routes (data/crisis_contacts.yml) that detector.py's code names;
# rules.yml's categories must be exactly these.
SUICIDE = "suicide_or_self_harm"
ABUSE = "abuse_or_exploitation"
DANGER = "immediate_danger"
PARENT = "parent_worried"

RULES_FILE = Path(__file__).parent / "data" / "rules.yml"


class RuleFileError(DataFileError):
    """A rules file that cannot be used; the message names the rule."""


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    pattern: re.Pattern[str]
    # The speaker must be the one at risk: no third-party subject before the match.
    first_person: bool = True
    # "not"/"never" just before (or inside) the match cancels it.
    negatable: bool = True
    # Cancelled by accident words around it ("cut myself shaving").
    accident: bool = False
    # Extra conditions on the whole message.
    requires: re.Pattern[str] | None = None
    excludes: re.Pattern[str] | None = None
    # A threat ("or they'll hurt me") that, next to exploitation, is filed as
    # exploitation: the threat is how the exploiting works.
    soft: bool = False
    # Cheap pre-check: word stems at least one of which any match contains.
    # Only a speed-up; it must never be narrower than the pattern.
    needs: re.Pattern[str] | None = None


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    # Lower is more urgent; when several rules fire the most urgent category wins.
    precedence: dict[str, int]
    # Exploitation rules a soft rule yields to (see Rule.soft).
    exploitation: frozenset[str]
    categories: dict[str, str]  # route -> what it is for
    means: dict[str, str]  # rule id -> what it catches, in plain words
    examples: dict[str, tuple[str, ...]]  # rule id -> phrases it is the one to fire on


_ROUTES = (DANGER, SUICIDE, ABUSE, PARENT)
_SECTIONS = ("categories", "precedence", "exploitation", "shared", "rules")
_FLAGS = {"first_person": True, "negatable": True, "accident": False, "soft": False}
_TEXTS = ("pattern", "requires", "excludes", "needs")
_KEYS = ("id", "category", "means", "examples", *_TEXTS, *_FLAGS)
_ID = re.compile(r"[a-z_]+(?:\.[a-z_]+)+")


def load_rules(path: Path = RULES_FILE) -> RuleSet:
    """The rules in `path`, checked; RuleFileError (naming the rule) if they cannot be used."""
    data = load(path)

    def fail(message: str) -> RuleFileError:
        return RuleFileError(f"{path.name}: {message}")

    if not isinstance(data, dict):
        raise fail(f"expected the sections {', '.join(_SECTIONS)}")
    unknown = [k for k in data if k not in _SECTIONS]
    missing = [k for k in _SECTIONS if k not in data and k != "shared"]
    if unknown or missing:
        raise fail(f"unknown section {', '.join(unknown)}" if unknown else f"missing section {', '.join(missing)}")

    categories = data["categories"]
    if not isinstance(categories, dict) or sorted(categories) != sorted(_ROUTES) or not all(
        isinstance(v, str) and v for v in categories.values()
    ):
        raise fail(f"categories must be exactly {', '.join(_ROUTES)}, each with what it is for")
    precedence = data["precedence"]
    if not isinstance(precedence, list) or sorted(map(str, precedence)) != sorted(categories):
        raise fail("precedence must list every category once, most urgent first")
    if data.get("shared") is not None and not isinstance(data["shared"], dict):
        raise fail("shared must be a mapping of names to text")
    entries = data["rules"]
    if not isinstance(entries, list) or not entries:
        raise fail("rules must be a list of rules")

    rules: list[Rule] = []
    means: dict[str, str] = {}
    examples: dict[str, tuple[str, ...]] = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise fail(f"rule {number}: expected a mapping (id, category, means, pattern ...)")
        rule_id = entry.get("id")
        if not isinstance(rule_id, str) or not _ID.fullmatch(rule_id):
            raise fail(f"rule {number}: id must be a lower-case dotted name like 'suicide.wish_dead', not {rule_id!r}")
        if rule_id in means:
            raise fail(f"rule {rule_id}: the id is used twice")
        rule, means[rule_id], examples[rule_id] = _build(entry, rule_id, categories, fail)
        rules.append(rule)

    exploitation = data["exploitation"]
    if not isinstance(exploitation, list) or not all(isinstance(x, str) for x in exploitation):
        raise fail("exploitation must be a list of rule ids")
    for rule_id in exploitation:
        if rule_id not in means:
            raise fail(f"exploitation: there is no rule {rule_id}")

    return RuleSet(
        rules=tuple(rules),
        precedence={category: rank for rank, category in enumerate(precedence)},
        exploitation=frozenset(exploitation),
        categories=dict(categories),
        means=means,
        examples=examples,
    )


def _build(
    entry: dict[str, Any], rule_id: str, categories: dict[str, str], fail: Callable[[str], RuleFileError]
) -> tuple[Rule, str, tuple[str, ...]]:
    def bad(message: str) -> RuleFileError:
        return fail(f"rule {rule_id}: {message}")

    unknown = [k for k in entry if k not in _KEYS]
    if unknown:
        raise bad(f"unknown key {', '.join(unknown)} (a rule has {', '.join(_KEYS)})")
    for key in ("category", "means", "pattern"):
        if key not in entry:
            raise bad(f"missing {key}")
    category = entry["category"]
    if category not in categories:
        raise bad(f"unknown category {category!r} (one of {', '.join(categories)})")
    means = entry["means"]
    if not isinstance(means, str) or not means.strip():
        raise bad("means must say, in plain words, what the rule catches")
    examples = entry.get("examples") or []
    if not isinstance(examples, list) or not all(isinstance(e, str) and e.strip() for e in examples):
        raise bad("examples must be a list of phrases")
    flags = {}
    for flag, default in _FLAGS.items():
        flags[flag] = entry.get(flag, default)
        if not isinstance(flags[flag], bool):
            raise bad(f"{flag} must be true or false")

    texts: dict[str, str | None] = {}
    for key in _TEXTS:
        texts[key] = None
        if key in entry:
            texts[key] = joined(entry[key])
            if not texts[key]:
                raise bad(f"{key} must be text, or a list of pieces of text")
    if texts["needs"] is not None and re.search(r"\{[A-Z][A-Z0-9_]*\}", texts["needs"]):
        raise bad("needs is used as written: it cannot use {NAME} word classes")

    def compiled(key: str) -> re.Pattern[str] | None:
        text = texts[key]
        if text is None:
            return None
        try:
            # needs is used as written; the others may use word classes
            return re.compile(r"\b(?:" + text + r")") if key == "needs" else compile_rule(text)
        except UnknownMacro as e:
            raise bad(f"{key} uses unknown word class {{{e.name}}}") from None
        except re.error as e:
            raise bad(f"{key} does not compile: {e}") from None

    pattern = compiled("pattern")
    assert pattern is not None
    rule = Rule(
        id=rule_id, category=category, pattern=pattern, requires=compiled("requires"),
        excludes=compiled("excludes"), needs=compiled("needs"), **flags,
    )
    return rule, means, tuple(examples)


_LOADED = load_rules()
RULES: tuple[Rule, ...] = _LOADED.rules
PRECEDENCE: dict[str, int] = _LOADED.precedence
EXPLOITATION: frozenset[str] = _LOADED.exploitation
