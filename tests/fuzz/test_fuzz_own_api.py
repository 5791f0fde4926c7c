"""Schemathesis against our own OpenAPI document: public, recommendation and admin routes.

The document is the one the app serves at /openapi.json (test_served_document_is_the_fuzzed_one
keeps the two the same); the requests go to an app on the fuzz suite's own database, with an
admin key, so generated writes really happen and really get checked. Checks: no 5xx, every
response matches the schema documented for its status, every status is documented, and no
public request the schema calls valid is refused for a field whose rules the schema could state.
"""

from __future__ import annotations

import time

import schemathesis
from hypothesis import HealthCheck, settings
from known_ids import with_known_ids
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from directory.app import create_app
from directory.db import make_engine
from directory.settings import Settings

# The app's document needs no database to be built.
DOC = create_app(Settings(), make_engine("sqlite://")).openapi()
CONFIG = schemathesis.Config.from_dict({"generation": {"deterministic": True}})  # positive and negative
schema = schemathesis.openapi.from_dict(DOC, config=CONFIG)
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]

# Public parameters whose validity depends on data, not on their shape: a place must be one we
# know, and proximity needs a postcode beside it. Any other public 422 for a request the schema
# calls valid means the schema is vaguer than the code.
DATA_DEPENDENT = {
    "/services": {"postcode", "proximity"},
    "/service_at_locations": {"postcode", "proximity"},
    "/recommendations": {"near", "day"},  # here `day` is free text ("after school on fridays")
}


@schema.hook("before_generate_path_parameters")
def real_ids_too(context, strategy):
    return with_known_ids(context.operation.path, strategy)


def assert_schema_is_precise(case, response) -> None:
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return
    if case.path.startswith("/admin") or case.method != "GET":
        return  # admin bodies refer to other records, which no schema can promise exist
    fields = {str(err["loc"][-1]) for err in response.json()["detail"]}
    allowed = DATA_DEPENDENT.get(case.path, set())
    assert fields <= allowed, f"{case.method} {case.path} refused schema-valid {fields - allowed}: {response.text}"


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_own_api(case, fuzz_target, fuzz_stats):
    start, response = time.perf_counter(), None
    try:
        response = case.call_and_validate(
            checks=CHECKS,
            app=fuzz_target.app,
            headers={"Authorization": f"Bearer {fuzz_target.admin_key}"} if case.path.startswith("/admin") else None,
        )
        assert_schema_is_precise(case, response)
    finally:
        fuzz_stats.record("own", f"{case.method} {case.path}", time.perf_counter() - start,
                          response.status_code if response is not None else None)
