"""Privacy and abuse resistance, through Rasa's REST channel.

What a stored conversation keeps, read through the HTTP API and, raw, from Redis: no full postcode,
phone number or email address (bot/redact.py); the district stays and the bot still uses it. The SQL
store on PostgreSQL is read the same way in tests/cluster/test_cluster.py. And a conversation past its
rate limit (bot/rate_limit.py) gets a kind reply, while a crisis is still answered."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import yaml
from chat import Chat, custom, last_services, texts
from conftest import REDIS_TRACKER_DB, Stack

PRIVATE = ("0TH", "900123", "jo@example.com")
CHECKED = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "crisis_contacts.yml").read_text())
CHILDLINE = next(c["phone"] for c in CHECKED["contacts"] if c["id"] == "childline")


def test_stored_conversation_keeps_no_full_postcode_phone_or_email(stack: Stack, chat: Chat) -> None:
    if stack.tracker_env.get("TRACKER_STORE_TYPE") != "redis":
        pytest.skip("Redis is not running here: the stack keeps conversations in memory")
    import redis

    chat.say("hiya im 14 and i live at L4 0TH")
    chat.say("my mum said i can give u her number 07700 900123 or email jo@example.com")
    replies = chat.say("football")
    # The district the postcode was cut to still finds places near it, on a later turn.
    assert last_services(replies), replies

    raw = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_TRACKER_DB).get(f"tracker:{chat.sender}")
    assert raw, "the conversation is not in Redis"
    served = httpx.get(f"{stack.rasa.url}/conversations/{chat.sender}/tracker",
                       params={"token": stack.token}, timeout=30).text
    for stored in (raw.decode(), served):
        assert "L4" in stored
        for private in PRIVATE:
            assert private not in stored


def test_a_conversation_past_its_rate_limit_gets_a_kind_reply_but_a_crisis_still_gets_help(stack: Stack) -> None:
    """CHAT_RATE_PER_SENDER is 60 a minute by default. Counts are per minute, so a run that crosses into a new
    minute needs at most 121 messages to pass the limit."""
    chat = Chat(stack.rasa.url)
    for _ in range(125):
        reply = texts(chat.say("/greet"))
        if "faster than I can read" in reply:
            break
    else:
        pytest.fail("125 messages in a row were all read")
    assert CHILDLINE in reply
    assert custom(chat.say("i want to end my life"), "crisis")
