"""The service JSON cache behind /services and /services/{id}: every write is seen at once, whether it came
through this process's admin API or straight into the database from another replica, and what it serves
is byte for byte what FastAPI would have sent without it.

Own database per backend (these tests write), and an index that never polls (index_poll_seconds=3600), so
anything seen here was seen through the cache's own stamp check, not through an index refresh.
"""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from sqlalchemy import select, update

from directory import auth, migrate, models, writes
from directory.admin_schemas import OrganizationPatch
from directory.api.service_cache import ServiceCache, load_services
from directory.app import create_app
from directory.db import session_factory
from directory.importers.hsds_json import seed
from directory.models import utcnow
from directory.schemas import Page, ServicePublic


class Env:
    def __init__(self, client: TestClient, sessions, key: str, admin_key: str):
        self.client, self.sessions = client, sessions
        self.editor = {"Authorization": f"Bearer {key}"}
        self.admin = {"Authorization": f"Bearer {admin_key}"}

    @property
    def cache(self) -> ServiceCache:
        return self.client.app.state.service_cache


@pytest.fixture(scope="module")
def env(backend, make_database, settings) -> Env:
    _db, engine = make_database(backend)
    migrate.upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        seed(s, settings.taxonomy_file, settings.seed_file)
        keys = auth.create_key(s, "ed", "editor"), auth.create_key(s, "ad", "admin")
        s.commit()
    app = create_app(settings.model_copy(update={"index_poll_seconds": 3600}), engine)
    with TestClient(app) as client:
        yield Env(client, sessions, *keys)


def some_service_ids(env: Env, n: int) -> list[str]:
    page = env.client.get("/services", params={"per_page": n}).json()
    return [item["id"] for item in page["contents"]]


def in_listing(env: Env, sid: str) -> dict | None:
    """The service as /services lists it (searching by its id's page: all services, 100 at a time)."""
    page = 1
    while True:
        body = env.client.get("/services", params={"per_page": 100, "page": page}).json()
        for item in body["contents"]:
            if item["id"] == sid:
                return item
        if body["last_page"]:
            return None
        page += 1


def test_the_cache_serves_what_fastapi_would(env):
    ids = some_service_ids(env, 20)
    first = env.client.get("/services", params={"per_page": 20})
    hits = env.cache.hits
    again = env.client.get("/services", params={"per_page": 20})
    assert env.cache.hits == hits + 20, "the second look at a page is all hits"
    assert again.content == first.content
    assert again.headers["content-type"] == "application/json"
    # The same bytes as FastAPI's own response_model path (pydantic dump_json, exclude_none).
    with env.sessions() as s:
        items = [ServicePublic.model_validate(x) for x in load_services(s, ids)]
    body = first.json()
    page = Page[ServicePublic](**{**body, "contents": items})
    assert first.content == TypeAdapter(Page[ServicePublic]).dump_json(page, exclude_none=True)
    one = env.client.get(f"/services/{ids[0]}")
    assert one.content == items[0].model_dump_json(exclude_none=True).encode()


def test_admin_writes_are_seen_at_once(env):
    sid = some_service_ids(env, 1)[0]
    assert env.client.get(f"/services/{sid}").status_code == 200  # cached now
    assert in_listing(env, sid) is not None
    etag = env.client.get(f"/admin/services/{sid}", headers=env.editor).headers["etag"]
    r = env.client.patch(f"/admin/services/{sid}", json={"description": "Changed through the admin API."},
                         headers={**env.editor, "If-Match": etag})
    assert r.status_code == 200, r.text
    assert env.client.get(f"/services/{sid}").json()["description"] == "Changed through the admin API."
    assert in_listing(env, sid)["description"] == "Changed through the admin API."
    # Soft delete: gone from both at once; restore: back.
    etag = r.headers["etag"]
    assert env.client.delete(f"/admin/services/{sid}", headers={**env.admin, "If-Match": etag}).status_code == 200
    assert env.client.get(f"/services/{sid}").status_code == 404
    assert in_listing(env, sid) is None
    assert env.client.post(f"/admin/services/{sid}/restore", headers=env.admin).status_code == 200
    assert env.client.get(f"/services/{sid}").json()["description"] == "Changed through the admin API."


def test_another_replicas_service_write_is_seen_at_once(env):
    """Written straight into the database by another session, as another replica would: this process's index
    never hears of it (it does not poll in these tests), and still the next read shows it."""
    sid = some_service_ids(env, 3)[1]
    before = env.client.get(f"/services/{sid}").json()
    with env.sessions() as s:  # an ORM write: the version column moves, last_modified does not
        service = s.get(models.Service, sid)
        service.name = before["name"] + " (renamed elsewhere)"
        s.commit()
    assert env.client.get(f"/services/{sid}").json()["name"] == before["name"] + " (renamed elsewhere)"
    assert in_listing(env, sid)["name"] == before["name"] + " (renamed elsewhere)"


def test_another_replicas_child_write_is_seen_at_once(env):
    """A change to a nested record plus the last_modified touch every write path makes (no version bump)."""
    sid = next(i for i in some_service_ids(env, 20) if env.client.get(f"/services/{i}").json().get("phones"))
    phone_id = env.client.get(f"/services/{sid}").json()["phones"][0]["id"]
    with env.sessions() as s:
        s.execute(update(models.Phone).where(models.Phone.id == phone_id).values(number="0151 496 0999"))
        s.execute(update(models.Service).where(models.Service.id == sid).values(last_modified=utcnow()))
        s.commit()
    phones = env.client.get(f"/services/{sid}").json()["phones"]
    assert [p["number"] for p in phones if p["id"] == phone_id] == ["0151 496 0999"]


def test_another_replicas_organization_write_is_seen_at_once(env):
    """Another replica renames an organization (writes.save_simple touches its services): the services'
    nested organization changes here at once."""
    sid = next(i for i in some_service_ids(env, 20) if env.client.get(f"/services/{i}").json().get("organization"))
    org = env.client.get(f"/services/{sid}").json()["organization"]
    in_listing(env, sid)
    with env.sessions() as s:
        version = s.scalar(select(models.Organization.version).where(models.Organization.id == org["id"]))
        writes.save_simple(s, models.Organization, "organization", OrganizationPatch(name="Renamed Elsewhere Trust"),
                           key_name="replica-2", ident=org["id"], expected_version=version, partial=True)
        s.commit()
    assert env.client.get(f"/services/{sid}").json()["organization"]["name"] == "Renamed Elsewhere Trust"
    assert in_listing(env, sid)["organization"]["name"] == "Renamed Elsewhere Trust"


def test_another_replicas_soft_delete_is_honoured_at_once(env):
    sid = some_service_ids(env, 5)[4]
    assert in_listing(env, sid) is not None
    with env.sessions() as s:
        service = s.get(models.Service, sid)
        service.deleted_at = service.last_modified = utcnow()
        s.commit()
    assert env.client.get(f"/services/{sid}").status_code == 404
    # The index still has it (no poll), but the listing leaves it out.
    assert sid in env.client.app.state.search.index.slot_of
    assert in_listing(env, sid) is None
    with env.sessions() as s:
        s.get(models.Service, sid).deleted_at = None
        s.commit()
    assert env.client.get(f"/services/{sid}").status_code == 200


def test_unknown_id_is_404(env):
    assert env.client.get("/services/no-such-service").status_code == 404


def test_the_cache_is_bounded(env):
    ids = some_service_ids(env, 5)
    small = ServiceCache(3)
    with env.sessions() as s:
        out = small.services_json(s.connection(), ids)
        assert len(out) == 5 and len(small) == 3
        assert small.services_json(s.connection(), ids[-3:]) == out[-3:] and small.hits == 3
        off = ServiceCache(0)
        assert off.services_json(s.connection(), ids) == out and len(off) == 0


def test_a_stamp_is_version_and_last_modified(env):
    """Either moving is a miss: ORM writes move version, _touch_services moves only last_modified."""
    sid = some_service_ids(env, 1)[0]
    cache = ServiceCache(10)
    with env.client.app.state.db_engine.connect() as conn:
        cache.services_json(conn, [sid])
        cache.services_json(conn, [sid])
        assert (cache.hits, cache.misses) == (1, 1)
    with env.sessions() as s:
        s.execute(update(models.Service).where(models.Service.id == sid)
                  .values(last_modified=utcnow() + dt.timedelta(seconds=1)))
        s.commit()
    with env.client.app.state.db_engine.connect() as conn:
        cache.services_json(conn, [sid])
        assert (cache.hits, cache.misses) == (1, 2)
