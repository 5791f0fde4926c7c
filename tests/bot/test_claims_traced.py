"""Every sentence the bot says about a real organisation is traced to a source (issue #16, point 3).

The sentences are collected from where the bot says them (domain.yml, bot/replies.py, bot/widget/widget.js;
tests/bot/claims_trace.py says how), and each needs an entry in data/claims.yml quoting
data/crisis_contacts.yml or a seed article in docs/sources/. The quotes must be in their sources, every
entry must still be said where it says, and contact lines must be rendered from crisis_contacts.yml.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from claims_trace import (
    CONTACTS_BESIDE,
    NAMED,
    ROOT,
    Said,
    _load_script,
    about_orgs,
    all_sentences,
    claims_data,
    contacts_data,
    crisis_contact_lines,
    everything_said,
    helpline_lines,
    listing_sentences,
    names,
    normalise,
    orgs_named,
    prose_literals,
    real_records,
    sample_term_id,
    seed_text,
    sentences,
    source_text,
)

CLAIMS = claims_data()["claims"]
BY_SENTENCE = {normalise(c["said"]): c for c in CLAIMS}
# The real (not sample) listings of data/directory/services.json: a section of its own.
LISTINGS = claims_data().get("listings") or []
BY_LISTED = {normalise(c["said"]): c for c in LISTINGS}
URL = re.compile(r"https?://[^\s)]+?(?=[.,;:!?]?(?:\s|$|\)))")
NUMBER = re.compile(r"(?<![\w/])\d(?: ?\d){2,}(?![\w/])")  # "999", "0800 1111"; not the "247" of "HOPELINE247"


def quotes(claim: dict) -> list[tuple[str, str]]:
    return [(source, str(quote)) for entry in claim.get("from") or [] for source, quote in entry.items()]


def test_every_sentence_about_a_real_organisation_has_a_source() -> None:
    found = about_orgs()
    assert len(found) > 40, "the collection found too little: check tests/bot/claims_trace.py"
    missing = [f"{places}: {sentence!r}" for sentence, places in sorted(found.items()) if sentence not in BY_SENTENCE]
    assert not missing, (
        "Sentences about a real organisation with no entry in data/claims.yml (say only what "
        "data/crisis_contacts.yml or a seed article in docs/sources/ supports, and add the quote; "
        "`PYTHONPATH=. .venv-rasa/bin/python tests/bot/claims_trace.py` prints stubs):\n" + "\n".join(missing)
    )


def test_each_claim_is_well_formed_and_listed_once() -> None:
    repeated = [s for s, n in Counter(normalise(c["said"]) for c in CLAIMS).items() if n > 1]
    assert not repeated, f"listed twice in data/claims.yml: {repeated}"
    for claim in CLAIMS:
        assert claim.get("where"), f"{claim['said']!r}: no `where`"
        assert quotes(claim), f"{claim['said']!r}: no source (`from`)"
        for entry in claim["from"]:
            assert isinstance(entry, dict) and len(entry) == 1, f"{claim['said']!r}: one `source: quote` per item"


@pytest.mark.parametrize("claim", CLAIMS + LISTINGS, ids=lambda c: c["said"][:60])
def test_each_quote_is_in_its_source(claim: dict) -> None:
    for source, quote in quotes(claim):
        text = normalise(source_text(source))
        assert len(normalise(quote)) >= 2, f"{source}: empty quote"
        assert normalise(quote) in text, f"{claim['said']!r}: {quote!r} is not in {source}"


@pytest.mark.parametrize("claim", CLAIMS + LISTINGS, ids=lambda c: c["said"][:60])
def test_numbers_and_addresses_come_from_the_quotes(claim: dict) -> None:
    """A phone number or web address in a sentence must be in one of its quotes: never invented."""
    quoted = " ".join(normalise(q) for _, q in quotes(claim))
    said = normalise(claim["said"])
    for url in URL.findall(said):
        assert url in quoted, f"{said!r}: {url} is not in its sources"
    for number in NUMBER.findall(URL.sub("", said)):
        if re.fullmatch(r"20\d\d", number) or len(number.replace(" ", "")) < 3:
            continue  # a year, not a number to call
        assert number in quoted, f"{said!r}: {number} is not in its sources"


def test_no_stale_claims_and_each_is_said_where_it_says() -> None:
    said = all_sentences()
    stale = [c["said"] for c in CLAIMS if normalise(c["said"]) not in said]
    assert not stale, f"data/claims.yml lists sentences the bot no longer says: {stale}"
    wrong = [
        f"{c['said']!r}: listed at {sorted(c['where'])}, said at {sorted(said[normalise(c['said'])])}"
        for c in CLAIMS
        if set(c["where"]) != said[normalise(c["said"])]
    ]
    assert not wrong, "data/claims.yml `where` is out of date:\n" + "\n".join(wrong)


# --- the real listings in the sample directory -------------------------------------------------------------


def test_every_sentence_of_a_real_listing_has_a_source() -> None:
    found = listing_sentences()
    assert len(found) > 30, "the collection found too little of data/directory/services.json"
    missing = [f"{sorted(at)}: {said!r}" for said, at in sorted(found.items()) if said not in BY_LISTED]
    assert not missing, (
        "Sentences of a real (not sample) listing in data/directory/services.json with no entry in data/claims.yml "
        "`listings` (say only what the sources support, in scripts/build_seed_directory.py, and add the quote; "
        "`PYTHONPATH=. .venv-rasa/bin/python tests/bot/claims_trace.py` prints stubs):\n" + "\n".join(missing)
    )


def test_each_listing_claim_is_well_formed_and_still_in_the_directory() -> None:
    repeated = [s for s, n in Counter(normalise(c["said"]) for c in LISTINGS).items() if n > 1]
    assert not repeated, f"listed twice in data/claims.yml listings: {repeated}"
    found = listing_sentences()
    for claim in LISTINGS:
        said = normalise(claim["said"])
        assert quotes(claim), f"{claim['said']!r}: no source (`from`)"
        assert said in found, f"data/claims.yml listings: {claim['said']!r} is no longer in a real listing"
        assert set(claim.get("where") or []) == found[said], (
            f"{claim['said']!r}: listed at {sorted(claim.get('where') or [])}, said at {sorted(found[said])}"
        )


def test_the_real_listings_are_the_unmarked_ones() -> None:
    real = {r["name"] for r in real_records()}
    for name in ("Kooth", "Childline", "Samaritans", "Shout", "Papyrus HOPELINE247", "NSPCC Helpline",
                 "NHS 111, mental health option", "Liverpool CAMHS", "Liverpool CAMHS online referral",
                 "Liverpool CAMHS While You're Waiting guide", "Liverpool CAMHS Crisis Care Team (Alder Hey)",
                 "Children's Mental Health Week resources (Place2Be)"):  # fmt: skip
        assert name in real, name
    assert 10 <= len(real) <= 30, f"{len(real)} unmarked records: is the sample mark still read?"


def test_an_untraced_sentence_of_a_real_listing_is_caught() -> None:
    mark = [{"taxonomy_term_id": sample_term_id()}]
    records = [
        {"name": "Childline", "description": "Childline is there for anyone under 19. It also runs a choir.",
         "organization": {"name": "NSPCC", "description": "Founded in 1884."},
         "phones": [{"number": "0800 1111", "description": "Call any time"}], "attributes": []},
        {"name": "Made-up Youth Club", "description": "Fictional, never traced.", "attributes": mark},
    ]  # fmt: skip
    found = listing_sentences(records)
    assert found == {
        "Childline is there for anyone under 19.": {"services.json Childline: description"},
        "It also runs a choir.": {"services.json Childline: description"},
        "Founded in 1884.": {"services.json Childline: organization.description"},
        "Call any time": {"services.json Childline: phones.description"},
    }
    assert [s for s in found if s not in BY_LISTED] == list(found)


# --- the names ----------------------------------------------------------------------------------------------


def test_every_contact_and_resource_is_looked_for() -> None:
    known = names()
    data = contacts_data()
    for contact in data["contacts"]:
        assert orgs_named(normalise(contact["name"])), contact["id"]
        assert contact["id"] in orgs_named(f"call {contact.get('phone') or contact.get('sms_number')} now")
    for resource in data.get("resources") or []:
        assert resource["name"] in known and orgs_named(resource["name"]), resource["name"]
    for short in ("CAMHS", "Kooth", "Place2Be", "MYA", "Papyrus", "NSPCC", "NHS 111", "Alder Hey", "999"):
        assert orgs_named(f"ask {short} about it"), short


def test_seed_only_names_are_in_their_article() -> None:
    for org in claims_data()["names"]["seed_only"]:
        article = normalise(seed_text(org["source"])).lower()
        for name in [org["name"], *(org.get("also") or [])]:
            assert normalise(name).lower() in article, f"{name!r} is not in {org['source']}"


def test_the_seed_articles_are_kept_whole() -> None:
    readme = (ROOT / "docs" / "sources" / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "docs" / "sources").glob("*.txt")):
        assert path.name in readme, f"docs/sources/README.md does not describe {path.name}"
        assert path.stat().st_size > 5000, f"{path.name} looks cut short"
    assert "Liverpool City Council" in seed_text("lcc-childrens-mental-health-week-2026.txt")
    assert "Wellbeing Ambassadors" in seed_text("place2be-school-belonging-2026.txt")


# --- the detector itself ------------------------------------------------------------------------------------


def flagged(text: str, mode: str = NAMED) -> list[str]:
    return [s.text for s in sentences(Said("test", text, mode))]


def test_a_made_up_sentence_about_an_organisation_is_caught() -> None:
    assert flagged("Hello there. Childline is open on Sundays too.") == ["Childline is open on Sundays too."]
    assert flagged("Samaritans is on 116 123. It is free from any phone.") == [
        "Samaritans is on 116 123.",
        "It is free from any phone.",
    ]
    assert flagged("Ring 0800 1111 if you like.") == ["Ring 0800 1111 if you like."]
    assert flagged("• Kooth: online help. Open till late.") == ["Kooth: online help.", "Open till late."]
    # Beside a list of contacts, "these" and "they" are the contacts.
    assert flagged("You are not alone. These people are there for you, and they are free.", CONTACTS_BESIDE) == [
        "These people are there for you, and they are free."
    ]
    assert flagged("I'm a bot. Find something to do near you!") == []
    for made_up in ("Childline is open on Sundays too.", "These people are there for you, and they are free."):
        assert made_up not in BY_SENTENCE


def test_the_places_are_all_read() -> None:
    places = {said.place.split(" ")[0] + " " + said.place.split(" ")[1] for said in everything_said()}
    for expected in (
        "domain.yml utter_what_is",
        "domain.yml utter_iamabot",
        "domain.yml utter_crisis",
        "bot/replies.py parent_support_text",
        "bot/replies.py under_five",
        "bot/replies.py directory_down",
        "bot/replies.py acknowledge",
        "bot/widget/widget.js help",
    ):
        assert expected in places, f"nothing collected from {expected}"
    help_texts = [s.text for s in everything_said() if s.place == "bot/widget/widget.js help panel"]
    assert any("on your own" in t for t in help_texts), "the widget's offline help intro was not found"


def test_every_prose_string_naming_an_organisation_is_collected() -> None:
    """A new sentence about an organisation in the replies or actions, in a text nobody calls here, fails."""
    collected = " ".join(normalise(s.text) for s in everything_said())
    paths = [ROOT / "bot" / "replies.py", *sorted((ROOT / "actions").glob("*.py"))]
    missed = [
        f"{path}:{line}: {value!r}"
        for path, line, value in prose_literals(paths)
        if orgs_named(normalise(value)) and normalise(value) not in collected
    ]
    assert not missed, "tests/bot/claims_trace.py does not collect these texts yet:\n" + "\n".join(missed)


# --- contact lines rendered from crisis_contacts.yml --------------------------------------------------------


def test_crisis_contact_lines_are_rendered_from_the_data() -> None:
    rendered = crisis_contact_lines()
    for said in everything_said():
        if not said.place.startswith("domain.yml utter_crisis"):
            continue
        for line in said.text.splitlines():
            if line.startswith("- "):
                assert normalise(line[2:]) in rendered, f"{said.place}: {line!r} is not rendered from the data"


def test_helpline_lines_are_rendered_from_the_data() -> None:
    rendered = helpline_lines()
    contact_ids = {c["id"] for c in contacts_data()["contacts"]}
    for said in everything_said():
        if said.place.startswith("bot/replies.py"):
            for line in said.text.splitlines():
                if line.startswith("• ") and contact_ids & set(orgs_named(line)):
                    assert normalise(line[2:]) in rendered, f"{said.place}: {line!r} is not rendered from the data"


def test_a_route_said_to_be_day_or_night_is_all_24_7() -> None:
    script = _load_script("build_crisis_domain")
    by_id = {c["id"]: c for c in contacts_data()["contacts"]}
    for category, (before, after) in script.WORDING.items():
        if re.search(r"day or night|24/7|any ?time", before + after, re.I):
            route = contacts_data()["routes"][category]
            not_always = [cid for cid in route if by_id[cid].get("hours") != "24/7"]
            assert not not_always, f"{category} says 'day or night' but lists {not_always}"


def test_the_apology_contacts_are_all_24_7() -> None:
    from bot import helplines

    assert all(c.hours == "24/7" for c in helplines.pick(helplines.APOLOGY_CONTACTS)), (
        "bot/replies.py directory_down says these are there 'now'"
    )


def test_sources_are_files_in_the_project() -> None:
    claims = CLAIMS + LISTINGS
    used = {source for claim in claims for source, _ in quotes(claim) if not source.startswith("crisis_contacts")}
    for source in used:
        assert (ROOT / "docs" / "sources" / source).is_file(), source
    assert Path(ROOT / "data" / "crisis_contacts.yml").is_file()
