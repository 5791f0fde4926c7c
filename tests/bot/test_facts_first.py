"""bot/facts_first.py: small talk that states an age or names an interest is read as an answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message

from bot.facts_first import FactsFirst
from bot.safety.component import SafetyLayer


def create(cls: Any, tmp_path: Path) -> Any:
    return cls.create(
        cls.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource(cls.__name__),
        ExecutionContext(GraphSchema({}), "test-model"),
    )


@pytest.fixture
def facts(tmp_path: Path) -> FactsFirst:
    return create(FactsFirst, tmp_path)


def diet_message(text: str, ranking: list[tuple[str, float]], entities: list[dict[str, Any]] | None = None) -> Message:
    """A message as DIETClassifier and EntitySynonymMapper leave it."""
    message = Message(data={"text": text})
    intents = [{"name": name, "confidence": conf} for name, conf in ranking]
    message.set("intent", dict(intents[0]), add_to_output=True)
    message.set("intent_ranking", intents, add_to_output=True)
    message.set("entities", entities or [], add_to_output=True)
    return message


def interest(value: str, confidence: float = 0.95) -> dict[str, Any]:
    return {"entity": "interest", "value": value, "confidence_entity": confidence, "extractor": "DIETClassifier"}


@pytest.mark.parametrize(
    ("text", "said"),
    [("hiya im 12", "greet"), ("im 27 can i still use this", "feedback"), ("no, im fifteen", "deny"),
     ("yes my son is 9", "affirm"), ("thanks, she's in year 9", "thanks")],
)
def test_an_age_makes_small_talk_an_answer(facts: FactsFirst, text: str, said: str) -> None:
    message = diet_message(text, [(said, 0.9), ("inform", 0.08), ("find_activity", 0.02)])
    facts.process([message])
    assert message.get("intent") == {"name": "inform", "confidence": 0.9}
    assert [r["name"] for r in message.get("intent_ranking")] == ["inform", said, "find_activity"]


def test_an_interest_diet_is_sure_of_does_too(facts: FactsFirst) -> None:
    sure = diet_message("no not really, i like drama", [("deny", 0.8), ("inform", 0.2)], [interest("drama")])
    unsure = diet_message("no thanks, all good", [("deny", 0.8), ("inform", 0.2)], [interest("good", 0.4)])
    facts.process([sure, unsure])
    assert sure.get("intent")["name"] == "inform"
    assert unsure.get("intent")["name"] == "deny"


def test_an_out_of_scope_message_that_tells_an_interest_is_an_answer(facts: FactsFirst) -> None:
    told = diet_message("music, i play guitar", [("out_of_scope", 0.6), ("inform", 0.3)], [interest("music")])
    asked = diet_message("can you teach me guitar?", [("out_of_scope", 0.7), ("inform", 0.2)], [interest("music")])
    nothing = diet_message("i had chips for tea", [("out_of_scope", 0.8), ("inform", 0.1)])
    facts.process([told, asked, nothing])
    assert told.get("intent")["name"] == "inform"
    assert asked.get("intent")["name"] == "out_of_scope"
    assert nothing.get("intent")["name"] == "out_of_scope"


@pytest.mark.parametrize(
    ("text", "said"),
    [("and its defo free yeah?", "affirm"), ("is it a big group or small", "feedback"),
     ("thanks, do u have to audition", "thanks"), ("is it online or in person", "bot_challenge")],
)
def test_small_talk_that_asks_about_the_list_is_that_question(facts: FactsFirst, text: str, said: str) -> None:
    message = diet_message(text, [(said, 0.8), ("ask_about_service", 0.1), ("inform", 0.1)])
    facts.process([message])
    assert message.get("intent")["name"] == "ask_about_service"
    assert [r["name"] for r in message.get("intent_ranking")][:2] == ["ask_about_service", said]


@pytest.mark.parametrize(
    "text", ["anything to get out the house tbh", "is there somewhere to go on a friday", "something to do pls"]
)
def test_feedback_that_asks_for_something_is_a_search(facts: FactsFirst, text: str) -> None:
    message = diet_message(text, [("feedback", 0.6), ("find_activity", 0.3)])
    facts.process([message])
    assert message.get("intent")["name"] == "find_activity"


def test_a_what_is_question_naming_no_service_is_about_the_list(facts: FactsFirst) -> None:
    untopical = diet_message("Can she self refer?", [("ask_what_is", 0.7), ("ask_about_service", 0.2)])
    topic = {"entity": "topic", "value": "camhs", "extractor": "DIETClassifier"}
    named = diet_message("can you self refer to camhs?", [("ask_what_is", 0.7)], [topic])
    facts.process([untopical, named])
    assert untopical.get("intent")["name"] == "ask_about_service"
    assert named.get("intent")["name"] == "ask_what_is"


def test_a_topic_diet_made_up_is_no_topic(facts: FactsFirst) -> None:
    """DIET tags odd spans as topics ("this place"); only a service the bot explains counts."""
    odd = [{"entity": "topic", "value": "this place", "extractor": "DIETClassifier"}]
    where = diet_message("where is this place", [("ask_what_is", 0.99)], odd)
    facts.process([where])
    assert where.get("intent")["name"] == "ask_about_service"


def test_an_interest_given_as_an_answer_is_not_a_what_is_question(facts: FactsFirst) -> None:
    """ "mental health", answering "what are you into?", names an interest; "camhs" alone asks what it is."""
    named = [{"entity": "topic", "value": "mental health", "extractor": "DIETClassifier"}]
    answer = diet_message("mental health", [("ask_what_is", 0.99)], named + [interest("mental health")])
    camhs = [{"entity": "topic", "value": "camhs", "extractor": "DIETClassifier"}]
    topic = diet_message("camhs", [("ask_what_is", 0.99)], camhs + [interest("camhs")])
    asked = diet_message("what is mental health", [("ask_what_is", 0.99)], named + [interest("mental health")])
    facts.process([answer, topic, asked])
    assert answer.get("intent")["name"] == "inform"
    assert topic.get("intent")["name"] == "ask_what_is"
    assert asked.get("intent")["name"] == "ask_what_is"


@pytest.mark.parametrize(
    ("text", "said"),
    [("whereabouts in speke is it", "find_activity"), ("roughly what's the cost per student", "refine"),
     ("Hi, can you help me? My daughter is 17 and stays in bed most days.", "parent_help")],
)
def test_a_request_is_left_to_the_router(facts: FactsFirst, text: str, said: str) -> None:
    """The NLU cannot see whether a list is on screen; the router and the refiner, which can, answer
    questions about it. Relabelling a parent's plea for help would lose it."""
    message = diet_message(text, [(said, 0.7), ("ask_about_service", 0.2)])
    facts.process([message])
    assert message.get("intent")["name"] == said


def test_feedback_that_says_what_they_like_is_an_answer(tmp_path: Path) -> None:
    from rasa.shared.nlu.training_data.training_data import TrainingData

    storage, resource = LocalModelStorage(tmp_path), Resource("FactsFirst")
    context = ExecutionContext(GraphSchema({}), "test-model")
    trained = FactsFirst.create(FactsFirst.get_default_config(), storage, resource, context)
    trained.train(TrainingData(lookup_tables=[{"name": "interest", "elements": ["games", "sports"]}]))
    likes = diet_message("not really into sport but i love games", [("feedback", 0.6), ("inform", 0.3)])
    suggests = diet_message("you should add more sports", [("feedback", 0.9), ("inform", 0.1)])
    trained.process([likes, suggests])
    assert likes.get("intent")["name"] == "inform"
    assert suggests.get("intent")["name"] == "feedback"


@pytest.mark.parametrize(
    ("text", "said", "entities"),
    [
        ("who's the best footballer ever", "out_of_scope", [interest("football")]),
        ("what's the weather like in anfield", "out_of_scope", []),
        ("hi there", "greet", []),
        ("10 out of 10", "feedback", []),
        ("this is well good", "feedback", []),
        ("are you a real person", "bot_challenge", []),
        ("is there a human i can talk to", "bot_challenge", []),
        ("thanks for the info", "thanks", [{"entity": "area", "value": "info", "extractor": "DIETClassifier"}]),
        ("im 14 and into football", "inform", []),
        ('/inform{"age": 12}', "greet", []),
    ],
)
def test_everything_else_is_left_alone(facts: FactsFirst, text: str, said: str, entities: list[Any]) -> None:
    message = diet_message(text, [(said, 0.9), ("find_activity", 0.1)], entities)
    before = message.as_dict()
    facts.process([message])
    assert message.as_dict() == before


def test_the_safety_layer_after_it_still_has_the_last_word(facts: FactsFirst, tmp_path: Path) -> None:
    message = diet_message("hiya im 13 and i want to kill myself", [("greet", 0.7), ("inform", 0.3)])
    create(SafetyLayer, tmp_path).process(facts.process([message]))
    assert message.get("intent")["name"] == "crisis"


def test_config_puts_it_between_the_classifier_and_the_safety_layer() -> None:
    import yaml

    names = [c["name"] for c in yaml.safe_load(Path("config.yml").read_text())["pipeline"]]
    assert names.index("DIETClassifier") < names.index("bot.facts_first.FactsFirst")
    assert names.index("bot.facts_first.FactsFirst") < names.index("bot.safety.component.SafetyLayer")


def test_words_of_the_interest_lookup_learned_in_training_are_kept_in_the_model(tmp_path: Path) -> None:
    from rasa.shared.nlu.training_data.training_data import TrainingData

    storage, resource = LocalModelStorage(tmp_path), Resource("FactsFirst")
    context = ExecutionContext(GraphSchema({}), "test-model")
    trained = FactsFirst.create(FactsFirst.get_default_config(), storage, resource, context)
    data = TrainingData(lookup_tables=[{"name": "interest", "elements": ["poems", "writing", "robot"]},
                                       {"name": "area", "elements": ["anfield"]}])
    trained.train(data)
    loaded = FactsFirst.load(FactsFirst.get_default_config(), storage, resource, context)
    assert set(loaded.phrases) == {"poems", "writing", "robot"} and loaded.places == ["anfield"]

    named = diet_message("nothing sporty pls. i like writing n poems", [("deny", 0.7), ("inform", 0.2)])
    place_only = diet_message("no, anfield", [("deny", 0.7), ("inform", 0.2)])
    asked = diet_message("are you a robot", [("bot_challenge", 0.9), ("inform", 0.1)])
    loaded.process([named, place_only, asked])
    assert named.get("intent")["name"] == "inform"
    # A place in a "no" is an answer too ("no, anfield"); a question to the bot about robots is still one.
    assert place_only.get("intent")["name"] == "inform"
    assert asked.get("intent")["name"] == "bot_challenge"


def test_a_model_without_the_words_still_reads_ages(tmp_path: Path) -> None:
    context = ExecutionContext(GraphSchema({}), "test-model")
    loaded = FactsFirst.load(FactsFirst.get_default_config(), LocalModelStorage(tmp_path), Resource("x"), context)
    message = diet_message("hiya im 12", [("greet", 0.9), ("inform", 0.1)])
    loaded.process([message])
    assert loaded.phrases == [] and message.get("intent")["name"] == "inform"


def test_a_place_counts_in_a_greeting_and_a_goodbye_that_is_only_a_place_is_an_answer(tmp_path: Path) -> None:
    loaded = trained_and_loaded(tmp_path, {"area": ["Speke", "Walton", "Sefton Park", "Church"]})
    cases = {
        ("hiya from walton", "greet"): "inform",
        ("speak", "goodbye"): "inform",
        ("sefton park pls", "goodbye"): "inform",
        ("speak soon", "goodbye"): "goodbye",
        ("bye, off to walton now", "goodbye"): "goodbye",
        ("ta ra", "goodbye"): "goodbye",
        ("whats the weather in walton", "out_of_scope"): "out_of_scope",
        # A place name that is an everyday word counts only as the whole answer.
        ("yes, see you at church", "affirm"): "affirm",
        ("church", "goodbye"): "inform",
    }
    messages = {key: diet_message(key[0], [(key[1], 0.8), ("inform", 0.2)]) for key in cases}
    loaded.process(list(messages.values()))
    assert {key: m.get("intent")["name"] for key, m in messages.items()} == cases


def test_a_goodbye_that_is_only_interests_is_an_answer(tmp_path: Path) -> None:
    # DIET hears "cycling?" as "ciao": a message that is nothing but interests and the words between them names
    # what the person wants; a goodbye says something more.
    loaded = trained_and_loaded(tmp_path, {"interest": ["cycling", "bmx", "football", "art"]})
    cases = {
        "cycling?": "inform",
        "cycling, bmx": "inform",
        "football n art pls": "inform",
        "bmx or maybe cycling": "inform",
        "see you at football": "goodbye",
        "bye x": "goodbye",
        "cya after art": "goodbye",
    }
    messages = {text: diet_message(text, [("goodbye", 0.8), ("inform", 0.2)]) for text in cases}
    loaded.process(list(messages.values()))
    assert {text: m.get("intent")["name"] for text, m in messages.items()} == cases


def test_a_feeling_told_in_small_talk_and_a_search_out_of_scope_are_heard(tmp_path: Path) -> None:
    loaded = trained_and_loaded(tmp_path, {"interest": ["film making", "football"]})
    cases = {
        # A feeling told is not a question to the bot, nor a greeting to answer with a greeting.
        ("just moved here and i dont know a single person, feeling proper lonely tbh", "bot_challenge"): "inform",
        ("hiya, been feeling really lonely lately", "greet"): "inform",
        ("are you a real person? im so lonely", "bot_challenge"): "bot_challenge",
        ("hiya", "greet"): "greet",
        ("no im not lonely", "deny"): "deny",
        # Asked to find an interest, out of scope is a search; a question about one is not.
        ("sound, can u find me a film making course? 15, halewood", "out_of_scope"): "find_activity",
        ("who's the best football team", "out_of_scope"): "out_of_scope",
        ("can you find me a boyfriend", "out_of_scope"): "out_of_scope",
    }
    messages = {key: diet_message(key[0], [(key[1], 0.8), ("inform", 0.2)]) for key in cases}
    loaded.process(list(messages.values()))
    assert {key: m.get("intent")["name"] for key, m in messages.items()} == cases


def trained_and_loaded(tmp_path: Path, tables: dict[str, list[str]]) -> FactsFirst:
    """A FactsFirst trained on these lookup tables, saved, and loaded as a running model loads it."""
    from rasa.shared.nlu.training_data.training_data import TrainingData

    storage, resource = LocalModelStorage(tmp_path), Resource("FactsFirst")
    context = ExecutionContext(GraphSchema({}), "test-model")
    trained = FactsFirst.create(FactsFirst.get_default_config(), storage, resource, context)
    trained.train(TrainingData(lookup_tables=[{"name": k, "elements": v} for k, v in tables.items()]))
    return FactsFirst.load(FactsFirst.get_default_config(), storage, resource, context)
