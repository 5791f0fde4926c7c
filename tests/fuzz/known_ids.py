"""Ids that exist in the seeded directory, so generated requests for `/.../{id}` reach real
records (and their 200 bodies get checked), not only 404s for random strings."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

DATA = Path(__file__).resolve().parents[2] / "data" / "directory"


@cache
def seeded_ids() -> dict[str, list[str]]:
    """Collection name (the path segment before `{id}`) -> ids in the seed files, in file order."""
    services = json.loads((DATA / "services.json").read_text(encoding="utf-8"))["services"]
    taxonomy = json.loads((DATA / "taxonomy.json").read_text(encoding="utf-8"))
    ids: dict[str, list[str]] = {
        "services": [s["id"] for s in services],
        "organizations": sorted({s["organization"]["id"] for s in services if s.get("organization")}),
        "service_at_locations": [sal["id"] for s in services for sal in s.get("service_at_locations", [])],
        "locations": sorted(
            {sal["location"]["id"] for s in services for sal in s.get("service_at_locations", [])
             if sal.get("location")}
        ),
        "taxonomies": [taxonomy["taxonomy"]["id"]],
        "taxonomy_terms": [t["id"] for t in taxonomy["terms"]],
    }
    return ids


def collection_of(path: str) -> str | None:
    """'/admin/services/{id}/restore' -> 'services'."""
    parts = path.strip("/").split("/")
    if "{id}" not in parts:
        return None
    index = parts.index("{id}")
    return parts[index - 1] if index else None


def with_known_ids(path: str, generated: st.SearchStrategy) -> st.SearchStrategy:
    """Half real ids from the seed, half whatever the schema generates."""
    ids = seeded_ids().get(collection_of(path) or "")
    if not ids:
        return generated
    return st.one_of(generated, st.sampled_from(ids).map(lambda ident: {"id": ident}))
