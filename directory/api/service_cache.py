"""Each service's public HSDS JSON, cached by its id and stamp (version, last_modified).

Why: loading one fully nested service through the ORM and validating it into ServicePublic costs a
few milliseconds (30+ SELECTs per page, instance building, model_validate), and /services did that for
all 20 services of every page, every time. The JSON of a service only changes when its row changes,
so a page is now the search, one cheap `SELECT id, version, last_modified` for the page's ids, and
dictionary look-ups; only services whose stamp moved (or were never seen) are loaded and serialised.

Why the stamp is read from the database on every request rather than trusted from this process: other
replicas write to the same database, and a cache that only heard about this process's writes would
serve their old JSON. Every write that changes what ServicePublic shows moves the stamp:
- writes to the service itself go through the ORM, whose version_id_col bumps `version`, and set
  `last_modified`;
- writes to an organization, location or taxonomy term it shows touch the service's `last_modified`
  (writes._touch_services), in the same transaction.
Soft-deleted services are left out by the same query (`deleted_at IS NULL`), so a delete made by another
replica is honoured at once even before this process's index has polled it; purged ones have no row.

Consistency of an entry: the service row is read before its children (selectinload), so children can only
be as new as, or newer than, the stamp the entry is filed under. If they are newer, the stamp in the
database has moved too, and the next request misses and reloads.

Bounded (LRU by entry count, `DIRECTORY_SERVICE_CACHE_ENTRIES`); one entry per id, so an old version is
replaced rather than kept beside the new one. Safe across threads: sync endpoints run in a thread pool.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session, selectinload

from directory import models
from directory.schemas import ServicePublic
from directory.search.engine import service_load_options

Stamp = tuple[int, dt.datetime]


def load_services(session: Session, ids: Sequence[str]) -> list[models.Service]:
    """Fully nested services, in the order of `ids` (any that do not exist are left out)."""
    if not ids:
        return []
    rows = session.scalars(
        select(models.Service)
        .where(models.Service.id.in_(ids))
        .options(
            *service_load_options(),
            selectinload(models.Service.languages),
            selectinload(models.Service.contacts),
        )
    ).all()
    by_id = {s.id: s for s in rows}
    return [by_id[i] for i in ids if i in by_id]


def service_json(service: models.Service) -> bytes:
    # Exactly what FastAPI sends for response_model=ServicePublic, response_model_exclude_none=True:
    # it serialises with pydantic's dump_json too (by alias), so cached and uncached bodies are the same bytes.
    return ServicePublic.model_validate(service).model_dump_json(exclude_none=True, by_alias=True).encode()


# Built once: an expanding IN compiles once per list length and is then served from SQLAlchemy's cache.
STAMPS = select(models.Service.id, models.Service.version, models.Service.last_modified).where(
    models.Service.id.in_(bindparam("ids", expanding=True)), models.Service.deleted_at.is_(None)
)


def current_stamps(conn: Connection, ids: Sequence[str]) -> dict[str, Stamp]:
    """The stamp of each of these services that exists and is not deleted, as the database has it now.
    Through Core, not an ORM session: this runs on every request, and the session's own bookkeeping
    cost about as much as the query itself."""
    if not ids:
        return {}
    return {sid: (version, modified) for sid, version, modified in conn.execute(STAMPS, {"ids": list(ids)})}


class ServiceCache:
    def __init__(self, max_entries: int):
        self.max_entries = max(0, max_entries)
        self._entries: OrderedDict[str, tuple[Stamp, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def _put(self, sid: str, stamp: Stamp, data: bytes) -> None:
        if not self.max_entries:
            return
        with self._lock:
            self._entries[sid] = (stamp, data)
            self._entries.move_to_end(sid)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def services_json(self, conn: Connection, ids: Sequence[str]) -> list[bytes]:
        """The public JSON of these services, in the order given, without those deleted or purged meanwhile
        (the index of this process may not have seen another replica's delete yet).

        Misses are loaded on the same connection, so on SQLite (one read transaction) they come from the
        very snapshot the stamps were read from."""
        stamps = current_stamps(conn, ids)
        found: dict[str, bytes] = {}
        missing: list[str] = []
        with self._lock:
            for sid in ids:
                stamp = stamps.get(sid)
                if stamp is None:
                    continue
                entry = self._entries.get(sid)
                if entry is not None and entry[0] == stamp:
                    found[sid] = entry[1]
                    self._entries.move_to_end(sid)
                else:
                    missing.append(sid)
            self.hits += len(found)
            self.misses += len(missing)
        if missing:
            with Session(bind=conn) as session:
                for service in load_services(session, missing):
                    if service.deleted_at is not None:  # deleted between the two queries
                        continue
                    data = service_json(service)
                    # Filed under the stamp loaded with it, which may be newer than the one read above: it is
                    # the stamp this JSON belongs to.
                    self._put(service.id, (service.version, service.last_modified), data)
                    found[service.id] = data
        return [found[sid] for sid in ids if sid in found]

