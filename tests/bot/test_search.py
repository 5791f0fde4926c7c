"""bot/search.py: the search kept in slots, and honest widening."""

from __future__ import annotations

import asyncio

from bot.areas import ANYWHERE
from bot.directory_client import DirectoryClient
from bot.search import MIN_RADIUS_KM, PAGE_SIZE, Search, find


def test_slots_round_trip() -> None:
    search = Search(
        age=14,
        interests=("football",),
        area="Anfield",
        free=True,
        day="weekend",
        radius_km=1.5,
        offset=5,
        exclude=("a",),
        shown=("b", "c"),
    )
    again = Search.from_slots({**search.slots(), "age": 14})
    assert again == search


def test_query_leaves_out_anywhere_and_its_radius() -> None:
    query = Search(age=12, area=ANYWHERE, radius_km=2.0).query()
    assert query.near is None and query.radius_km is None
    assert query.limit == PAGE_SIZE


def test_closer_halves_the_furthest_shown_but_not_below_the_minimum() -> None:
    assert Search(area="Anfield").closer(4.2).radius_km == 2.1
    assert Search(area="Anfield", radius_km=0.6).closer(None).radius_km == MIN_RADIUS_KM


def test_relax_drops_one_filter_at_a_time() -> None:
    search = Search(age=14, interests=("boxing",), area="Speke", free=True, day="mon", offset=10)
    assert search.relax("day") == Search(age=14, interests=("boxing",), area="Speke", free=True)
    assert search.relax("near").area == ANYWHERE
    assert Search(age=14).relax("free") is None
    # A school year's two ages become the older one first; an age on its own has nothing to relax.
    assert Search(age=11, age_to=12, interests=("music",)).relax("school_year") == Search(age=12, interests=("music",))
    assert Search(age=14).relax("school_year") is None


def test_nothing_fits_is_widened_and_reported(directory_url: str) -> None:
    # In the seed directory nothing is free boxing on a Monday for a 5 year
    # old near Speke; something turns up once filters are relaxed.
    strict = Search(age=5, interests=("boxing",), area="Speke", free=True, day="mon")
    client = DirectoryClient(directory_url)
    found = asyncio.run(find(client, strict))
    assert found.relaxed and found.relaxed[0] == "day"
    assert found.recommendations.items
    assert found.search == strict.relax("day") or found.search.day is None


def test_paging_past_the_end_is_not_widened(directory_url: str) -> None:
    found = asyncio.run(
        find(DirectoryClient(directory_url), Search(age=14, interests=("football",), area="Anfield", offset=500))
    )
    assert found.relaxed == ()
    assert found.recommendations.items == []
