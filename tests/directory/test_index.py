"""The in-memory index on its own: hard filters at their boundaries, and single writes."""

import datetime as dt

import pytest

from directory.search.documents import ScheduleSlot, ServiceDoc
from directory.search.index import Query, SearchIndex
from directory.search.text import terms

TODAY = dt.date(2026, 11, 22)
ANFIELD = (53.43397, -2.95527)


def doc(sid: str, **kw) -> ServiceDoc:
    base = dict(
        id=sid,
        name=f"Service {sid}",
        organization="Org",
        organization_id="org-1",
        description="football for all",
        status="active",
        deleted=False,
        minimum_age=11,
        maximum_age=16,
        free=True,
        paid=False,
        valid_from=None,
        valid_to=None,
        days=0b0100000,
        schedules=(ScheduleSlot(0b0100000, "10:00", "12:00", None, None),),
        term_ids=("t-football",),
        points=(ANFIELD,),
        online=False,
        url=None,
        phone=None,
        address=None,
        location_name=None,
        schedule_text=None,
        text_fields=(("football for all", 1.0),),
        last_modified=dt.datetime(2026, 1, 1),
    )
    base.update(kw)
    return ServiceDoc(**base)


def ids(index: SearchIndex, **kw) -> set[str]:
    return {h.doc.id for h in index.search(Query(today=TODAY, limit=100, **kw)).hits}


@pytest.fixture
def index() -> SearchIndex:
    idx = SearchIndex(capacity=2)
    for d in [
        doc("a"),
        doc("paid", free=False),
        doc("inactive", status="inactive"),
        doc("closed", status="temporarily closed"),
        doc("deleted", deleted=True),
        doc("expired", valid_to=TODAY - dt.timedelta(days=1)),
        doc("ends-today", valid_to=TODAY),
        doc("any-age", minimum_age=None, maximum_age=None),
        doc("far", points=((53.34, -2.85),)),
        doc("online", points=(), online=True),
        doc("tuesday", days=0b10, schedules=(ScheduleSlot(0b10, "18:00", "20:00", None, None),)),
    ]:
        idx.upsert(d)
    return idx


@pytest.mark.parametrize(("age", "included"), [(10, False), (11, True), (13, True), (16, True), (17, False)])
def test_age_edges_are_inclusive(index, age, included):
    assert ("a" in ids(index, age=age)) is included
    assert "any-age" in ids(index, age=age)


def test_inactive_deleted_and_expired_never_show(index):
    found = ids(index)
    assert {"inactive", "closed", "deleted", "expired"}.isdisjoint(found)
    assert "ends-today" in found
    assert "expired" in ids(index, include_inactive=True)


def test_free_only(index):
    assert "paid" not in ids(index, free=True)
    assert "paid" in ids(index)


def test_day_filter(index):
    assert ids(index, days=0b10) == {"tuesday"}
    assert "tuesday" not in ids(index, days=0b1100000)


def test_radius_keeps_online_services_unless_asked_not_to(index):
    near = ids(index, point=ANFIELD, radius_km=2)
    assert "far" not in near and "a" in near and "online" in near
    assert "online" not in ids(index, point=ANFIELD, radius_km=2, include_online=False)


def test_nearest_first(index):
    hits = index.search(Query(today=TODAY, point=ANFIELD, term_ids={"t-football"}, limit=50)).hits
    distances = [h.distance_km for h in hits if h.distance_km is not None]
    assert distances == sorted(distances)
    assert hits[0].distance_km == pytest.approx(0, abs=0.01)


def test_times(index):
    assert ids(index, start_time="17:00") == {"tuesday"}
    assert "a" in ids(index, end_time="12:00")
    assert "a" not in ids(index, end_time="11:00")
    assert ids(index, open_at=dt.datetime(2026, 11, 24, 18, 30)) == {"tuesday"}  # a Tuesday


def test_text_search_forgives_typos(index):
    index.upsert(
        doc("drama", description="youth theatre", text_fields=(("Everton Youth Theatre", 3.0),), term_ids=("t-drama",))
    )
    assert ids(index, tokens=["theatre"]) == {"drama"}
    assert ids(index, tokens=["theatr"]) == {"drama"}  # a typo is matched to a close word


def test_upsert_replaces_and_remove_forgets(index):
    index.upsert(doc("a", status="inactive"))
    assert "a" not in ids(index)
    index.upsert(doc("a", description="boxing", text_fields=(("boxing", 1.0),), term_ids=("t-boxing",)))
    assert ids(index, tokens=terms("boxing")) == {"a"}
    assert "a" not in ids(index, term_ids={"t-football"})
    index.remove("a")
    assert "a" not in ids(index, include_inactive=True)
    index.upsert(doc("new"))  # reuses the freed slot
    assert "new" in ids(index)


def test_grows_for_services_with_many_locations(index):
    many = tuple((53.40 + i / 100, -2.95) for i in range(5))
    index.upsert(doc("many", points=many))
    hit = index.search(
        Query(today=TODAY, point=(53.44, -2.95), exclude_ids={"a"}, limit=1, term_ids={"t-football"})
    ).hits[0]
    assert hit.doc.id == "many" and hit.distance_km < 0.01
