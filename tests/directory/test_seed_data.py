"""The taxonomy and the sample Liverpool directory (data/directory/).

Everything here is checked from the JSON files, data/geo/liverpool_places.csv
and data/crisis_contacts.yml alone, so the seed can be trusted before any
database or API sees it.
"""

from __future__ import annotations

import csv
import json
import math
import re
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from directory import data_status

ROOT = Path(__file__).resolve().parents[2]
DIRECTORY = ROOT / "data" / "directory"
PLACES = ROOT / "data" / "geo" / "liverpool_places.csv"
CONTACTS = ROOT / "data" / "crisis_contacts.yml"
GENERATOR = ROOT / "scripts" / "build_seed_directory.py"

SAMPLE_ORG_PREFIX = "Sample organisation (fictional, for demonstration)."
SAMPLE_SUFFIX = "(Sample listing.)"
TAXONOMY_BASE = "https://example.org/find-your-place/taxonomy/"
SAMPLE_TERM_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, TAXONOMY_BASE + data_status.SAMPLE_DATA))
# Real organisations' brands and names that sound like an official service: no fictional listing uses one.
REAL_BRANDS = [
    line.strip() for line in (ROOT / "tests" / "directory" / "real_brands.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]
DRAMA_NUMBER = re.compile(r"^0151 496 0\d{3}$")
OUTCODE = re.compile(r"^[A-Z]{1,2}\d{1,2}[A-Z]?$")
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
TODAY = date.today()

REQUIRED_TERMS = {
    "football",
    "basketball",
    "boxing",
    "swimming",
    "dance",
    "drama",
    "music",
    "art",
    "gaming",
    "coding",
    "cooking",
    "nature",
    "volunteering",
    "youth_club",
    "lgbtq",
    "faith",
    "culture",
    "send_inclusive",
    "mentoring",
    "peer_support",
    "family_hub",
    "parenting_support",
    "mental_health_support",
    "camhs",
    "crisis_support",
}
# Words the safety layer owns: an interest synonym must never swallow them.
CRISIS_WORDS = (
    "suicid",
    "self harm",
    "self-harm",
    "selfharm",
    "kill myself",
    "kms",
    "unalive",
    "end my life",
    "overdose",
    "cutting myself",
    "abuse",
    "abused",
    "want to die",
)
# Synonyms deliberately shared by two terms. Keep this short.
SHARED_SYNONYMS: set[str] = set()
REAL_NAMES = {
    "Childline",
    "Samaritans",
    "Shout",
    "Papyrus HOPELINE247",
    "Liverpool CAMHS Crisis Care Team (Alder Hey)",
    "NHS 111, mental health option",
    "NSPCC Helpline",
    "Liverpool CAMHS",
    "Liverpool CAMHS online referral",
    "Liverpool CAMHS While You're Waiting guide",
    "Kooth",
    "Wellbeing Ambassadors (Place2Be)",
    "Children's Mental Health Week resources (Place2Be)",
    "NOW Mental Health Festival 2026",
}


# ---------------------------------------------------------------- fixtures ---
def schema_dir() -> Path:
    local = ROOT / "tests" / "schemas" / "hsds"
    return local if (local / "service.json").exists() else ROOT.parent / "shared" / "standards" / "hsds"


@pytest.fixture(scope="module")
def service_validator() -> Draft202012Validator:
    folder = schema_dir()
    # The HSDS $refs are bare file names ("organization.json"), so register each schema under its file name.
    resources = [
        (p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8")), default_specification=DRAFT202012))
        for p in sorted(folder.glob("*.json"))
        if p.name != "openapi.json"
    ]
    registry = Registry().with_resources(resources)
    schema = json.loads((folder / "service.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def taxonomy() -> dict[str, Any]:
    return json.loads((DIRECTORY / "taxonomy.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def terms(taxonomy: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["code"]: t for t in taxonomy["terms"]}


@pytest.fixture(scope="module")
def code_by_id(taxonomy: dict[str, Any]) -> dict[str, str]:
    return {t["id"]: t["code"] for t in taxonomy["terms"]}


@pytest.fixture(scope="module")
def directory() -> dict[str, Any]:
    return json.loads((DIRECTORY / "services.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(directory: dict[str, Any]) -> list[dict[str, Any]]:
    return directory["services"]


@pytest.fixture(scope="module")
def places() -> list[dict[str, Any]]:
    with PLACES.open(newline="", encoding="utf-8") as fh:
        return [{**r, "latitude": float(r["latitude"]), "longitude": float(r["longitude"])} for r in csv.DictReader(fh)]


@pytest.fixture(scope="module")
def contacts_text() -> str:
    return CONTACTS.read_text(encoding="utf-8")


# ----------------------------------------------------------------- helpers ---
def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def is_sample(svc: dict[str, Any]) -> bool:
    return svc["organization"]["description"].startswith(SAMPLE_ORG_PREFIX)


def is_expired(svc: dict[str, Any]) -> bool:
    return any("valid_to" in s and date.fromisoformat(s["valid_to"]) < TODAY for s in svc.get("schedules", []))


def is_current(svc: dict[str, Any]) -> bool:
    return svc["status"] == "active" and not is_expired(svc)


def is_free(svc: dict[str, Any]) -> bool:
    options = svc.get("cost_options", [])
    return bool(options) and all(o["amount"] == 0 for o in options)


def serves(svc: dict[str, Any], age: int) -> bool:
    return "minimum_age" in svc and "maximum_age" in svc and svc["minimum_age"] <= age <= svc["maximum_age"]


def physical_points(svc: dict[str, Any]) -> Iterator[tuple[float, float]]:
    for sal in svc.get("service_at_locations", []):
        loc = sal["location"]
        if loc["location_type"] == "physical" and "latitude" in loc and "longitude" in loc:
            yield loc["latitude"], loc["longitude"]


def interest_attributes(svc: dict[str, Any]) -> list[dict[str, Any]]:
    """What a service offers: every attribute but the data-status mark."""
    return [a for a in svc["attributes"] if a["taxonomy_term_id"] != SAMPLE_TERM_ID]


def term_codes(svc: dict[str, Any], code_by_id: dict[str, str]) -> set[str]:
    return {code_by_id[a["taxonomy_term_id"]] for a in interest_attributes(svc)}


def walk_ids(node: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """Every (path, id, object) pair in a nested HSDS record."""
    if isinstance(node, dict):
        if "id" in node:
            yield path, node["id"], node
        for key, value in node.items():
            yield from walk_ids(value, f"{path}.{key}")
    elif isinstance(node, list):
        for item in node:
            yield from walk_ids(item, path)


# ---------------------------------------------------------------- taxonomy ---
def test_taxonomy_header_has_deterministic_id(taxonomy: dict[str, Any]) -> None:
    head = taxonomy["taxonomy"]
    assert set(head) >= {"id", "name", "description", "uri", "version"}
    assert head["id"] == str(uuid.uuid5(uuid.NAMESPACE_URL, TAXONOMY_BASE + "taxonomy"))
    assert head["name"] == "Find Your Place activities and support"


def test_terms_have_deterministic_ids_and_valid_shape(
    terms: dict[str, dict[str, Any]], taxonomy: dict[str, Any]
) -> None:
    assert len(terms) == len(taxonomy["terms"]), "codes are unique"
    for code, term in terms.items():
        assert set(term) == {"id", "code", "name", "description", "parent_code", "kind", "synonyms"}, code
        assert term["id"] == str(uuid.uuid5(uuid.NAMESPACE_URL, TAXONOMY_BASE + code)), code
        assert re.fullmatch(r"[a-z][a-z0-9_]*", code), code
        assert term["kind"] in {"activity", "group", "support"}, code
        assert term["name"].strip() and term["description"].strip(), code
        if term["parent_code"] is not None:
            parent = terms[term["parent_code"]]
            assert parent["parent_code"] is None, f"{code}: the tree is two levels deep"


def test_taxonomy_has_required_terms_and_a_useful_size(terms: dict[str, dict[str, Any]]) -> None:
    leaves = {c for c, t in terms.items() if t["parent_code"] is not None}
    assert REQUIRED_TERMS <= leaves, REQUIRED_TERMS - leaves
    assert 40 <= len(leaves) <= 70
    for code in leaves:
        assert len(terms[code]["synonyms"]) >= 3, f"{code} needs the words people actually type"


def test_synonyms_are_lowercase_unique_and_free_of_crisis_words(terms: dict[str, dict[str, Any]]) -> None:
    owner: dict[str, list[str]] = {}
    for code, term in terms.items():
        for syn in term["synonyms"]:
            assert syn == syn.lower() == syn.strip() and syn, f"{code}: {syn!r}"
            owner.setdefault(syn, []).append(code)
            assert not any(w in syn for w in CRISIS_WORDS), f"{code}: {syn!r} belongs to the safety layer"
    shared = {s: codes for s, codes in owner.items() if len(codes) > 1 and s not in SHARED_SYNONYMS}
    assert not shared, shared
    # A synonym equal to another term's name would make that term unreachable by name.
    names = {t["name"].lower(): c for c, t in terms.items()}
    clashes = {s: (codes, names[s]) for s, codes in owner.items() if s in names and names[s] not in codes}
    assert not clashes, clashes


def test_taxonomy_carries_the_words_young_people_use(terms: dict[str, dict[str, Any]]) -> None:
    expect = {
        "football": ["footy", "soccer", "5 a side"],
        "basketball": ["ballin", "hoops"],
        "music": ["making beats", "producing"],
        "drama": ["theatre kid", "acting"],
        "art": ["drawing", "manga", "anime"],
        "gaming": ["fortnite", "minecraft"],
        "coding": ["programming", "robotics"],
        "lgbtq": ["lgbt", "gay", "trans", "queer", "non binary"],
        "send_inclusive": ["autism", "autistic", "adhd", "special needs", "wheelchair", "sen", "send"],
        "faith": ["mosque", "church", "gurdwara"],
        "mental_health_support": ["someone to talk to", "anxiety", "feeling low"],
        "counselling": ["counsellor"],
        "crisis_support": ["helpline", "crisis line", "urgent help"],
    }
    for code, words in expect.items():
        missing = set(words) - set(terms[code]["synonyms"])
        assert not missing, (code, missing)


# ---------------------------------------------------------- shape and ids ---
def test_meta_marks_the_directory_as_sample(directory: dict[str, Any]) -> None:
    assert directory["meta"]["sample"] is True
    assert directory["meta"]["generated_by"] == "scripts/build_seed_directory.py"
    assert "sample" in directory["meta"]["description"].lower()


def test_every_service_validates_against_hsds(
    services: list[dict[str, Any]], service_validator: Draft202012Validator
) -> None:
    assert len(services) >= 250
    errors = [
        (svc["name"], list(e.absolute_path), e.message) for svc in services for e in service_validator.iter_errors(svc)
    ]
    assert not errors, errors[:10]


def test_validator_rejects_a_broken_service(
    services: list[dict[str, Any]], service_validator: Draft202012Validator
) -> None:
    # Guards the guard: a validator that resolved no $refs would accept these.
    broken = json.loads(json.dumps(services[0]))
    broken["status"] = "open"
    broken["service_at_locations"][0]["location"]["location_type"] = "somewhere"
    broken["organization"].pop("name")
    messages = " ".join(e.message for e in service_validator.iter_errors(broken))
    assert "'open'" in messages and "'somewhere'" in messages and "'name' is a required property" in messages


def test_formats_the_validator_cannot_check(services: list[dict[str, Any]]) -> None:
    # jsonschema skips uri and date-time without optional packages, so check them here.
    for svc in services:
        urls = [svc.get("url"), svc["organization"].get("website")]
        urls += [sal["location"].get("url") for sal in svc["service_at_locations"]]
        for url in filter(None, urls):
            parsed = urlparse(url)
            assert parsed.scheme == "https" and parsed.netloc, (svc["name"], url)
        assert svc["last_modified"].endswith("Z"), svc["name"]
        datetime.fromisoformat(svc["last_modified"].replace("Z", "+00:00"))
        assert date.fromisoformat(svc["assured_date"]) <= TODAY, svc["name"]
        assert svc["assurer_email"].endswith("@example.org")


def test_ids_are_unique_and_shared_organisations_agree(services: list[dict[str, Any]]) -> None:
    seen: dict[str, tuple[str, Any]] = {}
    for svc in services:
        for path, ident, obj in walk_ids(svc):
            assert str(uuid.UUID(ident)) == ident, (svc["name"], path)
            if ident in seen:
                # Only an organisation may appear under several services, and then it is the same record.
                assert path == ".organization" and seen[ident] == (path, obj), (svc["name"], path, ident)
            seen[ident] = (path, obj)
    names = Counter(s["name"] for s in services)
    assert not [n for n, k in names.items() if k > 1]


def test_attributes_link_services_to_leaf_terms(
    services: list[dict[str, Any]], terms: dict[str, dict[str, Any]], code_by_id: dict[str, str]
) -> None:
    for svc in services:
        attrs = interest_attributes(svc)
        assert 1 <= len(attrs) <= 3, svc["name"]
        assert len({a["taxonomy_term_id"] for a in attrs}) == len(attrs), svc["name"]
        for attr in attrs:
            assert attr["link_type"] == "service" and attr["link_id"] == svc["id"], svc["name"]
            assert attr["taxonomy_term_id"] in code_by_id, (svc["name"], attr["taxonomy_term_id"])
            assert terms[code_by_id[attr["taxonomy_term_id"]]]["parent_code"] is not None, svc["name"]


def test_ages_schedules_and_costs_are_coherent(services: list[dict[str, Any]]) -> None:
    for svc in services:
        name = svc["name"]
        if "minimum_age" in svc and "maximum_age" in svc:
            assert 0 <= svc["minimum_age"] <= svc["maximum_age"] <= 25, name
        for sched in svc["schedules"]:
            assert sched.get("description"), name
            if "byday" in sched:
                assert sched["freq"] == "WEEKLY" and set(sched["byday"].split(",")) <= DAYS, name
                assert HHMM.match(sched["opens_at"]) and HHMM.match(sched["closes_at"]), name
                assert sched["opens_at"] < sched["closes_at"], name
            if "valid_from" in sched and "valid_to" in sched:
                assert date.fromisoformat(sched["valid_from"]) <= date.fromisoformat(sched["valid_to"]), name
        for option in svc["cost_options"]:
            assert option["amount"] >= 0, name
        if svc["cost_options"]:
            free = is_free(svc)
            assert free == any(o["option"] == "Free" for o in svc["cost_options"]), name
            assert free or all(o["amount"] > 0 for o in svc["cost_options"]), name


# ------------------------------------------------------------- coverage ---
def test_every_leaf_term_has_four_active_current_services(
    services: list[dict[str, Any]], terms: dict[str, dict[str, Any]], code_by_id: dict[str, str]
) -> None:
    counts = Counter(code for svc in services if is_current(svc) for code in term_codes(svc, code_by_id))
    thin = {code: counts[code] for code, t in terms.items() if t["parent_code"] is not None and counts[code] < 4}
    assert not thin, thin


def test_every_ward_has_five_services_for_13_year_olds_within_2_km(
    services: list[dict[str, Any]], places: list[dict[str, Any]]
) -> None:
    wards = [p for p in places if p["kind"] == "ward"]
    assert len(wards) == 64
    teen_points = [
        pts for svc in services if is_current(svc) and serves(svc, 13) for pts in [list(physical_points(svc))] if pts
    ]
    short = {}
    for ward in wards:
        n = sum(
            1
            for pts in teen_points
            if any(haversine_km(ward["latitude"], ward["longitude"], la, lo) <= 2.0 for la, lo in pts)
        )
        if n < 5:
            short[ward["name"]] = n
    assert not short, short


def test_ages_5_to_25_are_all_covered(services: list[dict[str, Any]]) -> None:
    current = [s for s in services if is_current(s)]
    missing = [age for age in range(5, 26) if not any(serves(s, age) for s in current)]
    assert not missing, missing


def test_free_and_paid_options_both_exist(services: list[dict[str, Any]]) -> None:
    current = [s for s in services if is_current(s)]
    free = [s for s in current if is_free(s)]
    paid = [s for s in current if any(o["amount"] > 0 for o in s["cost_options"])]
    assert len(free) >= 50 and len(paid) >= 20, (len(free), len(paid))


def test_weekday_evenings_and_weekends_are_covered(services: list[dict[str, Any]]) -> None:
    evenings = weekends = 0
    for svc in (s for s in services if is_current(s)):
        for sched in svc["schedules"]:
            days = set(sched.get("byday", "").split(","))
            if days & {"MO", "TU", "WE", "TH", "FR"} and sched.get("closes_at", "00:00") >= "18:30":
                evenings += 1
            if days & {"SA", "SU"}:
                weekends += 1
    assert evenings >= 50 and weekends >= 30, (evenings, weekends)


def test_some_services_are_closed_and_some_expired(services: list[dict[str, Any]]) -> None:
    closed = [s for s in services if s["status"] in {"inactive", "defunct", "temporarily closed"}]
    expired = [s for s in services if s["status"] == "active" and is_expired(s)]
    assert len(closed) >= 5 and len(expired) >= 5, (len(closed), len(expired))
    assert {s["status"] for s in closed} == {"inactive", "defunct", "temporarily closed"}


def test_some_services_are_online_or_citywide(services: list[dict[str, Any]]) -> None:
    virtual = [
        s
        for s in services
        if is_current(s)
        and is_sample(s)
        and all(sal["location"]["location_type"] == "virtual" for sal in s["service_at_locations"])
    ]
    assert len(virtual) >= 5
    for svc in virtual:
        for sal in svc["service_at_locations"]:
            assert "latitude" not in sal["location"] and "addresses" not in sal["location"], svc["name"]


def test_physical_locations_sit_near_a_place_and_carry_only_its_outcode(
    services: list[dict[str, Any]], places: list[dict[str, Any]]
) -> None:
    used_kinds: Counter[str] = Counter()
    near_ward: set[str] = set()
    for svc in filter(is_sample, services):
        for sal in svc["service_at_locations"]:
            loc = sal["location"]
            if loc["location_type"] != "physical":
                continue
            (address,) = loc["addresses"]
            assert OUTCODE.match(address["postal_code"]), (svc["name"], address["postal_code"])
            assert address["address_1"].startswith("Sample venue, ") and address["country"] == "GB", svc["name"]
            assert address["state_province"] == "Merseyside" and address["address_type"] == "physical", svc["name"]
            # The jitter is at most 700 m, so the venue's own place is within 0.71 km and shares its outcode.
            homes = [
                p
                for p in places
                if p["outcode"] == address["postal_code"]
                and haversine_km(p["latitude"], p["longitude"], loc["latitude"], loc["longitude"]) <= 0.71
            ]
            assert homes, (svc["name"], address["postal_code"])
            used_kinds.update({p["kind"] for p in homes})
            near_ward.update(p["name"] for p in homes if p["kind"] == "ward")
    wards = {p["name"] for p in places if p["kind"] == "ward"}
    assert wards <= near_ward, wards - near_ward
    assert used_kinds["district"] and used_kinds["town"] and used_kinds["neighbourhood"], used_kinds


# --------------------------------------------------- sample vs real data ---
def test_sample_records_are_labelled_and_use_reserved_contacts(services: list[dict[str, Any]]) -> None:
    for svc in filter(is_sample, services):
        assert svc["description"].endswith(SAMPLE_SUFFIX), svc["name"]
        body = svc["description"][: -len(SAMPLE_SUFFIX)].strip()
        assert 1 <= len(re.findall(r"[.!?](?:\s|$)", body)) <= 3, svc["name"]
        org = svc["organization"]
        assert urlparse(svc["url"]).netloc == "example.org" and urlparse(org["website"]).netloc == "example.org", svc[
            "name"
        ]
        assert svc["email"].endswith("@example.org") and org["email"].endswith("@example.org"), svc["name"]
        assert svc["phones"], svc["name"]
        for phone in svc["phones"]:
            assert DRAMA_NUMBER.match(phone["number"]), (svc["name"], phone["number"])


def test_sample_phone_numbers_are_not_reused(services: list[dict[str, Any]]) -> None:
    numbers = Counter(p["number"] for s in services if is_sample(s) for p in s["phones"])
    assert not [n for n, k in numbers.items() if k > 1]


def test_real_entries_are_present_unlabelled_and_unlocated(
    services: list[dict[str, Any]], code_by_id: dict[str, str]
) -> None:
    real = {s["name"]: s for s in services if not is_sample(s)}
    assert set(real) == REAL_NAMES
    for name, svc in real.items():
        assert svc["status"] == "active", name
        assert SAMPLE_SUFFIX not in svc["description"] and "sample" not in svc["description"].lower(), name
        assert "example.org" not in svc["url"] and "email" not in svc and "email" not in svc["organization"], name
        for sal in svc["service_at_locations"]:
            loc = sal["location"]
            assert "latitude" not in loc and "longitude" not in loc and "addresses" not in loc, name
    crisis = {n for n, s in real.items() if "crisis_support" in term_codes(s, code_by_id)}
    assert crisis == {
        "Childline",
        "Samaritans",
        "Shout",
        "Papyrus HOPELINE247",
        "Liverpool CAMHS Crisis Care Team (Alder Hey)",
        "NHS 111, mental health option",
        "NSPCC Helpline",
    }
    assert {"camhs"} <= term_codes(real["Liverpool CAMHS"], code_by_id)
    assert "peer_support" in term_codes(real["Wellbeing Ambassadors (Place2Be)"], code_by_id)
    assert "minimum_age" not in real["Kooth"] and "maximum_age" not in real["Kooth"], (
        "the data states no ages for Kooth"
    )


def test_every_fictional_listing_carries_the_sample_mark_and_no_real_one_does(
    services: list[dict[str, Any]], taxonomy: dict[str, Any]
) -> None:
    status = taxonomy["status_taxonomy"]
    (term,) = status["terms"]
    assert term["id"] == SAMPLE_TERM_ID and term["kind"] == data_status.STATUS and term["name"] == "Sample data"
    assert status["taxonomy"]["id"] != taxonomy["taxonomy"]["id"], "a status is not an interest"
    for svc in services:
        marks = [a for a in svc["attributes"] if a["taxonomy_term_id"] == SAMPLE_TERM_ID]
        assert len(marks) == (1 if is_sample(svc) else 0), svc["name"]
        assert all(m["link_id"] == svc["id"] and m["link_type"] == "service" for m in marks), svc["name"]
    assert sum(map(is_sample, services)) > 300


def test_no_fictional_listing_borrows_a_real_brand_or_an_official_sounding_name(
    services: list[dict[str, Any]],
) -> None:
    brands = re.compile(r"\b(?:" + "|".join(map(re.escape, REAL_BRANDS)) + r")\b", re.I)
    borrowed = {
        text
        for svc in filter(is_sample, services)
        for text in (svc["name"], svc["organization"]["name"])
        if brands.search(text)
    }
    assert not borrowed, sorted(borrowed)
    assert brands.search("Walton Scouts") and brands.search("Picton Family Hub"), "the list is read"


def test_crisis_and_camhs_are_never_fictional(services: list[dict[str, Any]], code_by_id: dict[str, str]) -> None:
    # A made-up helpline shown to someone in crisis would be dangerous.
    fictional = [
        s["name"] for s in filter(is_sample, services) if term_codes(s, code_by_id) & {"crisis_support", "camhs"}
    ]
    assert not fictional, fictional


def test_real_phone_numbers_and_urls_come_from_crisis_contacts(
    services: list[dict[str, Any]], contacts_text: str
) -> None:
    checked_numbers = set(re.findall(r'^\s*(?:phone|sms_number):\s*"([^"]+)"', contacts_text, re.M))
    assert "0800 1111" in checked_numbers, "the yml parser found the numbers"
    for svc in services:
        if is_sample(svc):
            continue
        for phone in svc["phones"]:
            assert phone["number"] in checked_numbers, (svc["name"], phone["number"])
        hosts = [
            urlparse(u).netloc
            for u in (svc["url"], svc["organization"].get("website"))
            + tuple(sal["location"].get("url") for sal in svc["service_at_locations"])
            if u
        ]
        for host in hosts:
            assert host.removeprefix("www.") in contacts_text, (svc["name"], host)
        for url in (svc["url"], svc["organization"].get("website")):
            if url and url.rstrip("/").count("/") > 2:
                assert url in contacts_text, (svc["name"], url)  # a deep link must be one that was checked


def test_now_festival_is_a_dated_event_with_no_invented_address(services: list[dict[str, Any]]) -> None:
    (festival,) = [s for s in services if s["name"] == "NOW Mental Health Festival 2026"]
    assert festival["organization"]["name"] == "Merseyside Youth Association (MYA)"
    (sched,) = festival["schedules"]
    assert (sched["valid_from"], sched["valid_to"]) == ("2026-02-09", "2026-02-11")
    (sal,) = festival["service_at_locations"]
    assert sal["location"]["name"] == "Epstein Theatre"
    assert not {"latitude", "longitude", "addresses"} & set(sal["location"])
    assert is_expired(festival) == (TODAY > date(2026, 2, 11))


# ------------------------------------------------------------- generator ---
def test_generator_reproduces_the_committed_file_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "services.json"
    run = subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(out)], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == (DIRECTORY / "services.json").read_bytes()
