"""The index follows the database: one write applied at once, other processes' writes by polling."""

import datetime as dt

from sqlalchemy import select

from directory import models
from directory.geo import load_gazetteer
from directory.importers.hsds_json import upsert_services
from directory.search.engine import SearchEngine
from directory.search.index import Query
from directory.settings import Settings


def _engine_for(session) -> SearchEngine:
    engine = SearchEngine(load_gazetteer(Settings().geo_dir))
    engine.load(session)
    return engine


def _new_service(term_id: str) -> dict:
    return {
        "id": "0c7d5b7e-1111-4f2a-9a55-000000000001",
        "name": "Tuebrook Quidditch Society",
        "status": "active",
        "description": "Broomsticks optional. (Sample listing.)",
        "minimum_age": 11,
        "maximum_age": 16,
        "last_modified": (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)).isoformat(),
        "organization": {
            "id": "0c7d5b7e-1111-4f2a-9a55-0000000000aa",
            "name": "Sample Sports Org",
            "description": "Sample organisation (fictional, for demonstration).",
        },
        "attributes": [{"id": "0c7d5b7e-1111-4f2a-9a55-0000000000bb", "taxonomy_term_id": term_id}],
        "cost_options": [{"id": "0c7d5b7e-1111-4f2a-9a55-0000000000cc", "option": "Free", "amount": 0}],
        "service_at_locations": [
            {
                "id": "0c7d5b7e-1111-4f2a-9a55-0000000000dd",
                "location": {
                    "id": "0c7d5b7e-1111-4f2a-9a55-0000000000ee",
                    "location_type": "physical",
                    "name": "Sample hall",
                    "latitude": 53.4249,
                    "longitude": -2.9333,
                },
            }
        ],
    }


def _found(engine: SearchEngine, word: str) -> set[str]:
    return {h.doc.id for h in engine.search(Query(tokens=[word], limit=50)).hits}


def test_apply_write_makes_a_new_service_searchable_at_once(session):
    engine = _engine_for(session)
    term = session.scalars(select(models.TaxonomyTerm).where(models.TaxonomyTerm.code == "football")).one()
    data = _new_service(term.id)
    assert data["id"] not in _found(engine, "quidditch")
    upsert_services(session, [data])
    engine.apply_write(session, data["id"])
    assert data["id"] in _found(engine, "quidditch")
    service = session.get(models.Service, data["id"])
    service.deleted_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    session.flush()
    engine.apply_write(session, data["id"])
    assert data["id"] not in _found(engine, "quidditch")


def test_refresh_picks_up_writes_from_elsewhere(session):
    reader = _engine_for(session)  # another process's index, built before the write
    term = session.scalars(select(models.TaxonomyTerm).where(models.TaxonomyTerm.code == "football")).one()
    data = _new_service(term.id)
    upsert_services(session, [data])
    assert reader.refresh(session) >= 1
    assert data["id"] in _found(reader, "quidditch")
    service = session.get(models.Service, data["id"])
    service.status = "inactive"
    service.last_modified = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(seconds=5)
    session.flush()
    reader.refresh(session)
    assert data["id"] not in _found(reader, "quidditch")
    assert reader.refresh(session) == 0  # nothing new: nothing re-indexed
