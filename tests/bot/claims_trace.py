"""What the bot says about real organisations, collected from where it says it, and the claims that trace it.

The places (each the real text, not a copy):
- domain.yml: every response's text (the "what is" answers, utter_iamabot, the crisis replies written by
  scripts/build_crisis_domain.py...);
- bot/replies.py: the texts its functions build (parent support, family hubs, ages outside 5 to 25, the
  apology when the directory is down, the words to a young person who says how they feel), called with
  every worry label and feeling so the real text comes out;
- bot/widget/widget.js: the texts it shows ("Need help now?", which works with the bot down, and "About
  this chat").

A sentence is about a real organisation when it names one (a name or number from data/crisis_contacts.yml,
a short form or a name from the seed articles: data/claims.yml `names`), when it carries on from one that
does ("Both are there 24/7."), when it is in a bullet about one, when it speaks of the contacts listed
beside it ("These people are there for you"), or when it is in a "what is" answer. Contact lines rendered
from crisis_contacts.yml's fields (name, number, hours, who) are checked as renders of the data instead.

The real (not sample) records of data/directory/services.json are read too: every sentence of their prose
fields (name aside) is shown on cards and in "tell me about it" answers, and each needs an entry in
data/claims.yml `listings` (listing_sentences).

Run it to list the sentences with no claim yet, as stubs to fill in:
    PYTHONPATH=. .venv-rasa/bin/python tests/bot/claims_trace.py
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = ROOT / "data" / "claims.yml"
CONTACTS = ROOT / "data" / "crisis_contacts.yml"
DOMAIN = ROOT / "domain.yml"
WIDGET = ROOT / "bot" / "widget" / "widget.js"
SOURCES = ROOT / "docs" / "sources"
SERVICES = ROOT / "data" / "directory" / "services.json"
TAXONOMY = ROOT / "data" / "directory" / "taxonomy.json"

# How a text is read: "all" (every sentence is about the organisation: a "what is" answer), "contacts"
# (beside a list of contacts: "these", "they", "day or night" speak of them) or "named" (only sentences
# that name one, or carry on from one that does).
ALL, CONTACTS_BESIDE, NAMED = "all", "contacts", "named"

_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
# Carries on from the sentence before: "Both are there 24/7.", "It's a programme from Place2Be."
_CARRIES_ON = re.compile(
    r"^(?:it|its|it's|they|they're|their|both|these|those|this|all of them|each of them)\b", re.I
)
# Speaks of the contacts listed beside it.
_OF_THE_LIST = re.compile(r"\b(?:these|those|both|they|all of them|each of them)\b", re.I)
# Says when a line is open, what it costs or who may use it: a fact about the organisations in the text.
_FACT_WORDS = re.compile(r"24/7|day or night|any ?time|\bfree\b|anonymous|\bopen\b|\bhours\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[\U0001f000-\U0001faff\u2600-\u27bf])\s+(?=[A-Z])")
_BULLET = re.compile(r"^\s*(?:[•*]|-(?= ))\s*")


def normalise(text: str) -> str:
    """Quote marks straightened, emoji dropped, whitespace collapsed: how sentences and quotes compare."""
    text = _EMOJI.sub("", str(text).translate(_QUOTES))
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Said:
    place: str  # "domain.yml utter_what_is kooth", "bot/replies.py parent_support_text"
    text: str
    mode: str = NAMED


@dataclass(frozen=True)
class Sentence:
    place: str
    text: str  # normalised
    line: str  # the whole line it is in, normalised
    orgs: tuple[str, ...]


# --- the sources -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def contacts_data() -> dict[str, Any]:
    return yaml.safe_load(CONTACTS.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def claims_data() -> dict[str, Any]:
    return yaml.safe_load(CLAIMS.read_text(encoding="utf-8"))


def seed_text(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


_FIELD = re.compile(
    r"^crisis_contacts\.yml (?:resources\[(?P<resource>[^\]]+)\]|(?P<contact>[a-z0-9_]+))\.(?P<field>\w+)$"
)


def source_text(source: str) -> str:
    """The text a claim quotes: one field of one contact or resource, or a whole seed article.

    "crisis_contacts.yml childline.notes", "crisis_contacts.yml resources[Kooth].about",
    "lcc-childrens-mental-health-week-2026.txt" (in docs/sources/).
    """
    match = _FIELD.match(source)
    if match:
        data = contacts_data()
        if match["resource"]:
            found = [r for r in data.get("resources") or [] if r["name"] == match["resource"]]
        else:
            found = [c for c in data["contacts"] if c["id"] == match["contact"]]
        if not found or match["field"] not in found[0]:
            raise KeyError(f"{source}: no such contact, resource or field in data/crisis_contacts.yml")
        return str(found[0][match["field"]])
    if source.startswith("crisis_contacts.yml"):
        raise KeyError(f"{source}: write 'crisis_contacts.yml <id>.<field>' or 'resources[<name>].<field>'")
    path = SOURCES / source
    if "/" in source or not path.is_file():
        raise KeyError(f"{source}: not a file in docs/sources/")
    return path.read_text(encoding="utf-8")


# --- the names ---------------------------------------------------------------------------------------


def names() -> dict[str, list[str]]:
    """Every name (and number) of a real organisation, by organisation.

    From data/crisis_contacts.yml: each contact's and resource's own name, the part before a comma or a
    bracket, the bracketed part, every number; then the short forms and seed-only names in data/claims.yml.
    """
    found: dict[str, list[str]] = defaultdict(list)
    data = contacts_data()
    entries = [(c["id"], c) for c in data["contacts"]] + [(r["name"], r) for r in data.get("resources") or []]
    for key, entry in entries:
        name = entry["name"]
        found[key] += [name, re.split(r"[,(]", name)[0].strip()]
        found[key] += re.findall(r"\(([^)]+)\)", name)
        found[key] += [str(entry[k]) for k in ("phone", "sms_number") if entry.get(k)]
    listed = claims_data()["names"]
    for key, short in (listed.get("short_forms") or {}).items():
        if key not in found:
            raise KeyError(f"data/claims.yml names.short_forms: {key!r} is not a contact id or resource name")
        found[key] += short
    for org in listed.get("seed_only") or []:
        found[org["name"]] += [org["name"], *(org.get("also") or [])]
    return {key: sorted(set(n for n in value if n), key=len, reverse=True) for key, value in found.items()}


@lru_cache(maxsize=1)
def _name_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for org, org_names in names().items():
        alternatives = "|".join(re.escape(normalise(n)) for n in org_names)
        out.append((org, re.compile(rf"(?<![\w])(?:{alternatives})(?:s|es)?(?![\w])", re.I)))
    return out


def orgs_named(sentence: str) -> tuple[str, ...]:
    return tuple(org for org, pattern in _name_patterns() if pattern.search(sentence))


# --- what counts as a sentence about one -------------------------------------------------------------


def sentences(said: Said) -> Iterator[Sentence]:
    """The sentences of one text that are about a real organisation."""
    text_names_one = bool(orgs_named(normalise(said.text)))
    for raw_line in said.text.splitlines():
        bullet = bool(_BULLET.match(raw_line))
        raw_line = _BULLET.sub("", raw_line).translate(_QUOTES)
        line = normalise(raw_line)
        if not line:
            continue
        previous_about = False
        bullet_about = False
        for index, part in enumerate(_SENTENCE_END.split(raw_line.strip())):
            sentence = normalise(part)
            if not re.search(r"[A-Za-z0-9]", sentence):
                continue
            orgs = orgs_named(sentence)
            about = bool(orgs)
            about = about or (said.mode == ALL)
            about = about or (previous_about and bool(_CARRIES_ON.match(sentence)))
            about = about or (bullet and bullet_about)
            about = about or (said.mode == CONTACTS_BESIDE and bool(_OF_THE_LIST.search(sentence)))
            about = about or ((said.mode == CONTACTS_BESIDE or text_names_one) and bool(_FACT_WORDS.search(sentence)))
            if index == 0:
                bullet_about = about
            previous_about = about
            if about:
                yield Sentence(said.place, sentence, line, orgs)


# --- the places the bot says them --------------------------------------------------------------------


def _load_script(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def crisis_contact_lines() -> set[str]:
    """Every contact line the crisis replies can carry, rendered from crisis_contacts.yml by the script."""
    script = _load_script("build_crisis_domain")
    return {normalise(_BULLET.sub("", script.contact_line(c))) for c in contacts_data()["contacts"]}


def helpline_lines() -> set[str]:
    """Every contact line bot/helplines.py renders from crisis_contacts.yml."""
    from bot import helplines

    return {normalise(c.line()) for c in helplines.contacts().values()}


def from_domain() -> Iterator[Said]:
    domain = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))
    for name, variants in domain["responses"].items():
        for variant in variants:
            if not variant.get("text"):
                continue
            values = [c["value"] for c in variant.get("condition") or [] if "value" in c]
            place = f"domain.yml {name}" + (f" {' '.join(map(str, values))}" if values else "")
            if name == "utter_what_is" and values:
                mode = ALL
            elif name.startswith("utter_crisis"):
                mode = CONTACTS_BESIDE
            else:
                mode = NAMED
            yield Said(place, variant["text"], mode)


def from_replies() -> Iterator[Said]:
    from bot import replies, worries
    from bot.people import PARENT, PROFESSIONAL, YOUNG_PERSON

    where = "bot/replies.py "
    labels = sorted({w.label for w in worries.worries().values()} | {"this"})
    for label in labels:
        yield Said(where + "parent_support_text", replies.parent_support_text(label, 12, None))
        for families in (False, True):
            yield Said(where + "professional_intro", replies.professional_intro(label, families=families))
    yield Said(where + "FAMILY_HUBS", replies.FAMILY_HUBS)
    yield Said(where + "under_five", replies.under_five())
    yield Said(where + "over_twenty_five", replies.over_twenty_five()[0], CONTACTS_BESIDE)
    yield Said(where + "directory_down", replies.directory_down()[0], CONTACTS_BESIDE)
    for feeling in replies.FEELINGS:
        for speaker in (YOUNG_PERSON, PARENT, PROFESSIONAL):
            text = replies.acknowledge([feeling], speaker)
            if text:
                yield Said(where + "acknowledge", text)


def _js_strings(source: str) -> list[tuple[int, int, str]]:
    """(start, end, value) of each double-quoted string literal, comments and regex literals skipped."""
    blanked = re.sub(r"/\*.*?\*/", lambda m: " " * len(m.group()), source, flags=re.S)
    blanked = re.sub(r"(?m)^\s*//.*$", lambda m: " " * len(m.group()), blanked)
    blanked = re.sub(r"(?m)=\s*/.+/[gimsuy]*;\s*$", lambda m: " " * len(m.group()), blanked)
    out = []
    for match in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', blanked):
        value = json.loads('"' + match.group(1).replace("\\'", "'") + '"')
        out.append((match.start(), match.end(), value))
    return out


def from_widget() -> Iterator[Said]:
    """The widget's own words: string literals, joined where the code joins them ("checked on " + date)."""
    script = WIDGET.read_text(encoding="utf-8")
    begin, end = script.index("// BEGIN crisis contacts"), script.index("// END crisis contacts")
    script = script[:begin] + " " * (end - begin) + script[end:]  # the bundled data: checked as data
    help_start = script.index("const help = el(")
    help_end = script.index(");", script.index("renderContactList(CRISIS.contacts", help_start))
    pieces = _js_strings(script)
    texts: list[tuple[int, str]] = []
    for index, (start, _end, value) in enumerate(pieces):
        between = script[pieces[index - 1][1] : start] if index else ";"
        joined = index and re.fullmatch(r"[\s+()|&?:=!.\w]*", between) and "+" in between
        if joined:
            gap = "\u2026" if re.search(r"\w", between) else ""
            texts[-1] = (texts[-1][0], texts[-1][1] + gap + value)
        else:
            texts.append((start, value))
    for start, value in texts:
        if len(value.split()) < 3:
            continue  # class names, attributes, single words: not sentences
        in_help = help_start <= start <= help_end
        place = "bot/widget/widget.js " + ("help panel" if in_help else "texts")
        yield Said(place, value, CONTACTS_BESIDE if in_help else NAMED)


def everything_said() -> list[Said]:
    return [*from_domain(), *from_replies(), *from_widget()]


def mechanical(sentence: Sentence) -> bool:
    """A contact line rendered from crisis_contacts.yml's fields, not hand-written words."""
    return sentence.line in crisis_contact_lines() or sentence.line in helpline_lines()


def about_orgs() -> dict[str, set[str]]:
    """Every hand-written sentence about a real organisation, and the places it is said."""
    found: dict[str, set[str]] = defaultdict(set)
    for said in everything_said():
        for sentence in sentences(said):
            if not mechanical(sentence):
                found[sentence.text].add(sentence.place)
    return found


def all_sentences() -> dict[str, set[str]]:
    """Every sentence said anywhere (about an organisation or not), and where: to find stale claims."""
    found: dict[str, set[str]] = defaultdict(set)
    for said in everything_said():
        for line in said.text.splitlines():
            for part in _SENTENCE_END.split(_BULLET.sub("", line).translate(_QUOTES).strip()):
                if normalise(part):
                    found[normalise(part)].add(said.place)
    return found


def prose_literals(paths: list[Path]) -> Iterator[tuple[str, int, str]]:
    """String constants of five words or more (docstrings aside) in Python files: (file, line, text)."""
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if len(node.value.split()) >= 5:
                    yield str(path.relative_to(ROOT)), node.lineno, node.value


# --- the real listings in the sample directory ---------------------------------------------------------

# Fields of a directory record that are not prose: ids, names, links, numbers, dates, codes and HSDS enums.
# Every other text field of a real record (description, eligibility_description, fees_description,
# application_process, the organisation's description, a phone's, schedule's or cost's description...) is
# read, so a new free-text field is traced without a change here.
NOT_PROSE = {
    "id", "link_id", "link_type", "taxonomy_term_id", "label", "name", "url", "website", "email",
    "assurer_email", "number", "type", "status", "freq", "byday", "opens_at", "closes_at", "valid_from",
    "valid_to", "dtstart", "until", "assured_date", "last_modified", "currency", "location_type", "language",
}  # fmt: skip


def sample_term_id() -> str:
    """The id of the data-status term that marks a fictional listing (directory/data_status.py)."""
    from directory.data_status import SAMPLE_DATA

    taxonomy = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    (term,) = [t for t in taxonomy["status_taxonomy"]["terms"] if t["code"] == SAMPLE_DATA]
    return str(term["id"])


def real_records(services: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The records of data/directory/services.json not marked as sample data: real organisations."""
    if services is None:
        services = json.loads(SERVICES.read_text(encoding="utf-8"))["services"]
    sample = sample_term_id()
    return [s for s in services if not any(a.get("taxonomy_term_id") == sample for a in s.get("attributes") or [])]


def record_texts(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(field, text) for every prose field of a record, nested ones too ("organization.description")."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key not in NOT_PROSE:
                yield from record_texts(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for inner in value:
            yield from record_texts(inner, path)
    elif isinstance(value, str) and re.search(r"[A-Za-z]", value):
        yield path, value


def listing_sentences(services: list[dict[str, Any]] | None = None) -> dict[str, set[str]]:
    """Every sentence of a real listing's prose fields, and where: "services.json <record>: <field>"."""
    found: dict[str, set[str]] = defaultdict(set)
    for record in real_records(services):
        for field, text in record_texts(record):
            for line in text.splitlines():
                for part in _SENTENCE_END.split(line.translate(_QUOTES).strip()):
                    if re.search(r"[A-Za-z0-9]", normalise(part)):
                        found[normalise(part)].add(f"services.json {record['name']}: {field}")
    return found


def main() -> int:
    claimed = {normalise(c["said"]) for c in claims_data()["claims"]}
    missing = {s: p for s, p in about_orgs().items() if s not in claimed}
    listed = {normalise(c["said"]) for c in claims_data().get("listings") or []}
    missing_listings = {s: p for s, p in listing_sentences().items() if s not in listed}
    for sentence, places in sorted(missing.items()):
        print(yaml.safe_dump([{"said": sentence, "where": sorted(places), "from": []}], sort_keys=False, width=1000))
    if missing_listings:
        print("# listings:")
    for sentence, places in sorted(missing_listings.items()):
        print(yaml.safe_dump([{"said": sentence, "where": sorted(places), "from": []}], sort_keys=False, width=1000))
    return 1 if missing or missing_listings else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
