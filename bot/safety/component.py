"""The safety layer as a Rasa 3.6 NLU component.

Registered in config.yml as `bot.safety.component.SafetyLayer`, after
DIETClassifier and EntitySynonymMapper and before FallbackClassifier. On risk
it sets the intent `crisis` (which only this component may set) and a
`risk_category` entity, so the dialogue answers with `utter_crisis` whatever
it was doing, including an active form.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME, INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety.detector import Assessment, assess

CRISIS_INTENT = "crisis"
RISK_ENTITY = "risk_category"

# Only category names and rule ids are ever logged: never message text.
logger = logging.getLogger(__name__)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class SafetyLayer(GraphComponent, IntentClassifier):
    """Overrides the predicted intent with `crisis` when a message shows risk."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    def __init__(self, config: dict[str, Any]) -> None:
        self.component_config = config
        assess("warm up")  # load the word list now, not on a person's first message

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyLayer:
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        found: Assessment | None = None
        # "/intent" payloads come from buttons, not from a person typing.
        if text and not text.startswith(INTENT_MESSAGE_PREFIX):
            try:
                found = assess(text)
            except Exception as exc:  # noqa: BLE001 - a detector bug must not drop the reply
                logger.error("safety layer: detector failed (%s)", type(exc).__name__)
                return
        if found is not None:
            _mark_crisis(message, found, len(text))
            logger.info("safety layer: risk category=%s rule=%s", found.category, found.rule)
        else:
            _clear_stray_crisis(message)


def _mark_crisis(message: Message, found: Assessment, text_length: int) -> None:
    crisis = {INTENT_NAME_KEY: CRISIS_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
    # The other intents stay listed, in their order, with no confidence left:
    # FallbackClassifier must see crisis as certain and unambiguous.
    others = [
        {**entry, PREDICTED_CONFIDENCE_KEY: 0.0}
        for entry in message.get(INTENT_RANKING_KEY) or []
        if entry.get(INTENT_NAME_KEY) != CRISIS_INTENT
    ]
    message.set(INTENT, crisis, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [dict(crisis), *others], add_to_output=True)

    entities = [e for e in message.get(ENTITIES) or [] if e.get(ENTITY_ATTRIBUTE_TYPE) != RISK_ENTITY]
    entities.append(
        {
            ENTITY_ATTRIBUTE_TYPE: RISK_ENTITY,
            ENTITY_ATTRIBUTE_VALUE: found.category,
            ENTITY_ATTRIBUTE_START: 0,
            ENTITY_ATTRIBUTE_END: text_length,
            EXTRACTOR: SafetyLayer.__name__,
        }
    )
    message.set(ENTITIES, entities, add_to_output=True)


def _clear_stray_crisis(message: Message) -> None:
    """Crisis is the safety layer's call alone: undo a DIET guess of it."""
    ranking = [
        entry
        for entry in message.get(INTENT_RANKING_KEY) or []
        if entry.get(INTENT_NAME_KEY) != CRISIS_INTENT
    ]
    intent = message.get(INTENT) or {}
    stray_intent = intent.get(INTENT_NAME_KEY) == CRISIS_INTENT
    entities = message.get(ENTITIES) or []
    stray_entities = [e for e in entities if e.get(ENTITY_ATTRIBUTE_TYPE) == RISK_ENTITY]

    if stray_intent:
        replacement = (
            dict(ranking[0])
            if ranking
            else {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, PREDICTED_CONFIDENCE_KEY: 1.0}
        )
        message.set(INTENT, replacement, add_to_output=True)
        logger.info("safety layer: cleared a crisis intent it did not set")
    if stray_intent or len(ranking) != len(message.get(INTENT_RANKING_KEY) or []):
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    if stray_entities:
        kept = [e for e in entities if e.get(ENTITY_ATTRIBUTE_TYPE) != RISK_ENTITY]
        message.set(ENTITIES, kept, add_to_output=True)
