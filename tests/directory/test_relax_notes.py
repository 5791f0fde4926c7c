"""The notes above a list describe that list, and only it (issue #16, point 4).

When nothing fits, the search widens one thing at a time. A widening that turned out not to matter (the
radius, dropped first, found nothing on its own; the age slack then found things 1.3 km away) is put back,
and its note goes with it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from directory.search.documents import ServiceDoc
from directory.search.engine import SearchEngine

NOTHING_NEARBY = "Nothing matched nearby, so these are from across the city."
EXACT_AGE = "Nothing matched that exact age, so these are for ages close to it."
ANFIELD = (53.43397, -2.95527)
CLOSE = (53.4457, -2.9553)  # 1.3 km north of Anfield
CHESTER = (53.1905, -2.8916)  # 27 km away: beyond the widest radius


def doc(sid: str, term_id: str, point: tuple[float, float], lo: int, hi: int) -> ServiceDoc:
    return ServiceDoc(
        id=sid, name=sid, organization="Org", organization_id=None, description="", status="active", deleted=False,
        minimum_age=lo, maximum_age=hi, free=True, paid=False, valid_from=None, valid_to=None, days=0, schedules=(),
        term_ids=(term_id,), points=(point,), online=False, url=None, phone=None, address=None, location_name=None,
        schedule_text=None, text_fields=((sid, 1.0),), last_modified=dt.datetime(2026, 1, 1),
    )


@pytest.fixture
def engine(gaz, matcher) -> SearchEngine:
    engine = SearchEngine(gaz)
    engine.matcher = matcher
    engine.terms = dict(matcher.terms)
    return engine


def football(engine: SearchEngine) -> str:
    return engine.matcher.by_code["football"].id


def radius_note_km(notes: list[str]) -> float | None:
    found = [re.search(r"looked up to ([\d.]+) km away", n) for n in notes]
    return next((float(m[1]) for m in found if m), None)


def test_a_widening_that_did_not_matter_is_put_back_with_its_note(engine):
    # For 16: nothing anywhere at that exact age, so the radius (widened first) found nothing on its own.
    engine.index.upsert(doc("near, for 12 to 14", football(engine), CLOSE, 12, 14))
    engine.index.upsert(doc("far, for 12 to 14", football(engine), CHESTER, 12, 14))
    rec = engine.recommend(interests=["football"], near="Anfield", age=16, limit=1)

    assert [h.doc.id for h in rec.hits] == ["near, for 12 to 14"]
    assert rec.notes == [EXACT_AGE], "the age slack found this; the radius was never the reason"
    assert rec.hits[0].distance_km == pytest.approx(1.3, abs=0.1)


def test_a_widening_that_mattered_keeps_its_note_and_the_list_agrees(engine):
    engine.index.upsert(doc("far, for 12 to 14", football(engine), CHESTER, 12, 14))
    rec = engine.recommend(interests=["football"], near="Anfield", age=16)

    assert rec.notes == [NOTHING_NEARBY, EXACT_AGE]
    assert all(h.distance_km > 20 for h in rec.hits), "nothing nearby, as the note says"


def test_a_restored_radius_is_said_as_far_as_it_reached(engine):
    """The radius comes back as a first search has it: as far as it takes to fill the page, and said so."""
    engine.index.upsert(doc("near, for 12 to 14", football(engine), CLOSE, 12, 14))
    rec = engine.recommend(interests=["football"], near="Anfield", age=16, limit=5)

    assert NOTHING_NEARBY not in rec.notes and EXACT_AGE in rec.notes
    reach = radius_note_km(rec.notes)
    assert reach is not None and all(h.distance_km <= reach for h in rec.hits)


def test_no_note_outlives_its_widening_on_the_seed(client):
    """Uniformed groups for a 20-year-old near Anfield: none at that age anywhere, so the radius widened first
    and found nothing; the age slack then found groups within 20 km, so there is nothing to say about the city."""
    body = client.get(
        "/recommendations", params={"interests": "uniformed_groups", "near": "Anfield", "age": 20}
    ).json()
    assert body["items"] and EXACT_AGE in body["notes"]
    assert NOTHING_NEARBY not in body["notes"]
    nearest = min(i["distance_km"] for i in body["items"] if i["distance_km"] is not None)
    reach = radius_note_km(body["notes"])
    if nearest > 3:
        assert reach is not None, "a list that starts beyond 3 km says the search looked further"
    assert all(i["distance_km"] is None or i["distance_km"] <= (reach or 3) for i in body["items"])


def test_a_words_note_goes_when_the_words_did_not_matter(engine):
    """The unmatched words were dropped first; if the age slack alone would have found the same, they stay."""
    named = dataclasses.replace(doc("zorbing club", football(engine), CLOSE, 12, 14), text_fields=(("zorbing", 1.0),))
    engine.index.upsert(named)
    rec = engine.recommend(q="zorbing near anfield", age=16, limit=1)

    assert [h.doc.id for h in rec.hits] == ["zorbing club"]
    assert rec.notes == [EXACT_AGE], "the words matched; only the age was widened"


ONLINE_NOTE = "I couldn't find that online, so these are places to go in person."


def test_online_only_lists_what_is_online_and_says_when_it_went_in_person(engine):
    """"anything online?": only what the record puts online; when nothing online fits, places to go, said so."""
    online = dataclasses.replace(doc("web club", football(engine), CLOSE, 10, 18), points=(), online=True)
    engine.index.upsert(online)
    engine.index.upsert(doc("pitch", football(engine), CLOSE, 10, 18))

    found = engine.recommend(interests=["football"], near="Anfield", age=14, online=True)
    assert [h.doc.id for h in found.hits] == ["web club"] and found.notes == []
    assert found.query["online"] is True
    asked = engine.recommend(q="any football i can do online", age=14)
    assert [h.doc.id for h in asked.hits] == ["web club"]
    # As the bot asks: somewhere to go near them comes after what is online, said to be in person.
    both = engine.recommend(interests=["football"], near="Anfield", age=14, online=True, related_nearby=True)
    assert [h.doc.id for h in both.hits] == ["web club", "pitch"]
    assert both.notes == ["Also within 3 km of Anfield, in person: 1 place."]

    engine.index.remove("web club")
    in_person = engine.recommend(interests=["football"], near="Anfield", age=14, online=True)
    assert [h.doc.id for h in in_person.hits] == ["pitch"]
    assert in_person.notes[0] == ONLINE_NOTE, "said first: the distance that follows is about the places"


def test_online_only_through_the_public_api(client):
    body = client.get(
        "/recommendations", params={"interests": "mental_health_support", "near": "Allerton", "age": 15,
                                     "online": "true"}
    ).json()
    assert body["items"] and all(i["online"] for i in body["items"])
    assert body["query"]["online"] is True and ONLINE_NOTE not in body["notes"]
    assert "Kooth" in {i["name"] for i in body["items"]}
