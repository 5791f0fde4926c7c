"""The Open Referral UK profile's OpenAPI document (tests/schemas/oruk/openapi.json), made usable
offline.

The upstream document points its responses at schemas on raw.githubusercontent.com; these tests
run without internet, so each remote reference is replaced by its local equivalent, built from the
entity schemas copied beside it (tests/schemas/oruk/*.json, same commit, unmodified on disk):

- `compiled/service.json` and `compiled/service_list.json` are `service.json` with its references
  inlined (the list variant is the same service without its one-to-many fields; since the schemas
  do not forbid extra fields, `service.json` is the stricter check of the two);
- `compiled/service_at_location_list.json` is `service_at_location.json` plus the nested `service`
  that the compiled file adds;
- `taxonomy.json` and `taxonomy_term.json` are the local files themselves.

Two upstream mistakes are corrected, each in one place here and nowhere on disk:

- `GET /service_at_locations/{id}` refers to the compiled *service* schema. HSDS fixed this
  (openreferral/specification PR #574, January 2026: "incorrectly declared the return type ...
  there exists a compiled service_at_location.json"); we check against the service_at_location.
- The `start_time` and `end_time` parameters have `"type": "time"`, which is not a JSON Schema
  type; they are read as strings in the `time` format, which is what their descriptions mean.

Every local entity schema becomes `#/components/schemas/oruk_<name>`, and its relative references
(`"$ref": "phone.json"`) point there.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

ORUK_DIR = Path(__file__).resolve().parents[1] / "schemas" / "oruk"
REMOTE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"


def _local_ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/oruk_{name}"}


def _service_at_location_with_service() -> dict:
    return {"allOf": [_local_ref("service_at_location"), {"properties": {"service": _local_ref("service")}}]}


# Remote reference (relative to REMOTE) -> the local schema that stands in for it.
LOCAL_EQUIVALENTS: dict[str, dict] = {
    "compiled/service.json": _local_ref("service"),
    "compiled/service_list.json": _local_ref("service"),
    "compiled/service_at_location_list.json": _service_at_location_with_service(),
    "taxonomy.json": _local_ref("taxonomy"),
    "taxonomy_term.json": _local_ref("taxonomy_term"),
}
# Operation-specific corrections of upstream mistakes (see the module docstring).
RESPONSE_FIXES: dict[tuple[str, str], dict] = {
    ("/service_at_locations/{id}", "get"): _service_at_location_with_service(),
}


def _rewrite_refs(node: Any, replace) -> Any:
    if isinstance(node, dict):
        out = {key: _rewrite_refs(value, replace) for key, value in node.items() if key != "$ref"}
        # Keywords beside a $ref (names, descriptions) are kept; in OpenAPI 3.0 they change nothing.
        return {**out, **replace(node["$ref"])} if "$ref" in node else out
    if isinstance(node, list):
        return [_rewrite_refs(item, replace) for item in node]
    return node


def _entity_schemas() -> dict[str, dict]:
    out = {}
    for path in sorted(ORUK_DIR.glob("*.json")):
        if path.name == "openapi.json":
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        out[f"oruk_{path.stem}"] = _rewrite_refs(schema, lambda ref: _local_ref(Path(ref).stem))
    return out


def _remote_to_local(ref: str) -> dict:
    if ref.startswith("#"):
        return {"$ref": ref}
    if not ref.startswith(REMOTE) or ref[len(REMOTE) :] not in LOCAL_EQUIVALENTS:
        raise KeyError(f"no local equivalent for {ref}: add one to LOCAL_EQUIVALENTS")
    return copy.deepcopy(LOCAL_EQUIVALENTS[ref[len(REMOTE) :]])


def _fix_time_parameters(doc: dict) -> None:
    for param in doc.get("components", {}).get("parameters", {}).values():
        if param.get("schema", {}).get("type") == "time":
            param["schema"] = {"type": "string", "format": "time"}


def offline_document() -> dict:
    """The ORUK OpenAPI document with every reference resolvable without a network."""
    doc = json.loads((ORUK_DIR / "openapi.json").read_text(encoding="utf-8"))
    doc = _rewrite_refs(doc, _remote_to_local)
    for (path, method), schema in RESPONSE_FIXES.items():
        doc["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"] = schema
    _fix_time_parameters(doc)
    doc.setdefault("components", {}).setdefault("schemas", {}).update(_entity_schemas())
    return doc


def component_schema(doc: dict, name: str) -> dict:
    """A standalone JSON Schema for one ORUK entity, for validating with jsonschema directly."""
    return {**doc["components"]["schemas"][f"oruk_{name}"], "components": doc["components"]}
