"""The audit trail: every write records who, when, what, and the record before and after."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from directory import models


def record(session: Session, *, key_name: str, action: str, resource_type: str, resource_id: str,
           before: dict | None, after: dict | None) -> None:
    """Add an audit event to the caller's transaction: it commits, or rolls back, with the write."""
    session.add(models.AuditEvent(
        key_name=key_name, action=action, resource_type=resource_type, resource_id=resource_id,
        before=_jsonable(before), after=_jsonable(after),
    ))


def _jsonable(value: Any) -> Any:
    return None if value is None else json.loads(json.dumps(value, default=str))


def events(session: Session, *, resource_id: str | None = None, since: dt.datetime | None = None,
           limit: int = 100, offset: int = 0) -> list[models.AuditEvent]:
    stmt = select(models.AuditEvent)
    if resource_id:
        stmt = stmt.where(models.AuditEvent.resource_id == resource_id)
    if since:
        stmt = stmt.where(models.AuditEvent.at >= since)
    return list(session.scalars(stmt.order_by(models.AuditEvent.at.desc(), models.AuditEvent.id.desc())
                                .offset(offset).limit(limit)))


def metadata_for(session: Session, resource_id: str, limit: int = 50) -> list[dict]:
    """HSDS 3.0 `metadata` entries for a record, one per changed top-level field, from the audit."""
    out: list[dict] = []
    for event in events(session, resource_id=resource_id, limit=limit):
        before, after = event.before or {}, event.after or {}
        fields = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k)) or ["*"]
        for field in fields:
            out.append({
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"audit/{event.id}/{field}")),
                "resource_id": event.resource_id,
                "resource_type": event.resource_type,
                "last_action_date": event.at.date().isoformat(),
                "last_action_type": event.action,
                "field_name": field,
                "previous_value": _short(before.get(field)),
                "replacement_value": _short(after.get(field)),
                "updated_by": event.key_name,
            })
    return out


def _short(value: Any) -> str:
    text = "" if value is None else value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= 500 else text[:497] + "..."
