"""The REST channel never answers with silence: faults injected on purpose."""

from __future__ import annotations

import asyncio
import logging

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot import helplines
from bot.channels import SafeRestInput, handle_safely

CHILDLINE = helplines.contacts()["childline"].phone


def run(on_new_message) -> list[dict]:
    channel = CollectingOutputChannel()
    message = UserMessage("a secret message", channel, "person-1")
    asyncio.run(handle_safely(on_new_message, message))
    return channel.messages


def test_a_crash_behind_rasa_gets_an_apology_with_helplines(caplog):
    async def crash(message: UserMessage) -> None:
        raise RuntimeError("action server unreachable while handling: a secret message")

    with caplog.at_level(logging.DEBUG):
        replies = run(crash)
    assert len(replies) == 1 and "Sorry" in replies[0]["text"] and CHILDLINE in replies[0]["text"]
    assert replies[0]["buttons"]
    assert "secret" not in caplog.text  # neither the message nor the exception's text


def test_silence_gets_an_apology():
    async def says_nothing(message: UserMessage) -> None:
        return None

    replies = run(says_nothing)
    assert len(replies) == 1 and CHILDLINE in replies[0]["text"]


def test_a_real_answer_passes_through_untouched():
    async def answers(message: UserMessage) -> None:
        await message.output_channel.send_text_message(message.sender_id, "Hiya!")

    assert [r["text"] for r in run(answers)] == ["Hiya!"]


def test_the_url_stays_the_rest_webhook():
    assert SafeRestInput.name() == "rest"
