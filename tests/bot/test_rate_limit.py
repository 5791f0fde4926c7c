"""bot/rate_limit.py and the REST channel's use of it: past the limit a kind reply, never for a crisis.
Counts are shared through the real Redis at 127.0.0.1:6379 (skipped if it is not there, unless
REQUIRE_REDIS=1)."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from loopback import need
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot import channels, helplines
from bot.rate_limit import Limiter, MemoryCounter, RedisCounter, from_env

CHILDLINE = helplines.contacts()["childline"].phone


def test_a_conversation_past_its_limit_is_over_until_the_next_minute() -> None:
    limiter = Limiter(MemoryCounter(), per_sender=3, per_client=0)
    assert [limiter.over("a", "10.0.0.1", now=120.0) for _ in range(4)] == [False, False, False, True]
    assert not limiter.over("b", "10.0.0.1", now=120.0)  # another conversation has its own count
    assert not limiter.over("a", "10.0.0.1", now=180.0)  # a new minute


def test_a_client_address_is_limited_only_when_asked() -> None:
    off = Limiter(MemoryCounter(), per_sender=0, per_client=0)
    assert not any(off.over(f"s{i}", "10.0.0.1", now=0.0) for i in range(500))
    on = Limiter(MemoryCounter(), per_sender=0, per_client=2)
    assert [on.over(f"s{i}", "10.0.0.1", now=0.0) for i in range(3)] == [False, False, True]
    assert not on.over("s9", "10.0.0.2", now=0.0)


def test_the_counter_keeps_no_sender_or_address_in_the_clear() -> None:
    counter = MemoryCounter()
    Limiter(counter, per_sender=5, per_client=5).over("person-7", "192.168.4.4", now=0.0)
    assert not any("person-7" in key or "192.168" in key for key in counter.counts)


def test_a_broken_store_never_stops_a_reply() -> None:
    class Broken:
        def hit(self, key: str, window: int) -> int:
            raise ConnectionError("redis went away")

    assert not Limiter(Broken(), per_sender=1, per_client=1).over("a", "10.0.0.1")


@pytest.mark.parametrize("environ", [{"CHAT_RATE_PER_SENDER": "lots"}, {"CHAT_RATE_PER_CLIENT": "-1"},
                                     {"CHAT_RATE_STORE": "postgres"}])
def test_bad_settings_fail_clearly(environ: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        from_env(environ)


def test_settings() -> None:
    default = from_env({})
    assert (default.per_sender, default.per_client) == (60, 0) and isinstance(default.counter, MemoryCounter)
    # Several replicas already share Redis for their locks; the counts go there too.
    assert isinstance(from_env({"LOCK_STORE_TYPE": "redis"}).counter, RedisCounter)
    assert isinstance(from_env({"LOCK_STORE_TYPE": "redis", "CHAT_RATE_STORE": "memory"}).counter, MemoryCounter)


def test_two_replicas_share_one_count_in_redis() -> None:
    need(6379, "Redis", "REQUIRE_REDIS")
    environ = {"CHAT_RATE_STORE": "redis", "REDIS_RATE_DB": "13", "CHAT_RATE_PER_SENDER": "4"}
    first, second = from_env(environ), from_env(environ)
    sender = f"test-{uuid.uuid4().hex}"
    said = [replica.over(sender, None, now=600.0) for replica in (first, second, first, second, first)]
    assert said == [False, False, False, False, True]
    assert not second.over(f"other-{uuid.uuid4().hex}", None, now=600.0)


def handle(text: str, over: bool) -> list[dict]:
    channel = CollectingOutputChannel()

    async def rasa(message: UserMessage) -> None:
        await message.output_channel.send_text_message(message.sender_id, "Rasa read it")

    async def one_request() -> None:
        channels._OVER_LIMIT.set(over)
        await channels.handle_safely(rasa, UserMessage(text, channel, "person-1"))

    asyncio.run(one_request())
    return channel.messages


def test_past_the_limit_a_kind_reply_with_helplines_and_rasa_never_reads_it() -> None:
    replies = handle("any football near me", over=True)
    assert len(replies) == 1 and "faster than I can read" in replies[0]["text"]
    assert CHILDLINE in replies[0]["text"]
    assert [r["text"] for r in handle("any football near me", over=False)] == ["Rasa read it"]


@pytest.mark.parametrize("crisis", ["i want to kill myself", "someone is following me and im scared",
                                    "he hits me when hes drunk"])
def test_a_crisis_is_always_read_past_the_limit(crisis: str) -> None:
    assert [r["text"] for r in handle(crisis, over=True)] == ["Rasa read it"]
