"""What the REST channel accepts, before Rasa sees it.

Anyone can post to /webhooks/rest/webhook, not only the widget, so the channel
checks the request's shape and makes three kinds of message safe to handle:

- a body whose `message` or `sender` is not a string is a 400 that says so
  (Rasa would answer a number with silence and crash on a missing message);
- a very long message is cut to what the safety layer reads anyway, its first
  and last `MAX_CHARS` characters (bot/safety/detector.py): a pasted essay
  still gets a crisis reply wherever the risk statement sits, without holding
  the NLU pipeline for a minute;
- "/intent{...}" is how widget buttons speak, but a person can type it too:
  entity values that no button sends (markup, 100-digit numbers, long text)
  are dropped, and a payload that does not parse keeps only its intent, so
  Rasa never sets a slot from them nor writes the line to its log.

Rasa also logs, as warnings, the whole line of a "/intent{...}" it cannot read,
and (from its response interpolator) every slot value when a response holds
JSON braces; `quiet_rasa()` stops both, because message text never goes to logs.
"""

from __future__ import annotations

import json
import logging
import math
import re
import warnings
from typing import Any

from sanic.exceptions import InvalidUsage as BadRequest  # sanic 21.12 (Rasa 3.6): 400

from bot.safety.detector import MAX_CHARS

logger = logging.getLogger(__name__)

MAX_SENDER = 128
# Between the two kept ends, so the NLU does not read the cut as one run-on sentence.
CUT_MARK = "\n…\n"
_PAYLOAD = re.compile(r"^/(?P<intent>[^{@]+)(?P<confidence>@[0-9.]+)?(?P<entities>\{.*\})?(?P<rest>.*)$", re.DOTALL)
_INTENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
# What a button's entity value looks like: a place, an interest, a code, a topic. No markup, no braces.
_VALUE = re.compile(r"^[\w][\w .,'’&()/+-]{0,79}$")


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


def clean(text: str) -> str:
    if text.startswith("/"):
        return payload(text)
    if len(text) > 2 * MAX_CHARS:
        return text[:MAX_CHARS] + CUT_MARK + text[-MAX_CHARS:]
    return text


def payload(text: str) -> str:
    """A "/intent{...}" message with only the entity values a button could have sent."""
    match = _PAYLOAD.match(text[: 2 * MAX_CHARS])
    intent = match["intent"].strip() if match else ""
    if not _INTENT.match(intent):
        # Not a payload at all ("/ hello", "/?"): a person's words, read as words.
        return text.lstrip("/").strip() or "hi"
    if not match["entities"]:
        return "/" + intent
    try:
        entities = json.loads(match["entities"])
    except ValueError:
        return "/" + intent
    if not isinstance(entities, dict):
        return "/" + intent
    kept = {k: v for k, v in entities.items() if _INTENT.match(str(k)) and _plain(v)}
    if len(kept) < len(entities):
        logger.info("rest channel: dropped %d entity value(s) no button sends", len(entities) - len(kept))
    return "/" + intent + (json.dumps(kept, ensure_ascii=False) if kept else "")


def _plain(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, int | float):
        return math.isfinite(value) and 0 <= value <= 120
    if isinstance(value, str):
        return bool(_VALUE.match(value))
    return False


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
