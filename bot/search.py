"""The current search, kept in slots between turns, and how to widen it.

A Search is built from the slots, turned into a /recommendations query, and
written back as slots after every answer so that "show more", "something
free", "closer" and "at the weekend" change one thing at a time.

When nothing fits, find() relaxes one filter at a time (a school year's two
ages to one, then the day, then free, then the interests, then the area) until something fits, puts back
every earlier one the list turns out not to need, and reports the ones still dropped, so the bot can say so
honestly: never "there was nothing on that day" above a list that the day would not have emptied. The
directory itself already widens the radius and the age band and explains that in its `notes`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bot.ages import YOUTH_ONLY_MAX
from bot.areas import ANYWHERE
from bot.directory_client import DirectoryClient, RecommendationQuery, Recommendations

PAGE_SIZE = 5
MIN_RADIUS_KM = 0.5
# Where "closer" starts when the last answer had no distances to go by.
DEFAULT_RADIUS_KM = 3.0
# A school year's two ages first: nothing that suits both is better met by one of them than by no interest.
RELAX_ORDER = ("school_year", "day", "free", "interests", "near")


def _int_or_none(value: Any) -> int | None:
    try:
        return None if value is None else int(float(value))
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Search:
    age: int | None = None
    # A school year is two ages ("year 7": 11 to 12): every service shown must admit both.
    age_to: int | None = None
    interests: tuple[str, ...] = ()
    area: str | None = None
    free: bool = False
    online: bool = False
    day: str | None = None
    radius_km: float | None = None
    offset: int = 0
    exclude: tuple[str, ...] = ()
    shown: tuple[str, ...] = field(default=())
    # No age given when asked: only services for under-18s (bot/ages.py).
    youth_only: bool = False

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> Search:
        radius = slots.get("radius_km")
        return cls(
            age=_int_or_none(slots.get("age")),
            age_to=_int_or_none(slots.get("age_to")),
            interests=tuple(slots.get("interests") or ()),
            area=slots.get("area"),
            free=bool(slots.get("free_only")),
            online=bool(slots.get("online_only")),
            day=slots.get("day"),
            radius_km=float(radius) if radius is not None else None,
            offset=_int_or_none(slots.get("offset")) or 0,
            exclude=tuple(slots.get("excluded_ids") or ()),
            shown=tuple(slots.get("shown_ids") or ()),
            youth_only=slots.get("age") is None and bool(slots.get("age_declined")),
        )

    @property
    def near(self) -> str | None:
        return None if not self.area or self.area == ANYWHERE else self.area

    def query(self) -> RecommendationQuery:
        return RecommendationQuery(
            age=self.age,
            age_to=self.age_to,
            interests=self.interests,
            near=self.near,
            free=self.free or None,
            online=self.online or None,
            day=self.day,
            limit=PAGE_SIZE,
            offset=self.offset,
            radius_km=self.radius_km if self.near else None,
            exclude=self.exclude,
            max_age=YOUTH_ONLY_MAX if self.youth_only and self.age is None else None,
        )

    def relax(self, step: str) -> Search | None:
        """This search without one filter, or None if that filter is not set."""
        if step == "school_year" and self.age_to is not None:
            # The older of the two, the age the directory reads a school year as.
            return replace(self, age=self.age_to, age_to=None, offset=0)
        if step == "day" and self.day:
            return replace(self, day=None, offset=0)
        if step == "free" and self.free:
            return replace(self, free=False, offset=0)
        if step == "interests" and self.interests:
            return replace(self, interests=(), offset=0)
        if step == "near" and self.near:
            return replace(self, area=ANYWHERE, radius_km=None, offset=0)
        return None

    def closer(self, last_max_distance_km: float | None) -> Search:
        """Half the distance of the furthest thing shown last (or of the
        current radius), never below MIN_RADIUS_KM."""
        basis = last_max_distance_km or self.radius_km or DEFAULT_RADIUS_KM
        return replace(self, radius_km=round(max(MIN_RADIUS_KM, basis / 2), 1), offset=0, shown=())

    def slots(self) -> dict[str, Any]:
        return {
            "free_only": self.free,
            "online_only": self.online,
            "day": self.day,
            "radius_km": self.radius_km,
            "offset": float(self.offset),
            "excluded_ids": list(self.exclude),
            "shown_ids": list(self.shown),
            "area": self.area,
            "interests": list(self.interests),
        }


@dataclass(frozen=True)
class Found:
    recommendations: Recommendations
    search: Search
    relaxed: tuple[str, ...] = ()
    # Where the interest had to go for the age: the same interest for other ages, so the bot can say where
    # it starts ("rugby starts at 11") rather than only that nothing fitted.
    other_ages: Recommendations | None = None


async def find(client: DirectoryClient, search: Search) -> Found:
    """Recommendations for `search`, relaxing filters until something fits.
    Raises DirectoryError (see bot/directory_client.py)."""
    recs = await client.recommendations(search.query())
    relaxed: list[str] = []
    current = search
    # Paging past the end is "no more", not "nothing fits": never widen then.
    if recs.items or search.offset > 0:
        return Found(recs, current, ())
    for step in RELAX_ORDER:
        wider = current.relax(step)
        if wider is None:
            continue
        current = wider
        relaxed.append(step)
        recs = await client.recommendations(current.query())
        if recs.items:
            break
    else:
        return Found(recs, current, tuple(relaxed))
    # The last step was needed (all before it together found nothing); each earlier one may not have been.
    for step in relaxed[:-1]:
        kept = [s for s in relaxed if s != step]
        tighter = _relaxed(search, kept)
        tighter_recs = await client.recommendations(tighter.query())
        if tighter_recs.items:
            relaxed, current, recs = kept, tighter, tighter_recs
    other_ages = None
    if "interests" in relaxed and search.age is not None:
        anyone = replace(search, age=None, age_to=None, day=None, free=False, youth_only=False, offset=0)
        other_ages = await client.recommendations(replace(anyone.query(), limit=1))
    return Found(recs, current, tuple(relaxed), other_ages if other_ages and other_ages.items else None)


async def find_named_first(client: DirectoryClient, search: Search, named: tuple[str, ...]) -> Found:
    """Recommendations for `search`, with the services for what was asked for by name first ("the nearest
    family hub": hubs, then the parenting help beside them), the rest of its interests filling the page.
    Raises DirectoryError (see bot/directory_client.py)."""
    if not named or set(named) >= set(search.interests):
        return await find(client, search)
    first_search = replace(search, interests=named)
    first = await client.recommendations(first_search.query())
    if not first.items:
        return await find(client, search)
    if len(first.items) >= PAGE_SIZE:
        return Found(first, first_search)
    listed = tuple(str(i.get("id")) for i in first.items)
    rest = await client.recommendations(replace(search, exclude=search.exclude + listed).query())
    items = first.items + rest.items[: PAGE_SIZE - len(first.items)]
    return Found(replace(first, items=items, total=first.total + rest.total), search)


def _relaxed(search: Search, steps: list[str]) -> Search:
    for step in steps:
        search = search.relax(step) or search
    return search


def distances(items: list[Mapping[str, Any]]) -> list[float]:
    return [float(i["distance_km"]) for i in items if isinstance(i.get("distance_km"), (int, float))]
