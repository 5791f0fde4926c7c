"""Schemathesis against the Open Referral UK profile's own OpenAPI document: every public endpoint
it defines, with the parameters it defines, must answer in the shapes it defines.

The profile documents only its 200 responses, so the checks are: no server error, every
documented response matches its schema (formats included: uuid ids, uri urls, date-time), and the
content type is the documented one. 404 and 422 answers are ours to shape and are checked by
test_fuzz_own_api.py against our own document.
"""

from __future__ import annotations

import time

import schemathesis
from hypothesis import HealthCheck, settings
from known_ids import with_known_ids
from oruk_openapi import offline_document
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

# Positive data only: the profile's parameters are loose (any integer page, any string day), so
# its "negative" cases are mostly ours to refuse with 422, which the own-API suite already covers.
CONFIG = schemathesis.Config.from_dict({"generation": {"deterministic": True, "mode": "positive"}})
schema = schemathesis.openapi.from_dict(offline_document(), config=CONFIG)


@schema.hook("before_generate_path_parameters")
def real_ids_too(context, strategy):
    return with_known_ids(context.operation.path, strategy)


@schema.parametrize()
@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_oruk_profile(case, oruk_target, fuzz_stats):
    start, response = time.perf_counter(), None
    try:
        response = case.call_and_validate(
            checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
            app=oruk_target.app,
        )
    finally:
        fuzz_stats.record("oruk", f"{case.method} {case.path}", time.perf_counter() - start,
                           response.status_code if response is not None else None)
