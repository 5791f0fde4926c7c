"""bench.search's synthetic services as an HSDS 3.0 JSON seed file, so that a real
`python -m directory seed` loads them into a real database for the HTTP benchmark.

Every record says it is synthetic; phone numbers are in Ofcom's drama range and
web addresses use example.org, like the sample seed.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from bench import search as gen

NAMESPACE = uuid.UUID("6a0f3c55-2b7e-4f1e-9a55-0d1b2c3e4f50")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _byday(mask: int) -> str:
    return ",".join(DAYS[i] for i in range(7) if mask & (1 << i))


def hsds_service(doc) -> dict:
    """One ServiceDoc (with its text and schedules: call before an index takes it) as HSDS JSON."""
    _name, _terms, _org, description, eligibility = (text for text, _weight in doc.text_fields)
    sid = doc.id
    if doc.points:
        locations = [
            {"id": _id(sid, "sal", str(i)), "location": {
                "id": _id(sid, "loc", str(i)), "location_type": "physical", "name": doc.location_name,
                "latitude": lat, "longitude": lon,
                "addresses": [{"id": _id(sid, "addr", str(i)), "address_1": (doc.address or "").split(",")[0],
                               "city": "Liverpool", "state_province": "Merseyside",
                               "postal_code": (doc.address or "").rsplit(", ", 1)[-1], "country": "GB",
                               "address_type": "physical"}],
            }}
            for i, (lat, lon) in enumerate(doc.points)
        ]
    else:
        # A virtual location with a URL is what the directory calls online (directory/search/reach.py).
        locations = [{"id": _id(sid, "sal", "online"), "location": {
            "id": _id(sid, "loc", "online"), "location_type": "virtual", "name": "Online", "url": doc.url}}]
    if doc.free:
        costs = [{"id": _id(sid, "cost"), "option": "Free", "currency": "GBP", "amount": 0}]
    elif doc.paid:
        costs = [{"id": _id(sid, "cost"), "option": "Per session", "currency": "GBP", "amount": 3}]
    else:
        costs = []
    schedules = [
        {"id": _id(sid, "sched", str(i)), "freq": "WEEKLY", "byday": _byday(s.days) or None,
         "opens_at": s.opens_at, "closes_at": s.closes_at,
         "valid_from": s.valid_from.isoformat() if s.valid_from else None,
         "valid_to": s.valid_to.isoformat() if s.valid_to else None,
         "description": None if s.days else "By arrangement"}
        for i, s in enumerate(doc.schedules)
    ]
    return {
        "id": sid,
        "name": doc.name,
        "description": description + " (Synthetic benchmark listing.)",
        "url": doc.url,
        "status": doc.status,
        "eligibility_description": eligibility,
        "fees_description": "Free, just turn up." if doc.free else "Small charge per session.",
        "minimum_age": doc.minimum_age,
        "maximum_age": doc.maximum_age,
        "last_modified": doc.last_modified.isoformat() + "Z" if doc.last_modified else None,
        "organization": {"id": doc.organization_id, "name": doc.organization,
                         "description": "Synthetic benchmark organisation."},
        "service_at_locations": locations,
        "phones": [{"id": _id(sid, "phone"), "number": doc.phone}] if doc.phone else [],
        "schedules": schedules,
        "cost_options": costs,
        "attributes": [{"id": _id(sid, "attr", t), "link_type": "service", "link_id": sid, "taxonomy_term_id": t}
                       for t in doc.term_ids],
    }


def write_seed(path: Path, size: int, seed: int = gen.SEED) -> int:
    docs, _factory = gen.generate(size, seed)
    doc = {"meta": {"sample": True, "description": f"{size} synthetic services for the HTTP benchmark (bench/)."},
           "services": [hsds_service(d) for d in docs]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return len(docs)
