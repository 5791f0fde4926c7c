"""Writes to the directory, shared by the admin API and the importers.

Each function works inside the caller's transaction and records its audit event
there too, so a write and its audit commit or roll back together. Concurrency is
optimistic: the ORM's version column turns every UPDATE into
`... WHERE version = :seen`, so a write based on a stale read is refused.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from directory import audit, models
from directory.admin_schemas import ServiceCreate
from directory.importers.hsds_json import build, service_from_hsds
from directory.models import utcnow
from directory.schemas import LocationPublic, OrganizationPublic, ServicePublic, TaxonomyTermPublic


class WriteError(Exception):
    status = 400

    def __init__(self, detail: Any, current: dict | None = None, version: int | None = None):
        super().__init__(str(detail))
        self.detail, self.current, self.version = detail, current, version


class NotFound(WriteError):
    status = 404


class Invalid(WriteError):
    """422 with FastAPI's error shape: a list of {loc, msg, type}."""

    status = 422


class Stale(WriteError):
    """412: the record changed since the version the client saw; carries the current record."""

    status = 412


class Conflict(WriteError):
    status = 409


class PreconditionRequired(WriteError):
    status = 428


def snapshot(obj: models.Base) -> dict:
    schema = {
        models.Service: ServicePublic, models.Organization: OrganizationPublic,
        models.Location: LocationPublic, models.TaxonomyTerm: TaxonomyTermPublic,
    }[type(obj)]
    return schema.model_validate(obj).model_dump(mode="json", exclude_none=True)


def error(loc: tuple, msg: str) -> dict:
    return {"loc": list(loc), "msg": msg, "type": "value_error"}


def _check_version(obj: models.Base | None, kind: str, ident: str, expected: int | None) -> None:
    if obj is None or getattr(obj, "deleted_at", None) is not None:
        raise NotFound(f"No {kind} with id '{ident}'.")
    if expected is not None and obj.version != expected:
        raise Stale(f"This {kind} was changed by someone else (now version {obj.version}); "
                    "reload it and apply your change again.", snapshot(obj), obj.version)


def _flush(session: Session, obj: models.Base, kind: str) -> None:
    try:
        session.flush()
    except (IntegrityError, DataError) as exc:
        # A backstop: the checks above should have named the field already.
        session.rollback()
        problem = str(exc.orig).splitlines()[0]
        raise Invalid([error(("body",), "a value does not fit, refers to a missing record or repeats a unique one: "
                             + problem)]) from None
    except OperationalError as exc:
        # SQLite refuses a write whose read snapshot is older than another writer's commit
        # (SQLITE_BUSY_SNAPSHOT): that is exactly a concurrent change, so answer as for one.
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        session.rollback()
        current = session.get(type(obj), obj.id)
        raise Stale(f"This {kind} was being changed by someone else; reload it.",
                    snapshot(current) if current else None, current.version if current else None) from None
    except StaleDataError:
        session.rollback()
        current = session.get(type(obj), obj.id)
        raise Stale(f"This {kind} was changed by someone else while you were saving; reload it.",
                    snapshot(current) if current else None, current.version if current else None) from None


# -- services ------------------------------------------------------------------------------
def validate_service_refs(session: Session, payload: ServiceCreate, loc: tuple = ("body",)) -> list[dict]:
    """Cross-record rules that pydantic can't check alone: referenced records must exist."""
    errors = []
    term_ids = [a.taxonomy_term_id for a in payload.attributes]
    if term_ids:
        known = set(session.scalars(select(models.TaxonomyTerm.id).where(models.TaxonomyTerm.id.in_(term_ids))))
        for i, term_id in enumerate(term_ids):
            if term_id not in known:
                errors.append(error((*loc, "attributes", i, "taxonomy_term_id"), f"no taxonomy term '{term_id}'"))
    if payload.organization is None and payload.organization_id:
        if session.get(models.Organization, payload.organization_id) is None:
            errors.append(error((*loc, "organization_id"), f"no organization '{payload.organization_id}'"))
    new_org = payload.organization.id if payload.organization else None
    for i, sal in enumerate(payload.service_at_locations):
        if sal.location is None and sal.location_id and session.get(models.Location, sal.location_id) is None:
            errors.append(error((*loc, "service_at_locations", i, "location_id"), f"no location '{sal.location_id}'"))
        org_id = sal.location.organization_id if sal.location else None
        if org_id and org_id != new_org and session.get(models.Organization, org_id) is None:
            errors.append(error((*loc, "service_at_locations", i, "location", "organization_id"),
                                f"no organization '{org_id}'"))
    if payload.organization and payload.organization.parent_organization_id:
        parent = payload.organization.parent_organization_id
        if session.get(models.Organization, parent) is None:
            errors.append(error((*loc, "organization", "parent_organization_id"), f"no organization '{parent}'"))
    return errors


def service_dict(payload: ServiceCreate, service_id: str) -> dict:
    """The HSDS dict for a payload, with ids made for new nested records."""
    data = payload.model_dump(mode="json", exclude_none=True)
    data["id"] = service_id

    def made_id(*parts: object) -> str:
        # Derived, not random: importing the same file twice gives the same records ("unchanged").
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(str(p) for p in (service_id, *parts))))

    for key in ("phones", "schedules", "cost_options", "languages", "contacts", "attributes"):
        for i, item in enumerate(data.get(key, [])):
            item.setdefault("id", made_id(key, i))
    for i, sal in enumerate(data.get("service_at_locations", [])):
        sal.setdefault("id", made_id("sal", i))
        if loc := sal.get("location"):
            loc.setdefault("id", sal.get("location_id") or made_id("location", i))
            for j, addr in enumerate(loc.get("addresses", [])):
                addr.setdefault("id", made_id("location", i, "address", j))
    if org := data.get("organization"):
        org.setdefault("id", data.get("organization_id") or str(uuid.uuid5(uuid.NAMESPACE_URL, org["name"])))
        data["organization_id"] = org["id"]
    return data


def save_service(session: Session, payload: ServiceCreate, *, key_name: str, service_id: str | None = None,
                 expected_version: int | None = None, action: str | None = None,
                 last_modified: dt.datetime | None = None) -> models.Service:
    """Create (no expected_version) or replace a service. Raises Invalid, NotFound, Stale, Conflict."""
    if errors := validate_service_refs(session, payload):
        raise Invalid(errors)
    service_id = service_id or payload.id or str(uuid.uuid4())
    existing = session.get(models.Service, service_id)
    before = None
    if expected_version is not None:
        _check_version(existing, "service", service_id, expected_version)
        before = snapshot(existing)
    elif existing is not None and action != "import":
        raise Conflict(f"A service with id '{service_id}' already exists; PUT to update it.")
    elif existing is not None:
        before = snapshot(existing)
    data = service_dict(payload, service_id)
    service, org = service_from_hsds(data)
    if org is not None and session.get(models.Organization, org.id) is None:
        session.add(org)
    service.last_modified = last_modified or utcnow()
    service.deleted_at = existing.deleted_at if existing is not None else None
    if existing is not None:
        service.version = existing.version
    merged = session.merge(service)
    _flush(session, merged, "service")
    session.refresh(merged)
    after = snapshot(merged)
    audit.record(session, key_name=key_name, action=action or ("update" if existing else "create"),
                 resource_type="service", resource_id=service_id, before=before, after=after)
    return merged


def set_deleted(session: Session, service_id: str, *, deleted: bool, key_name: str,
                expected_version: int | None) -> models.Service:
    service = session.get(models.Service, service_id)
    if deleted:
        _check_version(service, "service", service_id, expected_version)
    elif service is None or service.deleted_at is None:
        raise NotFound(f"No deleted service with id '{service_id}'.")
    before = snapshot(service)
    service.deleted_at = utcnow() if deleted else None
    service.last_modified = utcnow()
    _flush(session, service, "service")
    audit.record(session, key_name=key_name, action="delete" if deleted else "restore", resource_type="service",
                 resource_id=service_id, before=before, after=snapshot(service))
    return service


def purge(session: Session, service_id: str, *, key_name: str, retention_days: int) -> None:
    """Hard delete: only a service soft-deleted longer ago than the retention period."""
    service = session.get(models.Service, service_id)
    if service is None:
        raise NotFound(f"No service with id '{service_id}'.")
    if service.deleted_at is None:
        raise Conflict("Only a deleted service can be purged: delete it first.")
    if service.deleted_at > utcnow() - dt.timedelta(days=retention_days):
        raise Conflict(f"Deleted services are kept for {retention_days} days before they can be purged.")
    before = snapshot(service)
    session.delete(service)
    session.flush()
    audit.record(session, key_name=key_name, action="purge", resource_type="service", resource_id=service_id,
                 before=before, after=None)


def assure(session: Session, service_id: str, *, key_name: str, assurer_email: str | None,
           assured_date: dt.date | None) -> models.Service:
    service = session.get(models.Service, service_id)
    _check_version(service, "service", service_id, None)
    before = snapshot(service)
    service.assured_date = assured_date or dt.date.today()
    service.assurer_email = assurer_email or service.assurer_email
    service.last_modified = utcnow()
    _flush(session, service, "service")
    audit.record(session, key_name=key_name, action="assure", resource_type="service", resource_id=service_id,
                 before=before, after=snapshot(service))
    return service


# -- organizations, locations, taxonomy terms ----------------------------------------------------
def _touch_services(session: Session, where) -> list[str]:
    """Bump last_modified of affected services so every replica's poll re-indexes them."""
    ids = list(session.scalars(select(models.Service.id).where(where)))
    if ids:
        session.execute(update(models.Service).where(models.Service.id.in_(ids))
                        .values(last_modified=utcnow()).execution_options(synchronize_session=False))
    return ids


def save_simple(session: Session, model: type[models.Base], kind: str, payload: BaseModel, *, key_name: str,
                ident: str | None = None, expected_version: int | None = None, partial: bool = False,
                extra: dict | None = None) -> tuple[models.Base, list[str]]:
    """Create or update an organization, location or taxonomy term. Returns it and the services it touched."""
    values = payload.model_dump(exclude_unset=partial, exclude={"addresses"})
    obj = session.get(model, ident) if ident else None
    before = None
    if expected_version is not None or partial:
        _check_version(obj, kind, ident, expected_version)
        before = snapshot(obj)
        for k, v in values.items():
            if k != "id":
                setattr(obj, k, v)
    else:
        if obj is not None:
            raise Conflict(f"A {kind} with id '{ident}' already exists; PUT to update it.")
        values["id"] = ident or values.get("id") or str(uuid.uuid4())
        obj = model(**values, **(extra or {}))
        session.add(obj)
    addresses = getattr(payload, "addresses", None)
    if addresses is not None and (not partial or "addresses" in payload.model_fields_set):
        obj.addresses = [build(models.Address, {**a.model_dump(exclude_none=True),
                                                "id": a.id or str(uuid.uuid4())}, location_id=obj.id)
                         for a in addresses]
    if hasattr(obj, "last_modified"):
        obj.last_modified = utcnow()
    _flush(session, obj, kind)
    touched: list[str] = []
    if before is not None:
        if model is models.Organization:
            touched = _touch_services(session, models.Service.organization_id == obj.id)
        elif model is models.Location:
            touched = _touch_services(session, models.Service.id.in_(
                select(models.ServiceAtLocation.service_id).where(models.ServiceAtLocation.location_id == obj.id)))
        elif model is models.TaxonomyTerm:
            touched = _touch_services(session, models.Service.id.in_(
                select(models.Attribute.link_id).where(models.Attribute.taxonomy_term_id == obj.id)))
    audit.record(session, key_name=key_name, action="update" if before else "create", resource_type=kind,
                 resource_id=obj.id, before=before, after=snapshot(obj))
    return obj, touched


def delete_simple(session: Session, model: type[models.Base], kind: str, ident: str, *, key_name: str,
                  expected_version: int | None, deleted: bool = True) -> tuple[models.Base, list[str]]:
    obj = session.get(model, ident)
    if deleted:
        _check_version(obj, kind, ident, expected_version)
    elif obj is None or obj.deleted_at is None:
        raise NotFound(f"No deleted {kind} with id '{ident}'.")
    before = snapshot(obj)
    obj.deleted_at = utcnow() if deleted else None
    obj.last_modified = utcnow()
    _flush(session, obj, kind)
    touched = []
    if model is models.Organization:
        touched = _touch_services(session, models.Service.organization_id == obj.id)
    elif model is models.Location:
        touched = _touch_services(session, models.Service.id.in_(
            select(models.ServiceAtLocation.service_id).where(models.ServiceAtLocation.location_id == obj.id)))
    audit.record(session, key_name=key_name, action="delete" if deleted else "restore", resource_type=kind,
                 resource_id=ident, before=before, after=snapshot(obj))
    return obj, touched
