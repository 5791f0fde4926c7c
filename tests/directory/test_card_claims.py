"""Every claim a card makes is in its record (issue #16, point 2).

For every service in the seed, the reason and the card payload are built as /recommendations builds
them, with no place asked (where "online", "by phone" and "by text" show) and with one (a distance).
Each part of the reason is then read back against the HSDS record as JSON, not against what the index
made of it: a part no check recognises fails too, so a new kind of claim cannot slip in unchecked.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest

from directory.api.recommend import service_item
from directory.search.documents import for_adults
from directory.search.engine import age_text
from directory.search.index import Hit

ALL_DAYS = 0b1111111
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_WORDS = {"Every day": set(DAY_CODES), "Weekends": {"SA", "SU"}, "Mon-Fri": set(DAY_CODES[:5])}
SHORT = dict(zip(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), DAY_CODES, strict=True))
VOICE = {None, "", "voice", "cell"}  # RFC 6350: a TEL with no type is voice
WAYS = {"online", "by phone", "by text"}


@pytest.fixture(scope="module")
def search(client):
    return client.app.state.search


@pytest.fixture(scope="module")
def term_names(taxonomy_doc) -> dict[str, str]:
    return {t["id"]: t["name"] for t in taxonomy_doc["terms"]}


def locations(record: dict) -> list[dict]:
    return [sal["location"] for sal in record.get("service_at_locations") or []]


def cards(search, record: dict) -> Iterator[dict]:
    doc = search.index.docs[search.index.slot_of[record["id"]]]
    anfield = search.gazetteer.resolve("Anfield")
    yield service_item(search, Hit(doc, 0.0, None, ()), None, ALL_DAYS)
    yield service_item(search, Hit(doc, 0.0, 1.3, ()), anfield, ALL_DAYS)


def check_ways(part: str, record: dict, card: dict) -> None:
    ways = set(re.split(r", | or ", part))
    assert ways <= WAYS, part
    if "online" in ways:
        located = [loc for loc in locations(record) if loc.get("location_type") == "physical"]
        virtual = [loc for loc in locations(record) if loc.get("location_type") == "virtual"]
        assert virtual or (not located and record.get("url")), "online, with no virtual location nor a website alone"
        assert card["online"] is True
    if "by phone" in ways:
        assert any(p.get("type") in VOICE for p in record["phones"]), "by phone, with no number to call"
    if "by text" in ways:
        assert any(p.get("type") == "text" for p in record["phones"]), "by text, with no text line"


def check_ages(part: str, record: dict) -> None:
    lo, hi = record.get("minimum_age"), record.get("maximum_age")
    if m := re.fullmatch(r"ages (\d+)-(\d+)", part):
        assert (lo, hi) == (int(m[1]), int(m[2]))
    elif m := re.fullmatch(r"ages (\d+)\+", part):
        assert (lo, hi) == (int(m[1]), None)
    elif m := re.fullmatch(r"up to age (\d+)", part):
        assert hi == int(m[1])
    elif m := re.fullmatch(r"adults \((\d+)\+\)", part):
        assert lo == int(m[1]) >= 18 and hi is None
    else:
        assert part == "adults" and lo is None and hi is None
        assert (record.get("eligibility_description") or "").lower().startswith("adults")


def check_days(part: str, record: dict) -> None:
    named = DAY_WORDS.get(part) or {SHORT[d] for d in part.split(", ")}
    scheduled = {d.strip()[-2:] for s in record.get("schedules") or [] for d in (s.get("byday") or "").split(",")}
    assert named == scheduled - {""}


def check_cost(part: str, record: dict) -> None:
    amounts = [float(c.get("amount") or 0) for c in record.get("cost_options") or []]
    if part == "free":
        assert (amounts and not any(amounts)) or (
            not amounts and re.search(r"\bfree\b", record.get("fees_description") or "", re.I)
        )
    else:
        assert part == "has a fee" and any(a > 0 for a in amounts)


def check_terms(part: str, record: dict, term_names: dict[str, str]) -> None:
    mine = {term_names[t].lower() for a in record.get("attributes") or [] if (t := a["taxonomy_term_id"]) in term_names}
    assert {name.lower() for name in part.split(" & ")} <= mine


def check_reason(card: dict, record: dict, term_names: dict[str, str]) -> None:
    parts = card["reason"].split(" · ")
    assert all(parts), card["reason"]
    check_terms(parts[0], record, term_names)
    for part in parts[1:]:
        if re.fullmatch(r"\d+\.\d km from Anfield", part):
            assert card["distance_km"] is not None
        elif set(re.split(r", | or ", part)) <= WAYS:
            check_ways(part, record, card)
        elif re.match(r"(ages|up to age|adults)\b", part):
            check_ages(part, record)
        elif part in DAY_WORDS or set(part.split(", ")) <= set(SHORT):
            check_days(part, record)
        elif part in ("free", "has a fee"):
            check_cost(part, record)
        else:
            # Where a service with no point on the map takes place, in its record's words ("In schools").
            assert part in {loc.get("name") for loc in locations(record)}, f"a claim no check knows: {part!r}"


def check_sample(card: dict, record: dict, sample_term_id: str) -> None:
    marked = any(a["taxonomy_term_id"] == sample_term_id for a in record.get("attributes") or [])
    assert card["sample"] is marked, "the card's sample flag is not the record's mark"


def check_contacts(card: dict, record: dict) -> None:
    phones = record["phones"]
    if card["phone"] is not None:
        assert any(p["number"] == card["phone"] and p.get("type") in VOICE for p in phones)
    else:
        assert not any(p.get("type") in VOICE for p in phones), "a number to call, left off the card"
    texts = [p for p in phones if p.get("type") == "text"]
    if texts:
        # A text line: its words and an sms: number, and never a number to call.
        assert card["sms"] == re.sub(r"\D", "", texts[0]["number"]) and texts[0]["number"] in card["text"]
        assert card["text"].startswith("Text ") and card["phone"] != texts[0]["number"]
    else:
        assert card["sms"] is None and card["text"] is None
    assert card["url"] == record.get("url")
    assert (card["minimum_age"], card["maximum_age"]) == (record.get("minimum_age"), record.get("maximum_age"))


def test_every_claim_on_every_card_is_in_its_record(search, seed_doc, term_names, sample_term_id):
    checked = 0
    for record in seed_doc["services"]:
        for card in cards(search, record):
            try:
                check_reason(card, record, term_names)
                check_contacts(card, record)
                check_sample(card, record, sample_term_id)
            except AssertionError as error:
                raise AssertionError(f"{record['name']}: {card['reason']!r}: {error}") from None
            checked += 1
    assert checked == 2 * len(seed_doc["services"])


def _placeless_card(search, seed_doc, name: str) -> dict[str, Any]:
    (record,) = [r for r in seed_doc["services"] if r["name"] == name]
    return next(cards(search, record))


@pytest.mark.parametrize(
    ("name", "where", "ages"),
    [
        # The services issue #16 names, each as its record has it.
        ("Kooth", "online", None),
        ("Liverpool CAMHS", "online", "ages 0-25"),
        ("Children's Mental Health Week resources (Place2Be)", "online", None),
        ("Wellbeing Ambassadors (Place2Be)", "In schools", None),
        ("Shout", "by text", None),
        ("NSPCC Helpline", "online or by phone", "adults"),
        ("Samaritans", "by phone", None),
        ("Papyrus HOPELINE247", "by phone", None),
        ("Childline", "online or by phone", "up to age 18"),
    ],
)
def test_the_services_the_issue_names(search, seed_doc, name, where, ages):
    card = _placeless_card(search, seed_doc, name)
    parts = card["reason"].split(" · ")
    assert where in parts, card["reason"]
    assert [p for p in parts if re.match(r"(ages|up to age|adults|all ages)\b", p)] == ([ages] if ages else [])


def test_shout_is_a_text_line_and_never_a_call(search, seed_doc):
    card = _placeless_card(search, seed_doc, "Shout")
    assert card["phone"] is None
    assert (card["text"], card["sms"]) == ("Text SHOUT to 85258", "85258")


@pytest.mark.parametrize(
    ("lo", "hi", "eligibility", "said"),
    [
        (18, None, "Young adults.", "adults (18+)"),
        (21, None, None, "adults (21+)"),
        (16, None, "Adults and older teenagers.", "ages 16+"),  # the record's ages win over its wording
        (None, None, "Adults worried about a child's safety.", "adults"),
        (None, None, "Young people; adults welcome.", ""),
        (None, 25, "Adults.", "up to age 25"),
        (None, None, "Anyone.", ""),  # never "all ages": the record does not say so
    ],
)
def test_adults_only_where_the_record_says_so(search, seed_doc, lo, hi, eligibility, said):
    base = search.index.docs[search.index.slot_of[seed_doc["services"][0]["id"]]]
    doc = dataclasses.replace(base, minimum_age=lo, maximum_age=hi, for_adults=for_adults(lo, hi, eligibility))
    assert age_text(doc) == said
