"""Failed staff keys counted in Redis, shared by every replica (directory/auth.py). Uses the real Redis at
127.0.0.1:6379 (skipped if it is not there, unless REQUIRE_REDIS=1). The same limit through two running
replicas is checked in tests/cluster/test_cluster.py."""

from __future__ import annotations

import os
import socket
import uuid

import pytest
import redis

from directory.auth import FailureLimiter, RedisFailureLimiter, failure_limiter

URL = "redis://127.0.0.1:6379/4"


@pytest.fixture()
def red() -> redis.Redis:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=2).close()
    except OSError:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail("Redis is required (REQUIRE_REDIS=1) but not reachable on 127.0.0.1:6379")
        pytest.skip("Redis not reachable on 127.0.0.1:6379")
    return redis.Redis.from_url(URL)


def test_two_replicas_share_one_count(red: redis.Redis) -> None:
    first, second = RedisFailureLimiter(red, limit=4), RedisFailureLimiter(redis.Redis.from_url(URL), limit=4)
    client = f"10.9.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}-{uuid.uuid4().hex[:6]}"
    for replica in (first, second, first):
        replica.failed(client)
    assert first.blocked_for(client) == 0 and second.blocked_for(client) == 0
    second.failed(client)
    assert 0 < first.blocked_for(client) <= 60 and 0 < second.blocked_for(client) <= 60
    assert first.blocked_for("another-client") == 0
    # Neither the address nor the key is kept in the clear.
    assert not [k for k in red.keys(f"{RedisFailureLimiter.PREFIX}*") if client.encode() in k]


def test_without_redis_each_process_counts_its_own() -> None:
    assert isinstance(failure_limiter(10, None), FailureLimiter)
    assert isinstance(failure_limiter(10, URL), RedisFailureLimiter)


def test_redis_going_away_falls_back_to_this_process() -> None:
    gone = RedisFailureLimiter(redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2), limit=2)
    gone.failed("c")
    assert gone.blocked_for("c") == 0
    gone.failed("c")
    assert gone.blocked_for("c") > 0
