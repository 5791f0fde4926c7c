"""Write the crisis slot and replies into domain.yml from data/crisis_contacts.yml.

Every number in the crisis replies comes from the checked contacts file, so
the replies cannot drift from it; a test regenerates the blocks and compares.
The script owns only the blocks between "# >>> generated" and "# <<< generated"
in the domain's `slots` and `responses`; everything else in the file is hand-written.

    .venv-rasa/bin/python scripts/build_crisis_domain.py            # rewrite the blocks in domain.yml
    .venv-rasa/bin/python scripts/build_crisis_domain.py --check    # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTACTS = ROOT / "data" / "crisis_contacts.yml"
OUT = ROOT / "domain.yml"
BEGIN = "  # >>> generated"
END = "  # <<< generated"

DEFAULT_CATEGORY = "suicide_or_self_harm"

# What the reply says before and after the list of contacts, per risk. Plain
# words for a reading age of about 11; no numbers here, they come from the data.
WORDING: dict[str, tuple[str, str]] = {
    "suicide_or_self_harm": (
        "I'm really glad you told me. You matter, and you don't have to deal with this on your own. "
        "If you might act on these thoughts or you are hurt, call 999 now. "
        "You can talk to someone right now, day or night:",
        "Talking to someone can help, even if it feels hard.",
    ),
    "abuse_or_exploitation": (
        "I'm really sorry this is happening. It is not your fault, and you deserve to be safe. "
        "If you are in danger right now, call 999. These people can help:",
        "You can tell them as much or as little as you want.",
    ),
    "immediate_danger": (
        "Your safety comes first. If you are in danger right now, call 999 now. "
        "If you can, go somewhere safe and stay near other people. You can also get help here:",
        "You are not on your own.",
    ),
    "parent_worried": (
        "Thank you for telling me. You are doing the right thing by getting help. "
        "If someone is in danger right now, call 999. These services can help you and them:",
        "You don't have to work this out on your own.",
    ),
    # Only the second net fired: no rule names a risk, so ask, with the contacts on screen.
    "check_in": (
        "It sounds like things might be really hard right now. Are you safe? "
        "If you are in danger right now, call 999. If you want to talk to someone, you can, day or night:",
        "I'm here if you want to tell me more.",
    ),
}

FOLLOWUP = (
    "You're not in trouble for telling me. You can keep talking to me, "
    "or I can help you find something near you."
)
CHECK_IN_FOLLOWUP = (
    "You can tell me what's going on, or I can help you find something near you."
)
FOLLOWUP_BUTTONS = [
    {"title": "Find something to do near me", "payload": "/find_activity"},
    {"title": "Help for parents and carers", "payload": "/parent_help"},
]


def load_contacts(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    by_id = {c["id"]: c for c in data["contacts"]}
    missing = {cid for route in data["routes"].values() for cid in route} - set(by_id)
    if missing:
        raise ValueError(f"routes name unknown contacts: {sorted(missing)}")
    unknown = set(data["routes"]) ^ set(WORDING)
    if unknown:
        raise ValueError(f"routes and wording disagree on: {sorted(unknown)}")
    return {"by_id": by_id, "routes": data["routes"]}


def contact_payload(c: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": c["id"],
        "name": c["name"],
        "phone": c.get("phone"),
        "text": c.get("text"),
        "url": c.get("url"),
        "hours": c.get("hours"),
    }


def contact_line(c: dict[str, Any]) -> str:
    if c.get("phone"):
        how = f"call {c['phone']}"
        if c["id"] == "nhs_111_mental_health":
            how += " and choose the mental health option"
    else:
        how = c["text"]  # e.g. "Text SHOUT to 85258": the data's own words
    hours = "" if c.get("hours") == "24/7" else f" ({_hours_without_digits_clash(c['hours'])})"
    return f"- {c['name']}: {how}{hours}"


def _hours_without_digits_clash(hours: str) -> str:
    # Shown after a phone number, so keep only the phone part of the opening times.
    return hours.split(";")[0].removeprefix("phone ").strip()


def reply(category: str, contacts: dict[str, Any]) -> dict[str, Any]:
    route = [contacts["by_id"][cid] for cid in contacts["routes"][category]]
    before, after = WORDING[category]
    text = "\n".join([before, *(contact_line(c) for c in route), after])
    return {
        "text": text,
        "custom": {
            "type": "crisis",
            "category": category,
            "contacts": [contact_payload(c) for c in route],
        },
    }


def build(contacts: dict[str, Any]) -> dict[str, Any]:
    categories = list(contacts["routes"])
    variations: list[dict[str, Any]] = []
    for category in categories:
        variations.append(
            {"condition": [{"type": "slot", "name": "risk_category", "value": category}],
             **reply(category, contacts)}
        )
    variations.append(reply(DEFAULT_CATEGORY, contacts))  # used when no category is set
    return {
        "slots": {
            "risk_category": {
                "type": "categorical",
                "values": categories,
                "influence_conversation": True,
                "mappings": [{"type": "from_entity", "entity": "risk_category"}],
            }
        },
        "responses": {
            "utter_crisis": variations,
            "utter_crisis_followup": [
                {"condition": [{"type": "slot", "name": "risk_category", "value": "check_in"}],
                 "text": CHECK_IN_FOLLOWUP, "buttons": FOLLOWUP_BUTTONS},
                {"text": FOLLOWUP, "buttons": FOLLOWUP_BUTTONS},
            ],
        },
    }


class MarkersMissing(ValueError):
    """The domain file lacks a section's generated block, so nothing could be written."""


def _block(section: dict[str, Any]) -> list[str]:
    body = yaml.safe_dump(section, sort_keys=False, allow_unicode=True, width=1000)
    return ["  " + line if line else line for line in body.splitlines()]


def render(contacts_path: Path, domain_text: str) -> str:
    """The domain file with the generated block of each section (slots, responses) rewritten."""
    generated = build(load_contacts(contacts_path))
    lines = domain_text.splitlines()
    out: list[str] = []
    section = ""
    written: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        if line[:1].isalpha() and line.endswith(":"):
            section = line[:-1]
        if line == BEGIN:
            if section not in generated or section in written or END not in lines[i + 1:]:
                raise MarkersMissing(f"a '{BEGIN.strip()}' block in '{section}' is unclosed, repeated or unexpected")
            out += [*_block(generated[section]), END]
            written.append(section)
            i = lines.index(END, i + 1)
        i += 1
    if sorted(written) != sorted(generated):
        raise MarkersMissing(f"needs one '{BEGIN.strip()}' block in each of: {', '.join(generated)}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=Path, default=CONTACTS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="fail if --out is out of date")
    args = parser.parse_args(argv)

    current = args.out.read_text(encoding="utf-8")
    try:
        rendered = render(args.contacts, current)
    except MarkersMissing as exc:
        print(f"{args.out}: {exc}", file=sys.stderr)
        return 2
    if args.check:
        if current != rendered:
            print(f"{args.out} is out of date: run scripts/build_crisis_domain.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(rendered, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
