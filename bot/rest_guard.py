"""What the REST channel accepts, before Rasa sees it.

Anyone can post to /webhooks/rest/webhook, not only the widget, so the channel
checks the request's shape and makes three kinds of message safe to handle:

- a body whose `message` or `sender` is not a string is a 400 that says so
  (Rasa would answer a number with silence and crash on a missing message);
- a very long message is cut, and a typed "/intent{...}" keeps only what a
  button could send, by the same `clean` the NLU pipeline's first component
  applies to every channel (bot/message_guard.py); done here as well, so the
  tracker stores the cut message and Rasa never writes the raw line to its log.

Rasa also logs, as warnings, the whole line of a "/intent{...}" it cannot read,
and (from its response interpolator) every slot value when a response holds
JSON braces; `quiet_rasa()` stops both, because message text never goes to logs.
"""

from __future__ import annotations

import logging
import re
import warnings
from typing import Any

from sanic.exceptions import InvalidUsage as BadRequest  # sanic 21.12 (Rasa 3.6): 400

from bot.message_guard import clean

logger = logging.getLogger(__name__)

MAX_SENDER = 128


def message_text(body: Any) -> str:
    """The message of a REST request body, or BadRequest naming what is wrong."""
    if not isinstance(body, dict):
        raise BadRequest("Send a JSON object like {\"sender\": \"…\", \"message\": \"…\"}.")
    text = body.get("message")
    if not isinstance(text, str):
        raise BadRequest("`message` must be a string.")
    return clean(text)


def sender_id(body: Any) -> str | None:
    if not isinstance(body, dict):
        raise BadRequest("Send a JSON object like {\"sender\": \"…\", \"message\": \"…\"}.")
    sender = body.get("sender")
    if sender is None:
        return None
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_SENDER:
        raise BadRequest(f"`sender` must be a string of 1 to {MAX_SENDER} characters.")
    return sender


_PLACEHOLDER = re.compile(r"(?<!{){([A-Za-z_][A-Za-z0-9_]*)}(?!})")


def interpolate_text(response: str, values: dict[str, Any]) -> str:
    """Rasa's response templating, for `{slot_name}` placeholders only.

    Rasa's own reads any `{...}` as a placeholder, so a button payload like
    /ask_what_is{"topic": "camhs"} raises KeyError, and Rasa logs the exception
    with every slot value (what people typed). Unknown names stay as written."""
    return _PLACEHOLDER.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], response)


def quiet_rasa() -> None:
    from rasa.core.nlg import interpolator

    interpolator.interpolate_text = interpolate_text
    for start in ("Failed to parse arguments in line", "Failed to parse intent end entities"):
        warnings.filterwarnings("ignore", message=re.escape(start))
