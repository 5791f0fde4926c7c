"""Rasa's REST channel, made never to answer with silence.

When something behind Rasa fails (the action server is killed, a custom action
raises), Rasa logs the error and sends nothing back: a young person would see
the chat go quiet. This channel notices an empty reply, or a failure while
handling the message, and answers with a short apology and helplines instead.
Crisis replies are domain responses and never depend on this; it is the floor
under everything else. It keeps the name `rest`, so the URL stays
/webhooks/rest/webhook.
"""

from __future__ import annotations

import contextvars
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

# Imported for its side effect: credentials.yml makes every Rasa process load this module, so this is where
# Rasa's own hot spots get their cheaper equivalents (see bot/rasa_speedups.py).
import bot.rasa_speedups  # noqa: F401
from bot import helplines, rate_limit, rest_guard
from bot.replies import button
from bot.safety.detector import assess

logger = logging.getLogger(__name__)
# Rasa loads this module before it handles any message: the place to stop it logging message text.
rest_guard.quiet_rasa()

# Whether the request being handled is past its rate limit: decided where the request is read (the
# sender and the client address), used where the message is handled, in the same task.
_OVER_LIMIT: contextvars.ContextVar[bool] = contextvars.ContextVar("over_limit", default=False)


def apology() -> tuple[str, list[dict[str, str]]]:
    lines = "\n".join(f"• {c.line()}" for c in helplines.pick(helplines.APOLOGY_CONTACTS))
    text = (
        "Sorry, I didn't manage to answer that just now. 😞 Please try again in a moment.\n"
        f"If you want to talk to someone now, these are there for you:\n{lines}"
    )
    return text, [button("Find something to do", "find_activity"), button("Start again", "refine",
                                                                            {"refinement": "restart"})]


async def _apologise(channel: OutputChannel, recipient_id: str) -> None:
    text, buttons = apology()
    await channel.send_text_with_buttons(recipient_id, text, buttons)


def answered(channel: Any, recipient_id: str) -> bool | None:
    """Whether the bot said anything back; None when the channel can't tell (streaming)."""
    messages = getattr(channel, "messages", None)
    if messages is None:
        return None
    return any(m.get("recipient_id") == recipient_id for m in messages)


def slow_down() -> str:
    lines = "\n".join(f"• {c.line()}" for c in helplines.pick(helplines.APOLOGY_CONTACTS))
    return (
        "You're sending messages faster than I can read them. 🙂 Give it a minute and try again.\n"
        f"If you want to talk to someone now, these are there for you:\n{lines}"
    )


async def handle_safely(on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage) -> None:
    # Past the limit, only a crisis is read: the safety layer's rules and net, a few milliseconds.
    if _OVER_LIMIT.get() and assess(message.text or "") is None:
        logger.info("rest channel: a message over the rate limit got the slow-down reply")
        await message.output_channel.send_text_message(message.sender_id, slow_down())
        return
    try:
        await on_new_message(message)
    except Exception as exc:  # noqa: BLE001 - whatever broke, the person still gets an answer
        # The type only: an exception's message can carry what the person typed.
        logger.error("handling a message failed (%s); sent the apology", type(exc).__name__)
        await _apologise(message.output_channel, message.sender_id)
        return
    if answered(message.output_channel, message.sender_id) is False:
        logger.warning("the bot had no reply for a message; sent the apology")
        await _apologise(message.output_channel, message.sender_id)


@functools.lru_cache(maxsize=1)
def limiter() -> rate_limit.Limiter:
    return rate_limit.from_env()


class SafeRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    async def _extract_sender(self, req: Any) -> str | None:
        sender = rest_guard.sender_id(req.json)
        _OVER_LIMIT.set(limiter().over(sender or "default", req.remote_addr or req.ip))
        return sender

    def _extract_message(self, req: Any) -> str:
        return rest_guard.message_text(req.json)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return super().blueprint(functools.partial(handle_safely, on_new_message))
