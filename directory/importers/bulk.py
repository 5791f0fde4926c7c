"""Bulk import of HSDS 3.0 JSON, NDJSON or CSV: validated row by row, duplicates found with
rapidfuzz, all or nothing in one transaction, and a dry run that reports and writes nothing."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session
from tqdm import tqdm

from directory import csvformat, models, writes
from directory.admin_schemas import ServiceCreate

NAME_SIMILARITY = 90
ORG_SIMILARITY = 85
VOLATILE = {"last_modified"}


def validate_service(data: Any, loc: tuple = ()) -> ServiceCreate:
    """A ServiceCreate, or Invalid with every problem and its field path."""
    if not isinstance(data, dict):
        raise writes.Invalid([writes.error(loc, "each service must be a JSON object")])
    try:
        return ServiceCreate.model_validate(data)
    except ValidationError as exc:
        raise writes.Invalid([
            {"loc": [*loc, *err["loc"]], "msg": err["msg"], "type": err["type"]} for err in exc.errors()
        ]) from None


def sniff_format(content_type: str, raw: bytes) -> str:
    ct = content_type.lower()
    if "csv" in ct:
        return "csv"
    if "ndjson" in ct or "jsonl" in ct:
        return "ndjson"
    head = raw.lstrip()[:1]
    if head in (b"[", b"{"):
        text = raw.decode("utf-8", "replace").strip()
        if head == b"{" and "\n{" in text and not text.startswith('{"services"'):
            return "ndjson"
        return "json"
    return "csv"


def parse(raw: bytes, fmt: str, term_ids: dict[str, str]) -> tuple[list[tuple[int, Any]], list[dict]]:
    """Rows as (row number, data), and errors that stop the file being read at all."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [{"row": None, "errors": [writes.error(("file",), "the file is not UTF-8 text")]}]
    try:
        if fmt == "csv":
            return list(csvformat.read_services(text, term_ids)), []
        if fmt == "ndjson":
            rows, errors = [], []
            for n, line in enumerate(text.splitlines(), start=1):
                if line.strip():
                    try:
                        rows.append((n, json.loads(line)))
                    except json.JSONDecodeError as exc:
                        errors.append({"row": n, "errors": [writes.error(("line", n), f"not JSON: {exc.msg}")]})
            return rows, errors
        doc = json.loads(text)
        items = doc.get("services") if isinstance(doc, dict) and "services" in doc else doc
        if isinstance(items, dict):
            items = [items]
        if not isinstance(items, list):
            raise ValueError("expected a list of services or {\"services\": [...]}")
        return list(enumerate(items, start=1)), []
    except (ValueError, json.JSONDecodeError) as exc:
        return [], [{"row": None, "errors": [writes.error(("file",), str(exc))]}]


class DuplicateFinder:
    """Services that are probably the same one: a very similar name, and the same organization
    (similar name) or the same postcode district."""

    def __init__(self, session: Session):
        self.names: list[str] = []
        self.meta: list[tuple[str, str, set[str]]] = []  # id, organization name, outcodes
        rows = session.execute(
            select(models.Service.id, models.Service.name, models.Organization.name, models.Address.postal_code)
            .outerjoin(models.Organization, models.Organization.id == models.Service.organization_id)
            .outerjoin(models.ServiceAtLocation, models.ServiceAtLocation.service_id == models.Service.id)
            .outerjoin(models.Address, models.Address.location_id == models.ServiceAtLocation.location_id)
            .where(models.Service.deleted_at.is_(None))
        ).all()
        seen: dict[str, int] = {}
        for sid, name, org, postcode in rows:
            if sid not in seen:
                seen[sid] = len(self.names)
                self.add(sid, name, org or "", set())
            if postcode:
                self.meta[seen[sid]][2].add(_outcode(postcode))

    def add(self, sid: str, name: str, org: str, outcodes: set[str]) -> None:
        self.names.append(name.lower())
        self.meta.append((sid, org.lower(), outcodes))

    def find(self, sid: str | None, name: str, org: str, outcodes: set[str]) -> dict | None:
        for _choice, score, i in process.extract(name.lower(), self.names, scorer=fuzz.token_sort_ratio,
                                                  score_cutoff=NAME_SIMILARITY, limit=10):
            other_id, other_org, other_codes = self.meta[i]
            if other_id == sid:
                continue
            same_org = bool(org and other_org and fuzz.token_set_ratio(org.lower(), other_org) >= ORG_SIMILARITY)
            if same_org or (outcodes & other_codes):
                return {"id": other_id, "name_similarity": round(score), "same_organization": same_org,
                        "same_area": bool(outcodes & other_codes)}
        return None


def _outcode(postcode: str) -> str:
    return re.split(r"\s+", postcode.strip().upper())[0][:4]


def _signature(payload: ServiceCreate, session: Session) -> tuple[str, str, set[str]]:
    org = payload.organization.name if payload.organization else ""
    if not org and payload.organization_id:
        found = session.get(models.Organization, payload.organization_id)
        org = found.name if found else ""
    codes = {_outcode(a.postal_code) for sal in payload.service_at_locations if sal.location
             for a in sal.location.addresses}
    return payload.name, org, codes


@dataclass
class ImportReport:
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_duplicates: int = 0
    errors: list[dict] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    written_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        committed = self.ok and not self.dry_run
        return {
            "dry_run": self.dry_run, "committed": committed, "rows": self.rows, "created": self.created,
            "updated": self.updated, "unchanged": self.unchanged, "skipped_duplicates": self.skipped_duplicates,
            "errors": self.errors, "duplicates": self.duplicates,
            "message": ("Nothing was written: this was a dry run." if self.dry_run else
                        "Imported." if committed else "Nothing was written: fix the errors and import again."),
        }


def import_bytes(session: Session, raw: bytes, fmt: str, *, key_name: str, dry_run: bool = False,
                 allow_duplicates: bool = False, progress: bool = False) -> ImportReport:
    terms = dict(session.execute(select(models.TaxonomyTerm.code, models.TaxonomyTerm.id)).all())
    rows, file_errors = parse(raw, fmt, {k: v for k, v in terms.items() if k})
    report = ImportReport(dry_run=dry_run, rows=len(rows), errors=file_errors)
    dups = DuplicateFinder(session)
    for row_no, data in tqdm(rows, disable=not progress, desc="import", unit="row"):
        try:
            payload = validate_service(data, loc=())
            if errors := writes.validate_service_refs(session, payload, loc=()):
                raise writes.Invalid(errors)
        except writes.Invalid as exc:
            report.errors.append({"row": row_no, "errors": exc.detail})
            continue
        existing = session.get(models.Service, payload.id) if payload.id else None
        signature = _signature(payload, session)
        if existing is None:
            dup = dups.find(payload.id, *signature)
            if dup:
                report.duplicates.append({"row": row_no, "name": payload.name, "duplicate_of": dup,
                                          "imported": allow_duplicates})
                if not allow_duplicates:
                    report.skipped_duplicates += 1
                    continue
        before = _stable(writes.snapshot(existing)) if existing is not None else None
        savepoint = session.begin_nested()
        try:
            service = writes.save_service(session, payload, key_name=key_name, service_id=payload.id,
                                          action="import")
        except writes.WriteError as exc:
            savepoint.rollback()
            report.errors.append({"row": row_no, "errors": exc.detail if isinstance(exc.detail, list)
                                  else [writes.error((), str(exc.detail))]})
            continue
        if before is not None and before == _stable(writes.snapshot(service)):
            savepoint.rollback()
            report.unchanged += 1
            continue
        savepoint.commit()
        report.written_ids.append(service.id)
        if before is None:
            report.created += 1
            dups.add(service.id, *signature)
        else:
            report.updated += 1
    if dry_run or not report.ok:
        session.rollback()
        report.written_ids = []
    else:
        session.commit()
    return report


def _stable(snapshot: dict) -> dict:
    return {k: v for k, v in snapshot.items() if k not in VOLATILE}
