"""Staff API keys: created once, stored hashed, checked in constant time, failures rate-limited."""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
import time
from collections import defaultdict, deque
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from directory import models
from directory.models import utcnow

logger = logging.getLogger(__name__)

ROLES = ("editor", "admin")
KEY_PREFIX = "fyp_"


class KeyError_(ValueError):
    """A key could not be created or revoked; the message says why."""


def hash_key(key: str) -> str:
    # Keys are 256-bit random strings, so a fast hash is safe: there is nothing to brute-force.
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(session: Session, name: str, role: str) -> str:
    if role not in ROLES:
        raise KeyError_(f"role must be one of {', '.join(ROLES)}")
    if not name or len(name) > 100:
        raise KeyError_("name must be 1 to 100 characters")
    if session.scalar(select(models.ApiKey).where(models.ApiKey.name == name)) is not None:
        raise KeyError_(f"a key named '{name}' already exists; revoke it first or pick another name")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    session.add(models.ApiKey(name=name, key_hash=hash_key(key), role=role))
    session.flush()
    return key


def revoke_key(session: Session, name: str) -> None:
    row = session.scalar(select(models.ApiKey).where(models.ApiKey.name == name))
    if row is None:
        raise KeyError_(f"no key named '{name}'")
    row.revoked_at = utcnow()
    # Free the name for a replacement key while keeping the audit trail's name meaningful.
    row.name = f"{name} (revoked {row.revoked_at:%Y-%m-%d %H:%M:%S})"[:100]
    session.flush()


def find_key(session: Session, key: str) -> models.ApiKey | None:
    if not key.startswith(KEY_PREFIX):
        return None
    digest = hash_key(key)
    row = session.scalar(select(models.ApiKey).where(models.ApiKey.key_hash == digest))
    if row is None or row.revoked_at is not None or not secrets.compare_digest(row.key_hash, digest):
        return None
    return row


class FailureLimiter:
    """Counts failed authentications per client; too many in a window gets 429 until it passes."""

    def __init__(self, limit: int = 10, window_seconds: float = 60.0):
        self.limit, self.window = limit, window_seconds
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _trim(self, client: str, now: float) -> deque[float]:
        q = self._failures[client]
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def blocked_for(self, client: str) -> float:
        """Seconds until this client may try again; 0 when it may."""
        with self._lock:
            now = time.monotonic()
            q = self._trim(client, now)
            return max(0.0, self.window - (now - q[0])) if len(q) >= self.limit else 0.0

    def failed(self, client: str) -> None:
        with self._lock:
            self._trim(client, time.monotonic()).append(time.monotonic())


class Limiter(Protocol):
    def blocked_for(self, client: str) -> float: ...

    def failed(self, client: str) -> None: ...


class RedisFailureLimiter:
    """FailureLimiter's counts kept in Redis, so every replica sees every failure: an attacker cannot
    multiply the limit by the number of replicas. Counted per fixed window, keyed by a hash of the
    client address. If Redis is unreachable, this process's own counts stand in until it is back."""

    PREFIX = "fyp:auth-fail:"

    def __init__(self, red: Any, limit: int = 10, window_seconds: float = 60.0):
        self.red, self.limit, self.window = red, limit, int(window_seconds)
        self.fallback = FailureLimiter(limit, window_seconds)

    def _key(self, client: str, now: float) -> tuple[str, float]:
        window = int(now // self.window)
        digest = hashlib.sha256(client.encode()).hexdigest()[:32]
        return f"{self.PREFIX}{digest}:{window}", (window + 1) * self.window - now

    def blocked_for(self, client: str) -> float:
        key, left = self._key(client, time.time())
        try:
            count = int(self.red.get(key) or 0)
        except Exception as exc:  # noqa: BLE001 - the limiter must not take the admin API down with Redis
            logger.warning("auth limiter: Redis unreachable (%s); counting in this process", type(exc).__name__)
            return self.fallback.blocked_for(client)
        return left if count >= self.limit else 0.0

    def failed(self, client: str) -> None:
        key, _ = self._key(client, time.time())
        try:
            pipe = self.red.pipeline()
            pipe.incr(key)
            pipe.expire(key, self.window * 2)
            pipe.execute()
        except Exception as exc:  # noqa: BLE001
            logger.warning("auth limiter: Redis unreachable (%s); counting in this process", type(exc).__name__)
            self.fallback.failed(client)


def failure_limiter(limit: int, redis_url: str | None) -> Limiter:
    """Shared through Redis when a URL is set (several replicas), else counted in this process."""
    if not redis_url:
        return FailureLimiter(limit, 60.0)
    import redis

    return RedisFailureLimiter(redis.Redis.from_url(redis_url, socket_timeout=1.0), limit, 60.0)
