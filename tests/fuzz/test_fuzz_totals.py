"""After the fuzzers (pytest runs this file last in tests/fuzz): enough cases ran, real records
were reached, and what the admin fuzzer managed to write is still served in the ORUK shape."""

from __future__ import annotations

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient
from oruk_openapi import component_schema, offline_document

from directory.app import create_app
from directory.db import make_engine
from directory.settings import Settings

MIN_OWN_CASES = 1000


def _ran(fuzz_stats, suite: str) -> None:
    if not fuzz_stats.cases.get(suite):
        pytest.skip(f"the {suite} fuzzer did not run in this session")


def test_own_api_fuzzer_sent_enough_cases(fuzz_stats):
    _ran(fuzz_stats, "own")
    assert fuzz_stats.total("own") >= MIN_OWN_CASES


def test_fuzzers_reached_real_records(fuzz_stats):
    """Generated ids alone would only ever meet 404s; the seeded ids make 200 bodies get checked."""
    _ran(fuzz_stats, "oruk")
    for op in ("GET /services/{id}", "GET /service_at_locations/{id}", "GET /taxonomy_terms/{id}"):
        assert fuzz_stats.status_count("oruk", op, 200) >= 10, op


def test_served_document_is_the_fuzzed_one(fuzz_target):
    fuzzed = create_app(Settings(), make_engine("sqlite://")).openapi()
    with TestClient(fuzz_target.app) as client:
        assert client.get("/openapi.json").json() == fuzzed


@pytest.mark.parametrize(
    ("path", "entity"),
    [
        ("/services", "service"),
        ("/organizations", "organization"),
        ("/taxonomy_terms", "taxonomy_term"),
    ],
)
def test_admin_writes_are_still_served_as_oruk(fuzz_target, fuzz_stats, path, entity):
    """Whatever the admin fuzzer got accepted must not break the public Open Referral UK shape."""
    _ran(fuzz_stats, "own")
    # jsonschema_rs, as schemathesis uses: it checks every format (uuid, uri, email, date-time).
    validator = jsonschema_rs.Draft202012Validator(component_schema(offline_document(), entity), validate_formats=True)
    problems, seen = [], 0
    with TestClient(fuzz_target.app) as client:
        page, last = 1, False
        while not last:
            body = client.get(path, params={"page": page, "per_page": 100}).json()
            for record in body["contents"]:
                seen += 1
                for error in validator.iter_errors(record):
                    problems.append(f"{record['id']!r}: {'/'.join(map(str, error.instance_path))}: {error.message}")
            page, last = page + 1, body["last_page"]
    assert seen > 0
    assert problems == [], f"{len(problems)} problems, first ones:\n" + "\n".join(problems[:15])
