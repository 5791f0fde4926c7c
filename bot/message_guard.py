"""What Rasa reads of a message, whichever way it came in, as a Rasa 3.6 NLU component.

Registered first in config.yml's pipeline, so every message the model reads
passes it: the REST channel, Rasa's HTTP API (`/model/parse`,
`/conversations/{id}/messages`), `rasa shell`, and any channel enabled later.
It makes two kinds of message safe to handle:

- a very long message is cut to what the safety layer reads anyway, its first
  and last `MAX_CHARS` characters (bot/safety/detector.py): a pasted essay
  still gets a crisis reply wherever the risk statement sits, and DIET never
  holds a 100 KB tensor (a TensorFlow `ResourceExhaustedError` after 17 s);
- "/intent{...}" is how widget buttons speak, but a person can type it too:
  entity values that no button sends (markup, 100-digit numbers, long text)
  are dropped, and a payload that does not parse keeps only its intent, so
  Rasa never sets a slot from them. Rasa reads payloads in the same graph
  (its RegexMessageHandler comes after the pipeline), so it reads them cleaned.

The REST channel (bot/rest_guard.py) applies the same `clean` before Rasa sees
the request, so what its tracker stores is cut too.
"""

from __future__ import annotations

import json
import logging
import math
import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety.detector import MAX_CHARS

logger = logging.getLogger(__name__)

# Between the two kept ends, so the NLU does not read the cut as one run-on sentence.
CUT_MARK = "\n…\n"
_PAYLOAD = re.compile(r"^/(?P<intent>[^{@]+)(?P<confidence>@[0-9.]+)?(?P<entities>\{.*\})?(?P<rest>.*)$", re.DOTALL)
_INTENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
# What a button's entity value looks like: a place, an interest, a code, a topic. No markup, no braces.
_VALUE = re.compile(r"^[\w][\w .,'’&()/+-]{0,79}$")


def clean(text: str) -> str:
    """The message as Rasa should read it: long text cut at both ends, payloads with button values only."""
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
        logger.info("message guard: dropped %d entity value(s) no button sends", len(entities) - len(kept))
    return "/" + intent + (json.dumps(kept, ensure_ascii=False) if kept else "")


def _plain(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, int | float):
        return math.isfinite(value) and 0 <= value <= 120
    if isinstance(value, str):
        return bool(_VALUE.match(value))
    return False


# Registered as a tokenizer only so that the recipe runs it, in pipeline order, before the real tokenizer.
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class MessageGuard(GraphComponent):
    """Cleans each message's text before any other component reads it."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MessageGuard:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        # Training data is ours, short, and may hold payload-like examples on purpose.
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and text:
                cleaned = clean(text)
                if cleaned != text:
                    message.set(TEXT, cleaned)
        return messages
