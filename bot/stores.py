"""Tracker and lock stores chosen by environment variables (endpoints.yml
names these classes; Rasa's own endpoint syntax has no defaults).

    TRACKER_STORE_TYPE          memory (default) | sql | redis
    TRACKER_STORE_URL           SQLAlchemy URL for sql, e.g.
                                postgresql://postgres@127.0.0.1:5432/rasa_tracker
                                or sqlite:///var/tracker.db
    CHAT_RETENTION_DAYS         how long conversations are kept (wins over
                                TRACKER_RETENTION_MINUTES)
    TRACKER_RETENTION_MINUTES   how long a conversation is kept after its
                                last event (default 1440 = one day)
    LOCK_STORE_TYPE             memory (default) | redis
    REDIS_HOST, REDIS_PORT      default 127.0.0.1, 6379
    REDIS_PASSWORD              optional
    REDIS_TRACKER_DB            default 0
    REDIS_LOCK_DB               default 1

Several Rasa instances behind a load balancer need a shared tracker store
(sql or redis) and the redis lock store. So do several Sanic workers in one
Rasa (SANIC_WORKERS > 1): each worker is a process of its own, and an
in-memory store would be one copy per worker, so a conversation whose turns
reach different workers would forget its form. Both stores refuse to start
in memory when SANIC_WORKERS > 1 (Rasa itself only checks the lock store's
endpoint type, and ours is not "in_memory").

Privacy: every store keeps what was typed with full postcodes cut to their
district and phone numbers and email addresses replaced (bot/redact.py).

Retention: redis expires keys itself; for memory and sql, old events are
purged at most once a minute when a conversation is saved, and an expired
conversation is never returned.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Mapping
from typing import Any

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore, TicketLock
from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.redact import redact_event

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_MINUTES = 1440.0
PURGE_EVERY_S = 60.0


MEMORY_KINDS = ("memory", "in_memory", "inmemory")


class SharedStoreRequired(ValueError):
    """SANIC_WORKERS > 1 with a store that would be in memory, one copy per worker."""


def env_setting(environ: Mapping[str, str], name: str, default: str = "") -> str:
    return (environ.get(name) or default).strip()


def redis_settings(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """Where Redis is, for every store that uses it (REDIS_HOST, REDIS_PORT, REDIS_PASSWORD)."""
    return {
        "host": env_setting(environ, "REDIS_HOST", "127.0.0.1"),
        "port": int(env_setting(environ, "REDIS_PORT", "6379")),
        "password": env_setting(environ, "REDIS_PASSWORD") or None,
    }


def sanic_workers(environ: Mapping[str, str] = os.environ) -> int:
    """How many Sanic workers Rasa starts for a custom lock store: SANIC_WORKERS, read as
    rasa.core.utils.number_of_sanic_workers reads it (anything but a whole number above 1 means one)."""
    try:
        workers = int(environ.get("SANIC_WORKERS", "1"))
    except ValueError:
        return 1
    return max(workers, 1)


def refuse_memory_with_workers(store: str, environ: Mapping[str, str]) -> None:
    workers = sanic_workers(environ)
    if workers > 1:
        raise SharedStoreRequired(
            f"SANIC_WORKERS={workers} starts {workers} Rasa worker processes, but the {store} is in memory: "
            "each worker would keep its own copy and conversations would lose their state between turns. "
            "Set LOCK_STORE_TYPE=redis and TRACKER_STORE_TYPE=sql (with TRACKER_STORE_URL) or "
            "TRACKER_STORE_TYPE=redis (REDIS_HOST, REDIS_PORT), or SANIC_WORKERS=1."
        )


def retention_seconds(environ: Mapping[str, str] = os.environ) -> float:
    # CHAT_RETENTION_DAYS is the setting staff think in; minutes are for tests and tight policies.
    if days := env_setting(environ, "CHAT_RETENTION_DAYS"):
        if float(days) <= 0:
            raise ValueError("CHAT_RETENTION_DAYS must be positive")
        return float(days) * 86400.0
    minutes = float(env_setting(environ, "TRACKER_RETENTION_MINUTES", str(DEFAULT_RETENTION_MINUTES)))
    if minutes <= 0:
        raise ValueError("TRACKER_RETENTION_MINUTES must be positive")
    return minutes * 60.0


def _sql_kwargs(url: str) -> dict[str, Any]:
    """SQLTrackerStore takes URL parts, not a URL."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return {
        "dialect": parsed.drivername,
        "host": parsed.host,
        "port": parsed.port,
        "db": parsed.database,
        "username": parsed.username,
        "password": parsed.password,
        "query": dict(parsed.query) or None,
    }


def build_tracker_store(
    domain: Domain | None, event_broker: Any = None, environ: Mapping[str, str] = os.environ
) -> TrackerStore:
    kind = env_setting(environ, "TRACKER_STORE_TYPE", "memory").lower()
    if kind in MEMORY_KINDS:
        refuse_memory_with_workers("tracker store (TRACKER_STORE_TYPE)", environ)
        return InMemoryTrackerStore(domain, event_broker)
    if kind == "sql":
        url = env_setting(environ, "TRACKER_STORE_URL")
        if not url:
            raise ValueError("TRACKER_STORE_TYPE=sql needs TRACKER_STORE_URL")
        return SQLTrackerStore(domain, event_broker=event_broker, **_sql_kwargs(url))
    if kind == "redis":
        return RedisTrackerStore(
            domain,
            db=int(env_setting(environ, "REDIS_TRACKER_DB", "0")),
            **redis_settings(environ),
            event_broker=event_broker,
            # redis-py wants whole seconds for the expiry.
            record_exp=int(retention_seconds(environ)),
        )
    raise ValueError(f"unknown TRACKER_STORE_TYPE {kind!r} (memory, sql or redis)")


class EnvTrackerStore(TrackerStore):
    """A tracker store picked by TRACKER_STORE_TYPE, with retention."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: Any = None,
        environ: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        environ = os.environ if environ is None else environ
        self._inner = build_tracker_store(domain, event_broker, environ)
        self._retention_s = retention_seconds(environ)
        self._last_purge = 0.0
        # Last activity per conversation, for the in-memory purge.
        self._last_seen: dict[str, float] = {}
        super().__init__(domain, event_broker)

    @property
    def inner(self) -> TrackerStore:
        return self._inner

    @property
    def domain(self) -> Domain:
        return self._inner.domain

    @domain.setter
    def domain(self, domain: Domain | None) -> None:
        self._domain = domain or Domain.empty()
        self._inner.domain = domain

    def _expired(self, tracker: DialogueStateTracker, now: float) -> bool:
        latest = tracker.events[-1].timestamp if tracker.events else now
        return now - latest > self._retention_s

    async def save(self, tracker: DialogueStateTracker) -> None:
        # Saved at the end of a turn, so the turn itself read the message as typed. Earlier turns were redacted
        # when they were saved (every store keeps them so), so only this turn's events are read: back to its
        # message.
        for event in reversed(tracker.events):
            redact_event(event)
            if isinstance(event, UserUttered):
                break
        await self._inner.save(tracker)
        self._last_seen[tracker.sender_id] = time.time()
        await self._purge_if_due()

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._fresh(sender_id, await self._inner.retrieve(sender_id))

    async def retrieve_full_tracker(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._fresh(sender_id, await self._inner.retrieve_full_tracker(sender_id))

    async def keys(self) -> Iterable[str]:
        return await self._inner.keys()

    async def _fresh(self, sender_id: str, tracker: DialogueStateTracker | None) -> DialogueStateTracker | None:
        if tracker is not None and self._expired(tracker, time.time()):
            self._forget(sender_id)
            return None
        return tracker

    def _forget(self, sender_id: str) -> None:
        self._last_seen.pop(sender_id, None)
        inner = self._inner
        if isinstance(inner, InMemoryTrackerStore):
            inner.store.pop(sender_id, None)
        elif isinstance(inner, SQLTrackerStore):
            with inner.session_scope() as session:
                session.query(SQLTrackerStore.SQLEvent).filter(SQLTrackerStore.SQLEvent.sender_id == sender_id).delete(
                    synchronize_session=False
                )
                session.commit()
        elif isinstance(inner, RedisTrackerStore):
            inner.red.delete(inner.key_prefix + sender_id)

    async def _purge_if_due(self) -> None:
        now = time.time()
        if now - self._last_purge < PURGE_EVERY_S:
            return
        self._last_purge = now
        self.purge(now)

    def purge(self, now: float | None = None) -> int:
        """Drop what is older than the retention; returns how many
        conversations (memory) or events (sql) went."""
        now = time.time() if now is None else now
        cutoff = now - self._retention_s
        inner = self._inner
        if isinstance(inner, InMemoryTrackerStore):
            stale = [sid for sid in list(inner.store) if self._last_seen.get(sid, now) < cutoff]
            for sid in stale:
                self._forget(sid)
            removed = len(stale)
        elif isinstance(inner, SQLTrackerStore):
            with inner.session_scope() as session:
                removed = (
                    session.query(SQLTrackerStore.SQLEvent)
                    .filter(SQLTrackerStore.SQLEvent.timestamp < cutoff)
                    .delete(synchronize_session=False)
                )
                session.commit()
        else:
            removed = 0  # redis expires keys by itself (record_exp)
        if removed:
            logger.info("retention purge removed %d item(s)", removed)
        return removed


class EnvLockStore(LockStore):
    """A lock store picked by LOCK_STORE_TYPE (memory or redis)."""

    def __init__(self, endpoint_config: Any = None, environ: Mapping[str, str] | None = None) -> None:
        environ = os.environ if environ is None else environ
        kind = env_setting(environ, "LOCK_STORE_TYPE", "memory").lower()
        if kind in MEMORY_KINDS:
            refuse_memory_with_workers("lock store (LOCK_STORE_TYPE)", environ)
            self._inner: LockStore = InMemoryLockStore()
        elif kind == "redis":
            self._inner = RedisLockStore(
                db=int(env_setting(environ, "REDIS_LOCK_DB", "1")),
                **redis_settings(environ),
            )
        else:
            raise ValueError(f"unknown LOCK_STORE_TYPE {kind!r} (memory or redis)")

    @property
    def inner(self) -> LockStore:
        return self._inner

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self._inner.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self._inner.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self._inner.save_lock(lock)
