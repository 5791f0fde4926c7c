"""Staff API keys: created once, stored hashed, checked in constant time, failures rate-limited."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import defaultdict, deque

from sqlalchemy import select
from sqlalchemy.orm import Session

from directory import models
from directory.models import utcnow

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
