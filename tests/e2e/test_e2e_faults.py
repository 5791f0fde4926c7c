"""Run last (marked stops_services): privacy of the logs, then the directory
down, then the action server down. Crisis replies must always come."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import yaml
from chat import Chat, buttons, custom, last_services, texts
from conftest import Stack

pytestmark = pytest.mark.stops_services

CHECKED = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "crisis_contacts.yml").read_text())
CHILDLINE = next(c["phone"] for c in CHECKED["contacts"] if c["id"] == "childline")


def test_http_api_needs_the_token(stack: Stack) -> None:
    assert httpx.get(f"{stack.rasa.url}/status", timeout=10).status_code == 401
    assert httpx.get(f"{stack.rasa.url}/status", params={"token": stack.token}, timeout=10).status_code == 200


def test_no_message_text_in_the_logs(stack: Stack) -> None:
    chat = Chat(stack.rasa.url)
    chat.say("my secret plan is zebracorn")
    chat.say("im 14 and i like quokkaball")  # goes to /interests/resolve
    chat.say("football")
    chat.say("Wombleton")  # goes to /places/resolve
    logs = stack.logs().lower()
    for word in ("zebracorn", "quokkaball", "wombleton"):
        assert word not in logs


def test_directory_down(stack: Stack) -> None:
    stack.stop("directory")
    chat = Chat(stack.rasa.url)
    replies = chat.say("I'm 14 from Walton and I like drama")
    assert last_services(replies) is None
    assert "sorry" in texts(replies).lower()
    assert CHILDLINE in texts(replies)
    assert buttons(replies)
    assert custom(Chat(stack.rasa.url).say("i want to end my life"), "crisis")


def test_action_server_down_crisis_still_comes(stack: Stack) -> None:
    chat = Chat(stack.rasa.url)
    chat.say("find me something to do")  # the form is active now
    stack.stop("actions")
    replies = chat.say("i'm going to hurt myself tonight")
    assert custom(replies, "crisis"), replies
    assert custom(Chat(stack.rasa.url).say("someone is following me and i'm scared"), "crisis")
    assert "kooth.com" in texts(Chat(stack.rasa.url).say("what is kooth"))
    # Ordinary turns need the action server: they get an apology and helplines, never silence.
    replies = chat.say("I'm 14 from Walton and I like drama")
    assert "sorry" in texts(replies).lower() and CHILDLINE in texts(replies), replies
