"""The safety layer as a Rasa NLU component: on real Messages, next to the real
FallbackClassifier, and inside a real (tiny) trained Rasa NLU pipeline."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import bot.safety.component as component_module
from bot.safety.component import SafetyLayer

RISKY = {
    "i want to kms": "suicide_or_self_harm",
    "he said they'd share my nudes": "abuse_or_exploitation",
    "someone is following me home": "immediate_danger",
    "my daughter is self harming": "parent_worried",
}


@pytest.fixture
def layer(tmp_path: Path) -> SafetyLayer:
    return SafetyLayer.create(
        SafetyLayer.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("safety_layer"),
        ExecutionContext(GraphSchema({}), "test-model"),
    )


def diet_message(text: str, ranking: list[tuple[str, float]], entities: list[dict[str, Any]] | None = None) -> Message:
    """A message as DIETClassifier and EntitySynonymMapper leave it."""
    message = Message(data={"text": text})
    intents = [{"name": name, "confidence": conf} for name, conf in ranking]
    message.set("intent", dict(intents[0]) if intents else None, add_to_output=True)
    message.set("intent_ranking", intents, add_to_output=True)
    message.set("entities", entities or [], add_to_output=True)
    return message


@pytest.mark.parametrize(("text", "category"), RISKY.items())
def test_risk_sets_crisis_intent_first_and_the_category_entity(
    layer: SafetyLayer, text: str, category: str
) -> None:
    message = diet_message(text, [("inform", 0.91), ("greet", 0.09)])
    layer.process([message])

    assert message.get("intent") == {"name": "crisis", "confidence": 1.0}
    ranking = message.get("intent_ranking")
    assert ranking[0] == {"name": "crisis", "confidence": 1.0}
    assert [r["name"] for r in ranking[1:]] == ["inform", "greet"]
    assert message.get("entities") == [
        {"entity": "risk_category", "value": category, "start": 0, "end": len(text), "extractor": "SafetyLayer"}
    ]
    output = message.as_dict(only_output_properties=True)
    assert output["intent"]["name"] == "crisis" and output["entities"][0]["value"] == category


@pytest.mark.parametrize("thresholds", [{}, {"threshold": 0.5, "ambiguity_threshold": 0.05}, {"threshold": 0.9}])
def test_fallback_classifier_keeps_crisis(layer: SafetyLayer, thresholds: dict[str, float]) -> None:
    """DIET sure of something else must not make the fallback call crisis ambiguous."""
    fallback = FallbackClassifier({**FallbackClassifier.get_default_config(), **thresholds})
    message = diet_message("i'm going to end it all tonight", [("inform", 0.99), ("greet", 0.01)])
    fallback.process(layer.process([message]))
    assert message.get("intent")["name"] == "crisis"


def test_keeps_other_entities_and_replaces_a_guessed_risk_entity(layer: SafetyLayer) -> None:
    area = {"entity": "area", "value": "Walton", "start": 10, "end": 16, "extractor": "DIETClassifier"}
    guess = {"entity": "risk_category", "value": "parent_worried", "start": 0, "end": 3, "extractor": "DIETClassifier"}
    message = diet_message("i live in walton and my dad hits me", [("inform", 0.8)], [area, guess])
    layer.process([message])
    entities = message.get("entities")
    assert area in entities
    assert [e["value"] for e in entities if e["entity"] == "risk_category"] == ["abuse_or_exploitation"]


def test_no_risk_leaves_the_message_alone(layer: SafetyLayer) -> None:
    message = diet_message("any free footy near anfield", [("find_activity", 0.93), ("inform", 0.07)])
    before = message.as_dict()
    layer.process([message])
    assert message.as_dict() == before


def test_a_crisis_guess_by_diet_is_replaced_by_the_next_intent(layer: SafetyLayer) -> None:
    ranking = [("crisis", 0.7), ("out_of_scope", 0.2), ("greet", 0.1)]
    message = diet_message("this homework is killing me", ranking)
    layer.process([message])
    assert message.get("intent") == {"name": "out_of_scope", "confidence": 0.2}
    assert [r["name"] for r in message.get("intent_ranking")] == ["out_of_scope", "greet"]


def test_a_lone_crisis_guess_becomes_nlu_fallback(layer: SafetyLayer) -> None:
    guess = {"entity": "risk_category", "value": "immediate_danger", "start": 0, "end": 4}
    message = diet_message("i'm dead bored", [("crisis", 0.95)], [{**guess, "extractor": "DIETClassifier"}])
    layer.process([message])
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("intent_ranking") == []
    assert message.get("entities") == []


def test_button_payloads_are_not_assessed(layer: SafetyLayer) -> None:
    message = diet_message("/find_activity", [("find_activity", 1.0)])
    layer.process([message])
    assert message.get("intent")["name"] == "find_activity"


def test_training_data_passes_through(layer: SafetyLayer) -> None:
    data = TrainingData([Message(data={"text": "i want to die", "intent": "greet"})])
    assert layer.process_training_data(data) is data


def _every_logged_word(records: list[logging.LogRecord]) -> str:
    return " ".join(f"{r.getMessage()} {r.exc_text or ''}" for r in records).lower()


def test_logs_category_and_rule_but_never_text(layer: SafetyLayer, caplog: pytest.LogCaptureFixture) -> None:
    texts = [*RISKY, "any free footy near anfield", "my mum's boyfriend touches me xx"]
    with caplog.at_level(logging.DEBUG):
        layer.process([diet_message(t, [("inform", 0.9)]) for t in texts])
        layer.process([diet_message("hello there", [("crisis", 0.9), ("greet", 0.1)])])
    logged = _every_logged_word(caplog.records)
    assert "category=suicide_or_self_harm" in logged and "rule=" in logged
    for text in texts:
        assert text not in logged
    # words of the messages that no rule id or log wording contains
    for word in ("kms", "nudes", "home", "daughter", "footy", "anfield", "boyfriend", "hello", "xx"):
        assert word not in logged


def test_a_detector_fault_leaves_the_message_and_logs_no_text(
    layer: SafetyLayer, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> None:
        raise RuntimeError(f"cannot handle {text}")

    monkeypatch.setattr(component_module, "assess", broken)
    message = diet_message("i want to kms", [("inform", 0.9)])
    with caplog.at_level(logging.DEBUG):
        layer.process([message])
    assert message.get("intent")["name"] == "inform"
    logged = _every_logged_word(caplog.records)
    assert "runtimeerror" in logged and "kms" not in logged


# --- inside a real Rasa pipeline -------------------------------------------------

CONFIG = """
recipe: default.v1
language: en
assistant_id: safety-layer-test
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: DIETClassifier
    epochs: 1
    evaluate_every_number_of_epochs: 1
    random_seed: 1
    number_of_transformer_layers: 0
    constrain_similarities: true
  - name: EntitySynonymMapper
  - name: bot.safety.component.SafetyLayer
  - name: FallbackClassifier
    threshold: 0.5
    ambiguity_threshold: 0.05
policies: []
"""

NLU = """
version: "3.1"
nlu:
- intent: greet
  examples: |
    - hello
    - hi there
- intent: inform
  examples: |
    - i like football
    - i'm 14 from walton
"""


@pytest.fixture(scope="module")
def trained_agent(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu

    root = tmp_path_factory.mktemp("safety_pipeline")
    (root / "config.yml").write_text(CONFIG)
    (root / "nlu.yml").write_text(NLU)
    model = train_nlu(str(root / "config.yml"), str(root / "nlu.yml"), str(root / "models"), fixed_model_name="m")
    assert model is not None
    return Agent.load(model)


@pytest.mark.parametrize(("text", "category"), RISKY.items())
def test_real_pipeline_labels_crisis(trained_agent: Any, text: str, category: str) -> None:
    parsed = asyncio.run(trained_agent.parse_message(text))
    assert parsed["intent"]["name"] == "crisis"
    assert {"entity": "risk_category", "value": category} .items() <= parsed["entities"][0].items()


def test_real_pipeline_leaves_ordinary_messages(trained_agent: Any) -> None:
    parsed = asyncio.run(trained_agent.parse_message("hi there"))
    assert parsed["intent"]["name"] != "crisis"
    assert not [e for e in parsed["entities"] if e["entity"] == "risk_category"]
