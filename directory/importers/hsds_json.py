"""HSDS 3.0 JSON into the database: full nested services and our taxonomy file.

Upserts by HSDS id, so loading the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session
from tqdm import tqdm

from directory import models

CHILDREN = {
    "phones": models.Phone,
    "schedules": models.Schedule,
    "cost_options": models.CostOption,
    "languages": models.Language,
    "contacts": models.Contact,
}


def _columns(model: type[models.Base]) -> dict[str, Any]:
    return {c.key: c for c in inspect(model).column_attrs}


def _coerce(column, value: Any) -> Any:
    if value is None:
        return None
    python_type = column.expression.type.python_type
    if python_type is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if python_type is dt.datetime and isinstance(value, str):
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed.astimezone(dt.UTC).replace(tzinfo=None) if parsed.tzinfo else parsed
    if python_type is Decimal:
        return Decimal(str(value))
    return value


def build(model: type[models.Base], data: dict, **extra: Any) -> models.Base:
    """An ORM object from an HSDS dict: known columns only, values coerced to column types."""
    cols = _columns(model)
    values = {k: _coerce(cols[k], v) for k, v in data.items() if k in cols}
    values.update(extra)
    return model(**values)


def service_from_hsds(data: dict) -> tuple[models.Service, models.Organization | None]:
    org = None
    if isinstance(data.get("organization"), dict):
        org = build(models.Organization, data["organization"])
    service = build(models.Service, data, organization_id=data.get("organization_id") or (org.id if org else None))
    for key, model in CHILDREN.items():
        setattr(service, key, [build(model, item, service_id=service.id) for item in data.get(key) or []])
    service.attributes = [
        build(models.Attribute, a, link_id=service.id, link_entity="service") for a in data.get("attributes") or []
    ]
    sals = []
    for sal in data.get("service_at_locations") or []:
        loc_data = sal.get("location") or {}
        location = None
        if loc_data:
            location = build(models.Location, loc_data)
            location.addresses = [
                build(models.Address, a, location_id=location.id) for a in loc_data.get("addresses") or []
            ]
            location.accessibility = [
                build(models.Accessibility, a, location_id=location.id) for a in loc_data.get("accessibility") or []
            ]
        sal_obj = build(
            models.ServiceAtLocation,
            sal,
            service_id=service.id,
            location_id=sal.get("location_id") or (location.id if location else None),
        )
        if location is not None:
            sal_obj.location = location
        sals.append(sal_obj)
    service.service_at_locations = sals
    return service, org


def upsert_services(
    session: Session, items: Iterable[dict], *, progress: bool = False, total: int | None = None
) -> list[str]:
    """Insert or update services (and their organizations and locations). Returns the ids written."""
    written = []
    for data in tqdm(items, total=total, disable=not progress, desc="services", unit="svc"):
        service, org = service_from_hsds(data)
        if org is not None:
            session.merge(org)
        session.merge(service)
        written.append(service.id)
    session.flush()
    return written


def load_taxonomy(session: Session, path: Path) -> int:
    """The interests taxonomy and, beside it, the data-status one (its "Sample data" term marks fictional listings)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    return sum(_load_one_taxonomy(session, part) for part in (doc, doc.get("status_taxonomy")) if part)


def _load_one_taxonomy(session: Session, doc: dict) -> int:
    tax = doc["taxonomy"]
    session.merge(models.Taxonomy(**{k: tax.get(k) for k in ("id", "name", "description", "uri", "version")}))
    by_code = {t["code"]: t for t in doc["terms"]}
    # Parents first, so that foreign keys hold on every database.
    ordered = sorted(doc["terms"], key=lambda t: _depth(t, by_code))
    for term in ordered:
        parent = by_code.get(term.get("parent_code") or "")
        session.merge(
            models.TaxonomyTerm(
                id=term["id"],
                code=term["code"],
                name=term["name"],
                description=term.get("description") or term["name"],
                parent_id=parent["id"] if parent else None,
                taxonomy=tax["name"],
                taxonomy_id=tax["id"],
                term_uri=f"{tax['uri']}/{term['code']}" if tax.get("uri") else None,
                synonyms=list(term.get("synonyms") or []),
                kind=term.get("kind"),
            )
        )
        session.flush()
    return len(ordered)


def _depth(term: dict, by_code: dict[str, dict]) -> int:
    depth = 0
    while term.get("parent_code") and depth < 10:
        term = by_code[term["parent_code"]]
        depth += 1
    return depth


def seed(session: Session, taxonomy_file: Path, services_file: Path, *, progress: bool = False) -> dict:
    """Load the taxonomy and the sample directory. Idempotent: a second run changes nothing."""
    terms = load_taxonomy(session, taxonomy_file)
    doc = json.loads(services_file.read_text(encoding="utf-8"))
    services = doc["services"] if isinstance(doc, dict) else doc
    before = set(session.scalars(select(models.Service.id)))
    ids = upsert_services(session, services, progress=progress, total=len(services))
    return {"terms": terms, "services": len(ids), "new": len(set(ids) - before)}
