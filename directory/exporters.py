"""Export every service as HSDS JSON, NDJSON or CSV, streamed in batches so that
100,000 services never sit in memory at once."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from directory import csvformat, models
from directory.schemas import ServicePublic
from directory.search.engine import service_load_options

FORMATS = {"json": ("application/json", "json"), "ndjson": ("application/x-ndjson", "ndjson"),
           "csv": ("text/csv; charset=utf-8", "csv")}
BATCH = 500


def iter_services(session: Session, include_deleted: bool = False) -> Iterator[dict]:
    """Services in id order, one batch of BATCH at a time (keyset pagination, not OFFSET)."""
    last = ""
    while True:
        stmt = select(models.Service).where(models.Service.id > last).order_by(models.Service.id).limit(BATCH)
        if not include_deleted:
            stmt = stmt.where(models.Service.deleted_at.is_(None))
        batch = session.scalars(stmt.options(*service_load_options(), selectinload(models.Service.languages),
                                             selectinload(models.Service.contacts))).all()
        if not batch:
            return
        for service in batch:
            yield ServicePublic.model_validate(service).model_dump(mode="json", exclude_none=True)
        last = batch[-1].id
        session.expunge_all()


def export_stream(sessions: sessionmaker[Session], fmt: str, include_deleted: bool = False) -> Iterator[str]:
    with sessions() as session:
        services = iter_services(session, include_deleted)
        if fmt == "ndjson":
            for service in services:
                yield json.dumps(service, ensure_ascii=False) + "\n"
        elif fmt == "csv":
            codes = dict(session.execute(select(models.TaxonomyTerm.id, models.TaxonomyTerm.code)).all())
            yield csvformat.write_rows([], header=True)
            for service in services:
                yield csvformat.write_rows(csvformat.service_rows(service, codes), header=False)
        else:
            yield '{"services": ['
            for i, service in enumerate(services):
                yield ("," if i else "") + "\n" + json.dumps(service, ensure_ascii=False)
            yield "\n]}\n"
