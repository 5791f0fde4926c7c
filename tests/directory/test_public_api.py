"""The public HSDS 3.0 / ORUK API: shapes validated against the published schemas, paging, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def _registry(profile: str) -> Registry:
    resources = []
    for path in (SCHEMAS / profile).glob("*.json"):
        if path.name == "openapi.json":
            continue
        contents = json.loads(path.read_text())
        resources.append((path.name, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


REGISTRIES = {p: _registry(p) for p in ("hsds", "oruk")}


def validate(entity: str, instance: dict) -> None:
    for profile, registry in REGISTRIES.items():
        schema = registry.contents(f"{entity}.json")
        errors = sorted(Draft202012Validator(schema, registry=registry).iter_errors(instance), key=str)
        assert not errors, f"{profile}/{entity}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


PAGE_KEYS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}


def test_api_info(client):
    body = client.get("/").json()
    assert body["version"] == "3.0" and body["openapi_url"].endswith("/openapi.json")


def test_browser_gets_the_demo_page(client):
    r = client.get("/", headers={"accept": "text/html"})
    assert r.status_code == 200 and "Find Your Place" in r.text and "/widget/widget.js" in r.text


def test_every_service_validates(client):
    page, seen = 1, 0
    while True:
        body = client.get("/services", params={"page": page, "per_page": 100}).json()
        assert set(body) == PAGE_KEYS
        for service in body["contents"]:
            validate("service", service)
            seen += 1
        if body["last_page"]:
            break
        page += 1
    assert seen == body["total_items"] >= 250


def test_full_service_is_nested(client, seed_doc):
    sample = next(
        s
        for s in seed_doc["services"]
        if s["status"] == "active"
        and s["service_at_locations"]
        and s["service_at_locations"][0]["location"].get("latitude")
    )
    body = client.get(f"/services/{sample['id']}").json()
    validate("service", body)
    loc = body["service_at_locations"][0]["location"]
    assert loc["latitude"] and loc["longitude"] and loc["addresses"]
    assert body["attributes"][0]["taxonomy_term"]["name"]
    assert body["organization"]["name"] and body["schedules"] and body["cost_options"] and body["phones"]
    for key in (
        "status",
        "minimum_age",
        "maximum_age",
        "eligibility_description",
        "fees_description",
        "assured_date",
        "assurer_email",
        "last_modified",
    ):
        assert key in body


def test_other_entities_validate(client):
    for path, entity in [
        ("/organizations", "organization"),
        ("/taxonomies", "taxonomy"),
        ("/taxonomy_terms", "taxonomy_term"),
        ("/service_at_locations", "service_at_location"),
    ]:
        body = client.get(path, params={"per_page": 5}).json()
        assert set(body) == PAGE_KEYS and body["contents"], path
        for item in body["contents"]:
            validate(entity, item)
    org = client.get("/organizations", params={"per_page": 1}).json()["contents"][0]
    full = client.get(f"/organizations/{org['id']}").json()
    validate("organization", full)
    assert full["services"], "an organization lists its services"
    sal = client.get("/service_at_locations", params={"per_page": 1}).json()["contents"][0]
    assert client.get(f"/service_at_locations/{sal['id']}").json()["service"]["id"] == sal["service_id"]
    term = client.get("/taxonomy_terms", params={"per_page": 1}).json()["contents"][0]
    assert client.get(f"/taxonomy_terms/{term['id']}").json()["name"] == term["name"]


def test_pagination(client):
    first = client.get("/services", params={"per_page": 7, "page": 1}).json()
    second = client.get("/services", params={"per_page": 7, "page": 2}).json()
    assert first["first_page"] and not first["last_page"] and first["size"] == 7
    assert not second["first_page"] and second["page_number"] == 2
    assert {s["id"] for s in first["contents"]}.isdisjoint({s["id"] for s in second["contents"]})
    total = first["total_items"]
    last = client.get("/services", params={"per_page": 7, "page": first["total_pages"]}).json()
    assert last["last_page"] and last["size"] == total - 7 * (first["total_pages"] - 1)
    beyond = client.get("/services", params={"per_page": 7, "page": first["total_pages"] + 1}).json()
    assert beyond["contents"] == [] and beyond["total_items"] == total


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/services", {"per_page": 100000}, "per_page"),
        ("/services", {"per_page": 0}, "per_page"),
        ("/services", {"page": 0}, "page"),
        ("/services", {"proximity": "abc", "postcode": "L4"}, "proximity"),
        ("/services", {"proximity": "1000"}, "proximity"),
        ("/services", {"postcode": "ZZ99 9ZZ"}, "postcode"),
        ("/services", {"minimum_age": -3}, "minimum_age"),
        ("/services", {"day": "someday"}, "day"),
        ("/services", {"start_time": "25:00"}, "start_time"),
        ("/recommendations", {"age": -3}, "age"),
        ("/recommendations", {"age": "abc"}, "age"),
        ("/recommendations", {"near": "Narnia"}, "near"),
        ("/recommendations", {"limit": 1000}, "limit"),
        ("/recommendations", {"day": "blursday"}, "day"),
    ],
)
def test_bad_input_is_422_naming_the_field(client, path, params, field):
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    assert any(err["loc"][-1] == field for err in r.json()["detail"]), r.text


@pytest.mark.parametrize(
    "path",
    ["/services/nope", "/organizations/nope", "/taxonomies/nope", "/taxonomy_terms/nope", "/service_at_locations/nope"],
)
def test_unknown_ids_are_404_json(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
    assert "nope" in r.json()["detail"]


def test_cors_is_open_for_reads(client):
    r = client.get("/services", headers={"origin": "https://example.net"})
    assert r.headers["access-control-allow-origin"] == "*"


def test_oruk_filters(client, taxonomy_doc):
    football = next(t["id"] for t in taxonomy_doc["terms"] if t["code"] == "football")
    body = client.get("/services", params={"taxonomy_term_id": football, "per_page": 100}).json()
    assert body["total_items"] >= 4
    for s in body["contents"]:
        assert football in {a["taxonomy_term_id"] for a in s["attributes"]}
    ranged = client.get("/services", params={"minimum_age": 11, "maximum_age": 16, "per_page": 100}).json()
    assert ranged["total_items"] > 0
    assert all(11 <= s["minimum_age"] and s["maximum_age"] <= 16 for s in ranged["contents"])
    sat = client.get("/services", params={"day": "SA", "per_page": 100}).json()
    assert sat["total_items"] > 0
    assert all(any("SA" in (sc["byday"] or "") for sc in s["schedules"]) for s in sat["contents"])
    evening = client.get("/services", params={"start_time": "17:00", "per_page": 100}).json()
    assert all(any((sc["opens_at"] or "") >= "17:00" for sc in s["schedules"]) for s in evening["contents"])
    near = client.get("/services", params={"postcode": "L4 0TH", "proximity": 1500, "per_page": 100}).json()
    assert near["total_items"] > 0
    assert client.get("/services", params={"taxonomy_id": "nope"}).json()["total_items"] == 0


def test_search_ranks_by_words_and_synonyms(client):
    body = client.get("/services", params={"search": "footy"}).json()
    assert body["total_items"] > 0
    assert "Football" in {a["taxonomy_term"]["name"] for a in body["contents"][0]["attributes"]}


def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["services_indexed"] >= 250


def test_sample_data_is_marked_in_hsds_and_in_recommendations(client, sample_term_id):
    """A fictional listing carries the standard attribute, and /recommendations says `sample` from it alone."""
    found = client.get("/recommendations", params={"age": 14, "interests": "football", "near": "Walton"}).json()
    assert found["items"] and all(item["sample"] is True for item in found["items"])
    record = client.get(f"/services/{found['items'][0]['id']}").json()
    validate("service", record)
    marks = [a for a in record["attributes"] if a["taxonomy_term_id"] == sample_term_id]
    assert len(marks) == 1 and marks[0]["taxonomy_term"]["name"] == "Sample data"

    real = client.get("/recommendations", params={"interests": "crisis_support", "limit": 20}).json()["items"]
    assert {"Childline", "Samaritans"} <= {item["name"] for item in real}
    assert not any(item["sample"] for item in real)

    # The mark is a status, never an interest: asking for "sample data" finds no interest.
    assert client.get("/interests/resolve", params={"q": "sample data"}).json()["terms"] == []
    taxonomies = {t["name"] for t in client.get("/taxonomies").json()["contents"]}
    assert "Find Your Place data status" in taxonomies
