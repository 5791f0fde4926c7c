"""What the fuzzers found, pinned as plain requests so each stays fixed whatever the generators
happen to try next time (docs/SECURITY.md lists them)."""

from __future__ import annotations

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient
from fuzz_targets import FuzzTarget, seeded_target
from oruk_openapi import component_schema, offline_document

BEYOND_INT64 = 2**63


@pytest.fixture(scope="module")
def target(make_database, settings) -> FuzzTarget:
    """Its own database: these writes must not become part of what the fuzzers see."""
    return seeded_target(make_database, settings)


@pytest.fixture(scope="module")
def client(target):
    # raise_server_exceptions=False: a crash is a 500 here, as a real client would see it.
    with TestClient(target.app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def admin(target) -> dict[str, str]:
    return {"Authorization": f"Bearer {target.admin_key}"}


# -- found by the fuzzers, fixed in directory/api ---------------------------------------------
@pytest.mark.parametrize(
    "params",
    [
        {"start_time": "\u0661\u0668:00"},  # Arabic-Indic digits matched \d: "18:00" in another script
        {"proximity": "nan", "postcode": "L4"},
        {"proximity": "inf", "postcode": "L4"},
        {"modified_after": "yesterday"},
        {"day": "saturday; drop table service"},
    ],
)
def test_public_parameters_outside_their_documented_shape_are_422(client, params):
    r = client.get("/services", params=params)
    assert r.status_code == 422, r.text
    assert {err["loc"][-1] for err in r.json()["detail"]} == {next(iter(params))}


def test_a_pattern_error_says_what_to_send_not_the_regex(client):
    r = client.get("/services", params={"day": "someday"})
    assert r.status_code == 422
    msg = r.json()["detail"][0]["msg"]
    assert "weekend" in msg and "[Mm]" not in msg


@pytest.mark.parametrize("day", ["SA", "sat,sun", "Saturday", "weekends", "MO TU", "today"])
def test_every_documented_day_form_is_accepted(client, day):
    assert client.get("/services", params={"day": day}).status_code == 200


def test_an_undecodable_admin_body_is_a_documented_400(client, admin):
    r = client.post("/admin/organizations", content=b"\xc3(", headers={**admin, "Content-Type": "application/json"})
    assert r.status_code == 400 and isinstance(r.json()["detail"], str)


# -- found by the fuzzers, fixed in directory/ ---------------------------------------------------------
@pytest.mark.parametrize("path", ["/admin/audit", "/admin/review"])
def test_an_offset_beyond_64_bits_is_422_not_500(client, admin, path):
    r = client.get(path, params={"offset": BEYOND_INT64}, headers=admin)
    assert r.status_code == 422, r.text


@pytest.mark.parametrize(
    ("path", "entity", "body"),
    [
        ("/admin/organizations", "organization", {"id": "0", "name": "Fuzz org (sample)", "description": "x"}),
        ("/admin/taxonomy_terms", "taxonomy_term", {"id": "t.1", "code": "fuzz_t1", "name": "Fz", "description": "-"}),
    ],
)
def test_a_non_uuid_id_is_refused_so_nothing_non_conformant_is_served(client, admin, path, entity, body):
    created = client.post(path, json=body, headers=admin)
    assert created.status_code == 422, created.text
    assert [err["loc"][-1] for err in created.json()["detail"]] == ["id"]
    assert client.get(f"/{path.split('/')[-1]}/{body['id']}").status_code == 404


@pytest.mark.parametrize(("path", "entity"), [("/admin/organizations", "organization")])
def test_an_id_left_out_is_made_a_uuid_and_served_as_oruk(client, admin, path, entity):
    created = client.post(path, json={"name": "Fuzz org (sample)", "description": "x"}, headers=admin)
    assert created.status_code == 201, created.text
    public = client.get(f"/organizations/{created.json()['id']}")
    assert public.status_code == 200
    validator = jsonschema_rs.Draft202012Validator(component_schema(offline_document(), entity), validate_formats=True)
    assert [e.message for e in validator.iter_errors(public.json())] == []
