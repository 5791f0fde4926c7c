"""The admin API: keys and roles, validation, no lost updates, audit, soft delete, review.

These tests write, so they get their own database per backend (not the shared seeded one).
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from directory import auth, migrate, models
from directory.app import create_app
from directory.auth import FailureLimiter
from directory.db import session_factory
from directory.importers.hsds_json import seed


class Admin:
    def __init__(self, client: TestClient, sessions, keys: dict[str, str]):
        self.client, self.sessions, self.keys = client, sessions, keys

    def h(self, role: str = "editor", **extra) -> dict:
        return {"Authorization": f"Bearer {self.keys[role]}", **extra}


@pytest.fixture(scope="module")
def admin(backend, make_database, settings) -> Admin:
    _db, engine = make_database(backend)
    migrate.upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        seed(s, settings.taxonomy_file, settings.seed_file)
        keys = {"editor": auth.create_key(s, "ed", "editor"), "admin": auth.create_key(s, "ad", "admin")}
        s.commit()
    app = create_app(settings.model_copy(update={"index_poll_seconds": 3600}), engine)
    with TestClient(app) as client:
        yield Admin(client, sessions, keys)


@pytest.fixture(scope="module")
def football_id(admin) -> str:
    with admin.sessions() as s:
        return s.scalar(select(models.TaxonomyTerm.id).where(models.TaxonomyTerm.code == "football"))


def new_service(football_id: str, **over) -> dict:
    body = {
        "name": "Anfield Walking Football for Teens",
        "description": "Gentle football for anyone who wants a kickabout. (Sample listing.)",
        "status": "active", "minimum_age": 12, "maximum_age": 17, "url": "https://example.org/walking-football",
        "organization": {"name": "Sample Test Org", "description": "Sample organisation (fictional)."},
        "phones": [{"number": "0151 496 0555"}],
        "cost_options": [{"option": "Free", "amount": 0}],
        "schedules": [{"freq": "WEEKLY", "byday": "SA", "opens_at": "10:00", "closes_at": "11:30"}],
        "attributes": [{"taxonomy_term_id": football_id}],
        "service_at_locations": [{"location": {
            "name": "Sample pitch", "location_type": "physical", "latitude": 53.4335, "longitude": -2.9560,
            "addresses": [{"address_1": "Sample pitch", "city": "Liverpool", "postal_code": "L4"}]}}],
    }
    body.update(over)
    return body


def count_services(admin: Admin) -> int:
    with admin.sessions() as s:
        return len(s.scalars(select(models.Service.id)).all())


# -- access -------------------------------------------------------------------------------------
def test_missing_or_bad_key_is_401(admin):
    assert admin.client.get("/admin/review").status_code == 401
    r = admin.client.get("/admin/review", headers={"Authorization": "Bearer fyp_not-a-key"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"


def test_wrong_role_is_403(admin):
    for method, path in [("get", "/admin/audit"), ("post", "/admin/import"), ("get", "/admin/export"),
                         ("delete", "/admin/services/x")]:
        r = admin.client.request(method.upper(), path, headers=admin.h("editor"))
        assert r.status_code == 403, (path, r.text)
        assert "admin" in r.json()["detail"]


def test_repeated_failures_are_rate_limited(admin):
    app = admin.client.app
    saved = app.state.auth_limiter
    app.state.auth_limiter = FailureLimiter(limit=5, window_seconds=60)
    try:
        codes = [admin.client.get("/admin/review", headers={"Authorization": f"Bearer fyp_wrong{i}"}).status_code
                 for i in range(7)]
        assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]
        # Even a good key waits while the client is blocked: no guessing between tries.
        r = admin.client.get("/admin/review", headers=admin.h())
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    finally:
        app.state.auth_limiter = saved


def test_keys_are_stored_hashed_and_revocable(admin):
    with admin.sessions() as s:
        key = auth.create_key(s, "temp", "editor")
        s.commit()
        stored = s.scalar(select(models.ApiKey).where(models.ApiKey.name == "temp"))
        assert key not in (stored.key_hash, stored.name) and stored.key_hash == auth.hash_key(key)
    assert admin.client.get("/admin/review", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    with admin.sessions() as s:
        auth.revoke_key(s, "temp")
        s.commit()
    assert admin.client.get("/admin/review", headers={"Authorization": f"Bearer {key}"}).status_code == 401


def test_admin_routes_send_security_headers_and_no_cors(admin):
    r = admin.client.get("/admin/review", headers=admin.h(origin="https://evil.example"))
    assert "access-control-allow-origin" not in r.headers
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["cache-control"] == "no-store"
    pre = admin.client.options("/admin/services", headers={"origin": "https://evil.example",
                                                           "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in pre.headers
    assert admin.client.get("/services", headers={"origin": "https://x.example"}).headers[
        "access-control-allow-origin"] == "*"


def test_openapi_documents_admin_auth(admin):
    spec = admin.client.get("/openapi.json").json()
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert any(p.startswith("/admin/") for p in spec["paths"])


# -- validation -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"minimum_age": 18, "maximum_age": 12}, ["body"]),
        ({"url": "ftp://example.org/x"}, ["body", "url"]),
        ({"url": "javascript:alert(1)"}, ["body", "url"]),
        ({"phones": [{"number": "12345"}]}, ["body", "phones", 0, "number"]),
        ({"phones": [{"number": "+1 415 555 2671"}]}, ["body", "phones", 0, "number"]),
        ({"attributes": [{"taxonomy_term_id": "no-such-term"}]}, ["body", "attributes", 0, "taxonomy_term_id"]),
        ({"status": "open"}, ["body", "status"]),
        ({"email": "not-an-email"}, ["body", "email"]),
    ],
)
def test_bad_input_is_422_with_field_path_and_changes_nothing(admin, football_id, change, loc):
    before = count_services(admin)
    r = admin.client.post("/admin/services", json=new_service(football_id, **change), headers=admin.h())
    assert r.status_code == 422, r.text
    assert any(err["loc"][: len(loc)] == loc for err in r.json()["detail"]), r.json()
    assert count_services(admin) == before


@pytest.mark.parametrize(
    ("location", "field"),
    [({"latitude": 95, "longitude": -2.9}, "latitude"), ({"latitude": 53.4, "longitude": -200}, "longitude")],
)
def test_coordinates_in_range(admin, football_id, location, field):
    body = new_service(football_id)
    body["service_at_locations"][0]["location"].update(location)
    r = admin.client.post("/admin/services", json=body, headers=admin.h())
    assert r.status_code == 422
    assert ["body", "service_at_locations", 0, "location", field] in [e["loc"] for e in r.json()["detail"]]


def test_postcode_must_be_well_formed(admin, football_id):
    body = new_service(football_id)
    body["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] = "ABC 1234"
    r = admin.client.post("/admin/services", json=body, headers=admin.h())
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"][-1] == "postal_code"


# -- writes, concurrency, audit ------------------------------------------------------------------------
def test_create_read_update_with_etags_and_audit(admin, football_id):
    r = admin.client.post("/admin/services", json=new_service(football_id), headers=admin.h())
    assert r.status_code == 201, r.text
    sid, etag = r.json()["id"], r.headers["etag"]
    assert admin.client.get(f"/services/{sid}").status_code == 200
    got = admin.client.get(f"/admin/services/{sid}", headers=admin.h())
    assert got.headers["etag"] == etag
    # No If-Match: refused, so nobody overwrites blindly.
    r = admin.client.patch(f"/admin/services/{sid}", json={"name": "X"}, headers=admin.h())
    assert r.status_code == 428
    r = admin.client.patch(f"/admin/services/{sid}", json={"description": "Now with a tea urn. (Sample listing.)"},
                           headers=admin.h(**{"If-Match": etag}))
    assert r.status_code == 200 and r.headers["etag"] != etag
    # The old ETag is now stale: 412 with the current version to merge against.
    r = admin.client.patch(f"/admin/services/{sid}", json={"name": "Stale write"},
                           headers=admin.h(**{"If-Match": etag}))
    assert r.status_code == 412
    assert r.json()["current"]["description"].startswith("Now with a tea urn") and r.headers["etag"]
    events = admin.client.get("/admin/audit", params={"resource_id": sid}, headers=admin.h("admin")).json()
    assert [e["action"] for e in events] == ["update", "create"]
    assert events[1]["before"] is None and events[1]["after"]["name"] == "Anfield Walking Football for Teens"
    assert events[0]["before"]["description"] != events[0]["after"]["description"]
    assert {e["key_name"] for e in events} == {"ed"}
    meta = admin.client.get(f"/admin/services/{sid}", headers=admin.h()).json()["metadata"]
    assert {"field_name": "description", "last_action_type": "update", "updated_by": "ed"}.items() <= meta[0].items()
    since = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).isoformat()
    assert admin.client.get("/admin/audit", params={"since": since}, headers=admin.h("admin")).json() == []


def test_put_replaces_the_whole_service(admin, football_id):
    r = admin.client.post("/admin/services", json=new_service(football_id, name="Put Target FC"), headers=admin.h())
    sid, etag = r.json()["id"], r.headers["etag"]
    body = new_service(football_id, name="Put Target FC", phones=[], minimum_age=10)
    r = admin.client.put(f"/admin/services/{sid}", json=body, headers=admin.h(**{"If-Match": etag}))
    assert r.status_code == 200, r.text
    assert r.json()["minimum_age"] == 10 and r.json().get("phones", []) == []


def test_twenty_concurrent_editors_lose_no_update(admin, football_id):
    """Each editor appends its mark, retrying on 412 as a real client would. A lost update
    would drop a mark; optimistic locking must keep all twenty."""
    r = admin.client.post("/admin/services", json=new_service(football_id, name="Busy Noticeboard Club",
                                                                description="Marks:"), headers=admin.h())
    sid = r.json()["id"]
    outcomes: dict[int, list[int]] = {}
    errors: list[str] = []

    def editor(n: int) -> None:
        codes = outcomes.setdefault(n, [])
        for _ in range(60):
            got = admin.client.get(f"/admin/services/{sid}", headers=admin.h())
            desc = got.json()["description"]
            r = admin.client.patch(f"/admin/services/{sid}", json={"description": f"{desc} [{n}]"},
                                   headers=admin.h(**{"If-Match": got.headers["etag"]}))
            codes.append(r.status_code)
            if r.status_code == 200:
                return
            if r.status_code != 412:
                errors.append(r.text)
                return
        errors.append(f"editor {n} never got through")

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    final = admin.client.get(f"/admin/services/{sid}", headers=admin.h()).json()["description"]
    assert all(f"[{n}]" in final for n in range(20)), final
    assert all(codes[-1] == 200 and set(codes[:-1]) <= {412} for codes in outcomes.values())
    updates = admin.client.get("/admin/audit", params={"resource_id": sid, "limit": 500},
                               headers=admin.h("admin")).json()
    assert sum(e["action"] == "update" for e in updates) == 20


def test_soft_delete_restore_and_purge(admin, football_id):
    r = admin.client.post("/admin/services", json=new_service(football_id, name="Soon Gone Club"), headers=admin.h())
    sid, etag = r.json()["id"], r.headers["etag"]
    assert admin.client.delete(f"/admin/services/{sid}", headers=admin.h("admin")).status_code == 428
    r = admin.client.delete(f"/admin/services/{sid}", headers=admin.h("admin", **{"If-Match": etag}))
    assert r.status_code == 200
    assert admin.client.get(f"/services/{sid}").status_code == 404
    rec = admin.client.get("/recommendations", params={"q": "soon gone club", "limit": 50}).json()
    assert sid not in {i["id"] for i in rec["items"]}
    assert admin.client.post(f"/admin/services/{sid}/restore", headers=admin.h("admin")).status_code == 200
    assert admin.client.get(f"/services/{sid}").status_code == 200
    etag = admin.client.get(f"/admin/services/{sid}", headers=admin.h()).headers["etag"]
    admin.client.delete(f"/admin/services/{sid}", headers=admin.h("admin", **{"If-Match": etag}))
    r = admin.client.delete(f"/admin/services/{sid}", params={"purge": True}, headers=admin.h("admin"))
    assert r.status_code == 409 and "30 days" in r.json()["detail"]
    with admin.sessions() as s:
        s.get(models.Service, sid).deleted_at = dt.datetime(2020, 1, 1)
        s.commit()
    assert admin.client.delete(f"/admin/services/{sid}", params={"purge": True},
                               headers=admin.h("admin")).status_code == 204
    with admin.sessions() as s:
        assert s.get(models.Service, sid) is None
    actions = [e["action"] for e in admin.client.get("/admin/audit", params={"resource_id": sid},
                                                     headers=admin.h("admin")).json()]
    assert actions == ["purge", "delete", "restore", "delete", "create"]


def test_a_write_is_searchable_at_once(admin, football_id):
    body = new_service(football_id, name="Quidditch in the Park", description="Brooms provided. (Sample listing.)")
    admin.client.post("/admin/services", json=body, headers=admin.h())
    hits = admin.client.get("/services", params={"search": "quidditch"}).json()["contents"]
    assert [h["name"] for h in hits] == ["Quidditch in the Park"]
    rec = admin.client.get("/recommendations", params={"q": "football near anfield", "age": 13, "limit": 50}).json()
    assert "Quidditch in the Park" in {i["name"] for i in rec["items"]}


def test_organization_rename_reaches_its_services(admin, football_id):
    r = admin.client.post("/admin/services", json=new_service(
        football_id, name="Rename Check Club", organization={"name": "Old Name Trust", "description": "Sample."}),
        headers=admin.h())
    org_id = r.json()["organization_id"]
    etag = admin.client.get(f"/admin/organizations/{org_id}", headers=admin.h()).headers["etag"]
    r = admin.client.patch(f"/admin/organizations/{org_id}", json={"name": "New Name Trust"},
                           headers=admin.h(**{"If-Match": etag}))
    assert r.status_code == 200
    rec = admin.client.get("/recommendations", params={"q": "rename check club", "limit": 50}).json()
    assert {"New Name Trust"} == {i["organization"] for i in rec["items"] if i["name"] == "Rename Check Club"}


def test_taxonomy_terms_and_locations(admin):
    r = admin.client.post("/admin/taxonomy_terms", json={"code": "quidditch", "name": "Quidditch",
                                                         "description": "Broom sports", "synonyms": ["broomball"]},
                          headers=admin.h())
    assert r.status_code == 201, r.text
    assert admin.client.get("/interests/resolve", params={"q": "broomball"}).json()["terms"][0]["code"] == "quidditch"
    r = admin.client.post("/admin/taxonomy_terms", json={"code": "x", "name": "X", "description": "x",
                                                         "parent_id": "nope"}, headers=admin.h())
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "parent_id"]
    r = admin.client.post("/admin/locations", json={"name": "Sample hall", "latitude": 53.41, "longitude": -2.97,
                                                    "addresses": [{"address_1": "1 Sample St", "city": "Liverpool",
                                                                   "postal_code": "L1 1AA"}]}, headers=admin.h())
    assert r.status_code == 201 and r.json()["addresses"][0]["postal_code"] == "L1 1AA"


# -- review queue ---------------------------------------------------------------------------------
def test_review_queue_oldest_first_and_assure(admin, football_id):
    r = admin.client.post("/admin/services", json=new_service(football_id, name="Never Checked Club"),
                          headers=admin.h())
    sid = r.json()["id"]
    queue = admin.client.get("/admin/review", params={"limit": 1000}, headers=admin.h()).json()
    dates = [i["assured_date"] for i in queue["items"]]
    assert dates[: dates.count(None)] == [None] * dates.count(None)  # never-assured first
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    item = next(i for i in queue["items"] if i["id"] == sid)
    assert item["last_edited_by"] == ["ed"]
    r = admin.client.post(f"/admin/services/{sid}/assure", json={"assurer_email": "checker@example.org"},
                          headers=admin.h())
    assert r.status_code == 200 and r.json()["assured_date"] == dt.date.today().isoformat()
    queue = admin.client.get("/admin/review", params={"limit": 1000}, headers=admin.h()).json()
    assert sid not in {i["id"] for i in queue["items"]}
