"""The review queue: services whose assured_date is missing or older than the review period."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from directory import models


def queue(session: Session, review_days: int, *, limit: int = 100, offset: int = 0,
          today: dt.date | None = None) -> dict:
    today = today or dt.date.today()
    cutoff = today - dt.timedelta(days=review_days)
    due = (models.Service.deleted_at.is_(None)
           & or_(models.Service.assured_date.is_(None), models.Service.assured_date < cutoff))
    total = session.scalar(select(func.count(models.Service.id)).where(due)) or 0
    # Never-assured first, then the longest since assured.
    rows = session.execute(
        select(models.Service, models.Organization.name)
        .outerjoin(models.Organization, models.Organization.id == models.Service.organization_id)
        .where(due)
        .order_by(models.Service.assured_date.is_not(None), models.Service.assured_date, models.Service.name)
        .offset(offset).limit(limit)
    ).all()
    ids = [s.id for s, _ in rows]
    editors: dict[str, list[str]] = {}
    if ids:
        for resource_id, key_name in session.execute(
            select(models.AuditEvent.resource_id, models.AuditEvent.key_name)
            .where(models.AuditEvent.resource_id.in_(ids))
            .order_by(models.AuditEvent.at.desc())
        ):
            names = editors.setdefault(resource_id, [])
            if key_name not in names and len(names) < 5:
                names.append(key_name)
    return {
        "review_days": review_days,
        "total": total,
        "items": [{
            "id": s.id, "name": s.name, "organization": org, "status": s.status,
            "assured_date": s.assured_date.isoformat() if s.assured_date else None,
            "assurer_email": s.assurer_email,
            "days_since_assured": (today - s.assured_date).days if s.assured_date else None,
            "last_modified": s.last_modified.isoformat() + "Z",
            "last_edited_by": editors.get(s.id, []),
        } for s, org in rows],
    }
