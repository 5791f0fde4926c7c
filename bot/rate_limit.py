"""How many messages one conversation, and where set one client address, may send in a minute.

Anyone can post to the REST webhook, so a script could keep the NLU busy for everyone. Past the
limit the channel answers with a kind "give me a minute" and helplines (bot/channels.py) instead of
reading the message, unless the message is a crisis: those are always read and answered.

    CHAT_RATE_PER_SENDER   messages per minute from one conversation (default 60; 0 turns it off).
                           A person types one message every few seconds; buttons are quicker, but
                           not sixty a minute.
    CHAT_RATE_PER_CLIENT   messages per minute from one client address (default 0: off). A school
                           or a council network puts hundreds of young people behind one address,
                           and behind a proxy every request comes from the proxy: set it only where
                           Rasa sees real client addresses.
    CHAT_RATE_STORE        memory (one count per Rasa process) | redis (one count shared by every
                           process and replica). Default: redis when LOCK_STORE_TYPE=redis, which
                           several replicas need anyway; REDIS_HOST, REDIS_PORT, REDIS_PASSWORD as
                           for the stores, and REDIS_RATE_DB (default 2).

Counts are per fixed one-minute window, keyed by a hash of the sender id or address, so the store
never holds either in the clear.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.stores import MEMORY_KINDS, env_setting, redis_settings

logger = logging.getLogger(__name__)

WINDOW_S = 60
DEFAULT_PER_SENDER = 60
KEY_PREFIX = "fyp:chat-rate:"


class Counter(Protocol):
    def hit(self, key: str, window: int) -> int:
        """Counts one message for `key` in the window numbered `window`; returns the count so far."""


@dataclass
class MemoryCounter:
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def hit(self, key: str, window: int) -> int:
        seen_window, count = self.counts.get(key, (window, 0))
        count = count + 1 if seen_window == window else 1
        self.counts[key] = (window, count)
        if len(self.counts) > 100_000:  # old windows' keys, dropped now and then
            self.counts = {k: v for k, v in self.counts.items() if v[0] == window}
        return count


@dataclass
class RedisCounter:
    red: Any

    def hit(self, key: str, window: int) -> int:
        name = f"{KEY_PREFIX}{key}:{window}"
        pipe = self.red.pipeline()
        pipe.incr(name)
        pipe.expire(name, WINDOW_S * 2)
        count, _ = pipe.execute()
        return int(count)


@dataclass
class Limiter:
    counter: Counter
    per_sender: int
    per_client: int

    def over(self, sender: str, client: str | None, now: float | None = None) -> bool:
        """Counts this message; True when its conversation or its client address is past its limit."""
        window = int((time.time() if now is None else now) // WINDOW_S)
        over = False
        for kind, who, limit in (("s", sender, self.per_sender), ("c", client, self.per_client)):
            if limit > 0 and who:
                key = kind + hashlib.sha256(who.encode()).hexdigest()[:32]
                try:
                    over = self.counter.hit(key, window) > limit or over
                except Exception as exc:  # noqa: BLE001 - a store fault never stops a reply
                    logger.warning("chat rate limit store failed (%s); not limiting", type(exc).__name__)
        return over


def _limit(environ: Mapping[str, str], name: str, default: int) -> int:
    value = env_setting(environ, name, str(default))
    if not value.isdigit():
        raise ValueError(f"{name} must be a whole number of messages per minute (0 turns it off)")
    return int(value)


def from_env(environ: Mapping[str, str] = os.environ) -> Limiter:
    per_sender = _limit(environ, "CHAT_RATE_PER_SENDER", DEFAULT_PER_SENDER)
    per_client = _limit(environ, "CHAT_RATE_PER_CLIENT", 0)
    shared = env_setting(environ, "LOCK_STORE_TYPE", "memory").lower() == "redis"
    kind = env_setting(environ, "CHAT_RATE_STORE", "redis" if shared else "memory").lower()
    if kind in MEMORY_KINDS:
        return Limiter(MemoryCounter(), per_sender, per_client)
    if kind == "redis":
        import redis

        settings = redis_settings(environ)
        red = redis.Redis(db=int(env_setting(environ, "REDIS_RATE_DB", "2")), socket_timeout=1.0, **settings)
        return Limiter(RedisCounter(red), per_sender, per_client)
    raise ValueError(f"unknown CHAT_RATE_STORE {kind!r} (memory or redis)")
