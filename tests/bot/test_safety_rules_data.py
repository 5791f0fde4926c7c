"""The crisis rules as data (bot/safety/data/rules.yml, word_classes.yml): every
example fires its rule, the loader refuses a broken file and says which rule is
broken, and the stdlib reader agrees with PyYAML on both files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import bot.safety.patterns as patterns
import bot.safety.rules as rules
from bot.safety.datafile import DataFileError, load, parse
from bot.safety.detector import assess
from bot.safety.rules import RULES, RuleFileError, load_rules

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bot" / "safety" / "data"
ROUTES = set(yaml.safe_load((ROOT / "data" / "crisis_contacts.yml").read_text(encoding="utf-8"))["routes"])
LOADED = load_rules()


# --- the real files -------------------------------------------------------------------------


def test_files_are_found_next_to_the_module() -> None:
    assert rules.RULES_FILE == Path(rules.__file__).parent / "data" / "rules.yml" == DATA / "rules.yml"
    assert patterns.WORD_CLASSES_FILE == Path(patterns.__file__).parent / "data" / "word_classes.yml"
    assert rules.RULES_FILE.is_file() and patterns.WORD_CLASSES_FILE.is_file()


@pytest.mark.parametrize("name", ["rules.yml", "word_classes.yml"])
def test_pyyaml_reads_each_file_the_same_way(name: str) -> None:
    path = DATA / name
    assert load(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_module_serves_what_the_file_says() -> None:
    assert LOADED.rules == RULES
    assert LOADED.precedence == rules.PRECEDENCE and LOADED.exploitation == rules.EXPLOITATION
    assert [r.id for r in RULES] == list(LOADED.means)


def test_every_category_is_a_crisis_route() -> None:
    assert set(LOADED.categories) <= ROUTES
    assert {r.category for r in RULES} <= ROUTES


@pytest.mark.parametrize("rule_id", [r.id for r in RULES])
def test_every_example_fires_its_rule(rule_id: str) -> None:
    examples = LOADED.examples[rule_id]
    assert 1 <= len(examples) <= 3, f"{rule_id}: give 1 to 3 examples"
    for phrase in examples:
        found = assess(phrase)
        fired = found.rule.removeprefix("third_party.") if found else None
        assert fired == rule_id, f"{rule_id}: example {phrase!r} fires {found.rule if found else 'nothing'}"


# --- a broken rules file is refused, naming the rule ----------------------------------------

GOOD = """\
categories:
  immediate_danger: danger now
  suicide_or_self_harm: suicide or self-harm
  abuse_or_exploitation: abuse
  parent_worried: someone else at risk
precedence:
  - immediate_danger
  - suicide_or_self_harm
  - abuse_or_exploitation
  - parent_worried
exploitation:
  - test.two
rules:
  - id: test.one
    category: suicide_or_self_harm
    means: hurting myself
    examples:
      - i hurt myself
    pattern: 'hurt {SELF}'
    accident: true
  - id: test.two
    category: abuse_or_exploitation
    means: someone hits me
    pattern:
      - '(?:{PERSON}) '
      - 'hits {ME}'
    requires: 'home|{NOW}'
    needs: 'hit'
"""


def _load_text(tmp_path: Path, text: str) -> rules.RuleSet:
    path = tmp_path / "rules.yml"
    path.write_text(text, encoding="utf-8")
    return load_rules(path)


def test_a_good_small_file_loads(tmp_path: Path) -> None:
    loaded = _load_text(tmp_path, GOOD)
    one, two = loaded.rules
    assert one.accident and one.pattern.pattern == r"\b(?:hurt (?:myself|ourselves))\b"
    assert two.pattern.search("my dad hits me") and two.needs and two.needs.pattern == r"\b(?:hit)"
    assert loaded.exploitation == {"test.two"} and loaded.examples["test.one"] == ("i hurt myself",)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    accident: true\n", "    severity: high\n", "rule test.one: unknown key severity"),
        ("category: abuse_or_exploitation", "category: bullying", "rule test.two: unknown category 'bullying'"),
        ("- id: test.two", "- id: test.one", "rule test.one: the id is used twice"),
        ("'hurt {SELF}'", "'hurt (?:{SELF}'", "rule test.one: pattern does not compile"),
        ("'hits {ME}'", "'hits {NOBODY}'", "rule test.two: pattern uses unknown word class {NOBODY}"),
        ("'home|{NOW}'", "'home|{LATER}'", "rule test.two: requires uses unknown word class {LATER}"),
        ("needs: 'hit'", "needs: 'hit('", "rule test.two: needs does not compile"),
        ("needs: 'hit'", "needs: '{HIT}'", "rule test.two: needs is used as written"),
        ("    accident: true\n", "    accident: yes please\n", "rule test.one: accident must be true or false"),
        ("    means: hurting myself\n", "", "rule test.one: missing means"),
        ("  - test.two\n", "  - test.three\n", "exploitation: there is no rule test.three"),
        ("  parent_worried: someone else at risk\n", "", "categories must be exactly"),
        ("  - parent_worried\n", "", "precedence must list every category once"),
        ("rules:\n", "rulez:\n", "unknown section rulez"),
        ("- id: test.one", "- id: Test One", "rule 1: id must be a lower-case dotted name"),
    ],
)
def test_a_broken_rule_is_refused_by_name(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in GOOD
    with pytest.raises(RuleFileError, match="^rules.yml: " + re.escape(message)):
        _load_text(tmp_path, GOOD.replace(old, new, 1))


# --- word classes and the reader ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("A: 'x|{NOPE}'\n", "word class A uses unknown word class {NOPE}"),
        ("A: '(?:x'\n", "word class A does not compile"),
        ("A: 'x|{A}'\n", "word class A contains itself"),
        ("F3: 'x'\n", "word class F3: F1 to F8 are made in patterns.py"),
        ("lower: 'x'\n", "word class 'lower': a name is capital letters"),
    ],
)
def test_a_broken_word_class_is_refused_by_name(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "word_classes.yml"
    path.write_text("OK: 'fine'\n" + text, encoding="utf-8")
    with pytest.raises(DataFileError, match="^word_classes.yml: " + re.escape(message)):
        patterns.load_word_classes(path)


def test_word_classes_file_is_what_the_rules_expand_with() -> None:
    classes = patterns.load_word_classes()
    assert {**patterns.FILLERS, **classes} == patterns._MACROS


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: x\na: y\n", "line 2: key 'a' appears twice"),
        ("a: 'open\n", "line 2: found unexpected end of stream"),
        ("a: *nowhere\n", "line 1: found undefined alias 'nowhere'"),
    ],
)
def test_the_reader_refuses_a_broken_file_naming_where(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match="^test.yml, " + re.escape(message)):
        parse(text, "test.yml")
