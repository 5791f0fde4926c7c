"""The admin API answers only to a valid staff key, every route of it: no key, a made-up key, a
revoked key and a key of the wrong role are all refused; repeated failures are slowed down; and no
browser on another site can reach it (no CORS)."""

from __future__ import annotations

import re
import secrets

import pytest
from fastapi.testclient import TestClient

from directory.app import create_app
from directory.db import make_engine
from directory.settings import Settings

OPENAPI = create_app(Settings(), make_engine("sqlite://")).openapi()
ADMIN_ROUTES = [
    (method.upper(), path)
    for path, ops in OPENAPI["paths"].items()
    if path.startswith("/admin")
    for method in ops
]
ROUTES = [pytest.param(m, p, id=f"{m} {p}") for m, p in ADMIN_ROUTES]


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "security-probe", path)


@pytest.fixture(scope="module")
def client(keys, settings):
    # A high failure limit here: this module fails on purpose many times from one client.
    app = create_app(settings.model_copy(update={"index_poll_seconds": 3600, "auth_failures_per_minute": 10**6}),
                     keys.engine)
    with TestClient(app) as c:
        yield c


def send(client: TestClient, method: str, path: str, headers: dict[str, str] | None = None):
    body = {} if method in ("POST", "PUT", "PATCH") else None
    return client.request(method, concrete(path), json=body, headers=headers or {})


def test_every_admin_route_is_checked():
    assert len(ADMIN_ROUTES) >= 25
    assert {"POST /admin/services", "DELETE /admin/services/{id}", "POST /admin/import", "GET /admin/export"} <= {
        f"{m} {p}" for m, p in ADMIN_ROUTES
    }


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_no_key_is_401(client, method, path):
    r = send(client, method, path)
    assert r.status_code == 401, r.text
    assert r.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param(lambda keys: "Bearer fyp_" + secrets.token_urlsafe(32), id="made-up key"),
        pytest.param(lambda keys: "Bearer " + keys.revoked, id="revoked key"),
        pytest.param(lambda keys: keys.admin, id="key without Bearer"),
        pytest.param(lambda keys: "Basic " + keys.admin, id="key as Basic"),
        pytest.param(lambda keys: "Bearer " + keys.admin[:-1], id="truncated key"),
        pytest.param(lambda keys: "Bearer " + keys.admin.upper(), id="key in capitals"),
    ],
)
@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_a_bad_key_is_401(client, keys, method, path, authorization):
    r = send(client, method, path, {"Authorization": authorization(keys)})
    assert r.status_code == 401, r.text


ADMIN_ONLY = [
    (m, p)
    for m, p in ADMIN_ROUTES
    if "403" in OPENAPI["paths"][p][m.lower()]["responses"]
]


def test_the_admin_only_routes_are_the_destructive_ones():
    assert {f"{m} {p}" for m, p in ADMIN_ONLY} >= {
        "DELETE /admin/services/{id}", "POST /admin/services/{id}/restore", "POST /admin/import",
        "GET /admin/export", "GET /admin/audit",
    }


@pytest.mark.parametrize(("method", "path"), [pytest.param(m, p, id=f"{m} {p}") for m, p in ADMIN_ONLY])
def test_an_editor_key_is_403_on_admin_only_routes(client, keys, method, path):
    r = send(client, method, path, {"Authorization": "Bearer " + keys.editor})
    assert r.status_code == 403, r.text


def test_a_valid_key_gets_in(client, keys):
    """The refusals are the key check's doing: the same request with the admin key is answered."""
    r = client.get("/admin/review", headers={"Authorization": "Bearer " + keys.admin})
    assert r.status_code == 200 and "items" in r.json()


def test_repeated_failures_are_slowed_down(keys, settings):
    app = create_app(settings.model_copy(update={"index_poll_seconds": 3600, "auth_failures_per_minute": 5}),
                     keys.engine)
    with TestClient(app) as client:
        statuses = [client.get("/admin/review", headers={"Authorization": "Bearer fyp_nope"}).status_code
                    for _ in range(6)]
        assert statuses == [401] * 5 + [429]
        blocked = client.get("/admin/review", headers={"Authorization": "Bearer " + keys.admin})
        assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0


@pytest.mark.parametrize("path", ["/admin/services/security-probe", "/admin/export"])
def test_no_browser_on_another_site_can_reach_admin(client, keys, path):
    preflight = client.options(path, headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET",
                                              "Access-Control-Request-Headers": "authorization"})
    assert "access-control-allow-origin" not in preflight.headers
    r = client.get(path, headers={"Origin": "https://evil.example", "Authorization": "Bearer " + keys.admin})
    assert "access-control-allow-origin" not in r.headers
    assert r.headers["cache-control"] == "no-store"
    # ...while the public API is open to any site, as designed.
    assert client.get("/services", headers={"Origin": "https://evil.example"}).headers[
        "access-control-allow-origin"] == "*"
