"""Radius and distance queries against a brute-force computation on random services.

The index narrows radius queries with a latitude order and computes distances in bulk; these tests
check that it still returns exactly what checking every service one by one returns: same totals,
same ids in the same order, same distances, whichever of its paths a query takes."""

import dataclasses
import datetime as dt
import math
import random

import pytest

from directory.search.documents import ScheduleSlot, ServiceDoc
from directory.search.index import Query, SearchIndex

TODAY = dt.date(2026, 11, 22)
CENTRE = (53.4084, -2.9916)
PLACES = [CENTRE, (53.43397, -2.95527), (53.3900, -2.9300), (53.4800, -3.0200), (53.3400, -2.8500)]


def doc(sid: str, points, *, online=False, free=True, status="active", min_age=None, max_age=None) -> ServiceDoc:
    return ServiceDoc(
        id=sid, name=f"Service {sid}", organization="Org", organization_id="org-1", description="",
        status=status, deleted=False, minimum_age=min_age, maximum_age=max_age, free=free, paid=not free,
        valid_from=None, valid_to=None, days=0b1, schedules=(ScheduleSlot(0b1, "10:00", "12:00", None, None),),
        term_ids=("t-any",), points=tuple(points), online=online or not points, url=None, phone=None,
        address=None, location_name=None, schedule_text=None, text_fields=(("club", 1.0),),
        last_modified=dt.datetime(2026, 1, 1),
    )


def random_doc(rng: random.Random, sid: str) -> ServiceDoc:
    """0 to 3 locations within about 25 km of the centre; some online with a location, some paid or closed."""
    n = rng.choices((0, 1, 2, 3), weights=(8, 70, 18, 4))[0]
    points = [(CENTRE[0] + rng.uniform(-0.22, 0.22), CENTRE[1] + rng.uniform(-0.37, 0.37)) for _ in range(n)]
    lo = rng.choice((None, 5, 11, 14))
    return doc(sid, points, online=rng.random() < 0.1, free=rng.random() < 0.7,
               status="active" if rng.random() < 0.95 else "inactive",
               min_age=lo, max_age=None if lo is None else lo + rng.choice((2, 5, 8)))


def km(point, plat: float, plon: float) -> float:
    """The index's equirectangular distance, one location at a time in plain Python."""
    k = math.cos(math.radians(plat))
    dy = (point[0] - plat) * 111.195
    dx = (point[1] - plon) * 111.195 * k
    return math.sqrt(dx * dx + dy * dy)


def brute_force(docs: dict[str, ServiceDoc], slots: dict[str, int], q: Query) -> list[tuple[str, float | None]]:
    """Every matching service as (id, distance), best first, ties in slot order (as the index breaks them)."""
    rows = []
    for sid, d in docs.items():
        if d.status != "active" or (q.free and not d.free) or sid in q.exclude_ids:
            continue
        if q.age is not None and ((d.minimum_age is not None and d.minimum_age > q.age)
                                  or (d.maximum_age is not None and d.maximum_age < q.age)):
            continue
        if not q.include_online and d.online and not d.points:
            continue
        dist = min((km(p, *q.point) for p in d.points), default=math.inf)
        if q.radius_km is not None and dist > q.radius_km and not (q.include_online and d.online and not d.points):
            continue
        proximity = 0.3 if math.isinf(dist) else 2.0 * math.exp(-min(dist, 50) / 3.0)
        rows.append((-proximity, dist, slots[sid], sid))
    rows.sort()
    return [(sid, None if math.isinf(dist) else dist) for _p, dist, _s, sid in rows]


def found(index: SearchIndex, q: Query) -> tuple[int, list[tuple[str, float | None]]]:
    result = index.search(q)
    return result.total, [(h.doc.id, h.distance_km) for h in result.hits]


def check(index: SearchIndex, docs: dict[str, ServiceDoc], q: Query) -> None:
    expected = brute_force(docs, index.slot_of, q)
    q.limit = len(expected) + 1  # the whole result: every position is compared, not just the first page
    total, hits = found(index, q)
    assert total == len(expected)
    assert [sid for sid, _ in hits] == [sid for sid, _ in expected]
    for (_, got), (_, want) in zip(hits, expected, strict=True):
        assert got == want  # the same arithmetic: exactly equal, not just close


def queries(rng: random.Random, n: int):
    for _ in range(n):
        yield Query(
            today=TODAY,
            point=rng.choice(PLACES) if rng.random() < 0.5 else (CENTRE[0] + rng.uniform(-0.3, 0.3),
                                                                   CENTRE[1] + rng.uniform(-0.5, 0.5)),
            radius_km=rng.choice((None, 0.2, 0.5, 1.0, 2.0, 3.0, 8.0, 20.0, 100.0)),
            include_online=rng.random() < 0.7,
            free=rng.random() < 0.3,
            age=rng.choice((None, None, 6, 12, 15)),
        )


@pytest.fixture
def populated() -> tuple[SearchIndex, dict[str, ServiceDoc], random.Random]:
    rng = random.Random(7)
    index = SearchIndex(capacity=16)
    docs = {}
    for i in range(3000):
        d = random_doc(rng, f"s{i:04d}")
        docs[d.id] = d
    index.upsert_many(list(docs.values()))
    return index, docs, rng


def test_radius_queries_match_brute_force(populated):
    index, docs, rng = populated
    for q in queries(rng, 150):
        check(index, docs, q)


@pytest.mark.parametrize("offset", [(0.01, -0.02), (0.0, 0.02), (0.0, -0.03), (0.02, 0.0), (-0.015, 0.0)])
def test_services_exactly_on_the_radius_are_kept(populated, offset):
    """Due east, west, north or south is where the bounding box is tightest."""
    index, docs, _rng = populated
    d = next(d for d in docs.values() if d.points and d.status == "active")
    point = (d.points[0][0] + offset[0], d.points[0][1] + offset[1])
    radius = min(km(p, *point) for p in d.points)
    total, hits = found(index, Query(today=TODAY, point=point, radius_km=radius, limit=5000))
    assert d.id in {sid for sid, _ in hits}
    check(index, docs, Query(today=TODAY, point=point, radius_km=radius))
    check(index, docs, Query(today=TODAY, point=point, radius_km=math.nextafter(radius, 0)))


def test_writes_after_a_radius_query_are_seen(populated):
    """Moves, removals, new services with more locations than before, then enough writes to re-sort."""
    index, docs, rng = populated
    check(index, docs, Query(today=TODAY, point=CENTRE, radius_km=2.0))  # the latitude order is built here
    ids = list(docs)
    for round_ in range(4):
        for _ in range(5 if round_ < 3 else 400):
            sid = rng.choice(ids)
            action = rng.random()
            if action < 0.5:  # move somewhere near one of the places asked about
                lat, lon = rng.choice(PLACES)
                moved = doc(sid, [(lat + rng.uniform(-0.01, 0.01), lon + rng.uniform(-0.01, 0.01))])
                docs[sid] = moved
                index.upsert(moved)
            elif action < 0.7 and sid in docs:
                index.remove(sid)
                del docs[sid]
            else:
                new = doc(f"n{len(ids)}", [(rng.uniform(53.3, 53.5), rng.uniform(-3.1, -2.8)) for _ in range(4)])
                ids.append(new.id)
                docs[new.id] = new
                index.upsert(new)
        for q in queries(rng, 30):
            check(index, docs, q)


def test_widening_radius_matches_one_search_per_radius(populated):
    index, _docs, rng = populated
    radii = (0.5, 2.0, 8.0)
    for q in queries(rng, 60):
        for wanted in (1, 5, 50, 400, 5000):
            q.limit = wanted
            i, result = index.search_widening(q, radii, wanted)
            for j, radius in enumerate(radii):
                q.radius_km = radius
                q.first_km = radii[0] if j else None
                one = index.search(q)
                if one.total >= wanted or j == len(radii) - 1:
                    break
            assert i == j
            assert result.total == one.total
            assert [(h.doc.id, h.distance_km, h.score) for h in result.hits] == [
                (h.doc.id, h.distance_km, h.score) for h in one.hits
            ]


def test_a_widened_search_lists_what_is_within_the_first_radius_first():
    """A far service that matches more of the query outscores a near one; once the search has widened,
    the near one still comes first."""
    index = SearchIndex(capacity=4)
    lat, lon = CENTRE
    near = dataclasses.replace(doc("near", [(lat + 0.009, lon)]), term_ids=("t-a",))  # about 1 km
    far = dataclasses.replace(doc("far", [(lat + 0.045, lon)]), term_ids=("t-a", "t-b"))  # about 5 km
    index.upsert_many([near, far])
    q = Query(today=TODAY, point=CENTRE, term_ids={"t-a", "t-b"}, limit=5)
    q.radius_km = 8.0
    assert [h.doc.id for h in index.search(q).hits] == ["far", "near"], "the scores alone put the far one first"
    i, result = index.search_widening(q, (3.0, 8.0), wanted=5)
    assert i == 1 and [h.doc.id for h in result.hits] == ["near", "far"]
