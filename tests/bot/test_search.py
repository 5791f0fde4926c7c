"""bot/search.py: the search kept in slots, and honest widening."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from bot.areas import ANYWHERE
from bot.directory_client import DirectoryClient, RecommendationQuery, Recommendations
from bot.search import MIN_RADIUS_KM, PAGE_SIZE, Search, find, find_named_first


def test_slots_round_trip() -> None:
    search = Search(
        age=14,
        interests=("football",),
        area="Anfield",
        free=True,
        online=True,
        day="weekend",
        radius_km=1.5,
        offset=5,
        exclude=("a",),
        shown=("b", "c"),
    )
    again = Search.from_slots({**search.slots(), "age": 14})
    assert again == search
    assert search.query().params()["online"] == "true"
    assert "online" not in Search(age=14).query().params()


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
    # In the seed directory no boxing is open to a 5 year old near Speke at all, so dropping the day and
    # then free-only finds nothing; dropping the interest does. Free things on a Monday for a 5 year old
    # exist, so the day and free-only are put back and never reported: "there was nothing on that day"
    # would be untrue of the list shown.
    strict = Search(age=5, interests=("boxing",), area="Speke", free=True, day="mon")
    client = DirectoryClient(directory_url)
    found = asyncio.run(find(client, strict))
    assert found.relaxed == ("interests",)
    assert found.recommendations.items
    assert found.search == strict.relax("interests")


def test_what_was_asked_for_by_name_comes_first(directory_url: str) -> None:
    # "is there a family hub near Kirkdale": hubs first, the parenting help beside them after. Searched
    # together, nearby parenting groups and online helplines outrank the hubs a few km away.
    client = DirectoryClient(directory_url)
    search = Search(age=2, interests=("family_hub", "parenting_support"), area="Kirkdale")
    found = asyncio.run(find_named_first(client, search, ("family_hub",)))
    hubs = asyncio.run(client.recommendations(Search(age=2, interests=("family_hub",), area="Kirkdale").query()))
    items = found.recommendations.items
    assert hubs.items and len(items) >= PAGE_SIZE
    assert [i["id"] for i in items[: len(hubs.items)]] == [i["id"] for i in hubs.items]
    assert len({i["id"] for i in items}) == len(items)


def test_paging_past_the_end_is_not_widened(directory_url: str) -> None:
    found = asyncio.run(
        find(DirectoryClient(directory_url), Search(age=14, interests=("football",), area="Anfield", offset=500))
    )
    assert found.relaxed == ()
    assert found.recommendations.items == []


class Directory:
    """A directory that finds something only when `fits` says the query allows it."""

    def __init__(self, fits: Callable[[RecommendationQuery], bool]) -> None:
        self.fits = fits

    async def recommendations(self, query: RecommendationQuery) -> Recommendations:
        items = [{"id": "x", "name": "X"}] if self.fits(query) else []
        return Recommendations(total=len(items), items=items)


@pytest.mark.parametrize(
    ("fits", "reported"),
    [
        # Dropping the day found nothing, free-only was the trouble: the day is put back and not mentioned.
        (lambda q: not q.free, ("free",)),
        # Neither alone was enough: both stay dropped, and both are said.
        (lambda q: not q.free and q.day is None, ("day", "free")),
        (lambda q: q.day is None, ("day",)),
    ],
)
def test_only_the_filters_still_dropped_are_reported(fits, reported) -> None:
    strict = Search(age=14, interests=("boxing",), area="Speke", free=True, day="mon")
    found = asyncio.run(find(Directory(fits), strict))  # type: ignore[arg-type]
    assert found.relaxed == reported
    assert found.recommendations.items
    assert (found.search.day is None, not found.search.free) == ("day" in reported, "free" in reported)
