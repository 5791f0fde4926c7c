"""Facts before small talk, as a Rasa 3.6 NLU component.

"hiya im 12", "thanks, she's 14", "no, im 15", "im 27 can i still use this":
the classifier hears a greeting, thanks, a "no" or feedback, and the rules for
those answer with small talk, so the age is lost and asked for again. A message
that states an age or names an interest is giving facts, whatever else it
says: this component relabels it `inform`, so it is read (actions/route.py,
the forms) like any answer.

Registered in config.yml after DIETClassifier and before the safety layer,
which has the last word. It needs no network: the age comes from the shared,
dependency-free reader (directory/search/ages.py, as the safety layer uses),
the interest from DIET's own entities, or, for a greeting, thanks or yes/no,
from a word of the interest lookup table (generated from the directory's
taxonomy), which it learns at training time and keeps in the model: "nothing
sporty pls. i like writing n poems" is an answer, though DIET is unsure of
"poems". A place counts in a greeting, thanks or yes/no ("hiya, from walton"),
and a goodbye that is only a place name, give or take a typo, is an answer to
"where?" ("speak" for Speke is not "speak soon"). An out-of-scope message that
tells rather than asks and names an interest is an answer ("music, i play
guitar"); out-of-scope questions stay so ("what's the weather like in Anfield",
"who's the best footballer").
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import ENTITY_ATTRIBUTE_CONFIDENCE_TYPE
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.followups import about_shown, asks_for_something, is_question
from bot.people import feelings
from bot.worries import topics_named
from directory.geo import AMBIGUOUS
from directory.search.ages import parse_age

logger = logging.getLogger(__name__)

# Someone saying what they like: "i love games", "im really into art", "i play footy".
PREFERENCE = re.compile(
    r"\b(?:i|i'?m|im|i am)\s+(?:really\s+|rly\s+|proper\s+|just\s+|also\s+)?(?:love|luv|like|enjoy|into|play|do)\b",
    re.IGNORECASE,
)
# Politeness around an answer that is only a place ("walton pls", "speke thanks").
PLEASE = frozenset({"pls", "plz", "please", "thanks", "ta", "x", "xx", "mate", "la"})
# A question to the bot itself: "are you a real person", "is this a bot", "am i talking to a human".
ASKS_THE_BOT = re.compile(
    r"\b(?:are|r|is this|am i (?:talking|speaking|chatting) to)\s+(?:you|u|ya|this|a|an)\b|"
    r"\b(?:bot|robot|human|ai|chat ?gpt|real person|actual person)\b",
    re.IGNORECASE,
)
# Words between interests in an answer that is only interests ("cycling, bmx", "footy n art or maybe music").
JOINING = frozenset({"and", "n", "an", "nd", "or", "maybe", "too", "also", "plus"})


def _any_of(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w])", re.IGNORECASE)


PHRASES_FILE = "lookup_phrases.json"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class FactsFirst(GraphComponent, IntentClassifier):
    """Relabels small talk that carries an age or an interest as `inform`, and small talk that asks about the
    list on screen as `ask_about_service`."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Intents whose rules answer with small talk and would drop the facts. Not out_of_scope: "who's
            # the best footballer" names an interest and is still out of scope.
            "small_talk": ["greet", "thanks", "feedback", "deny", "affirm", "bot_challenge"],
            "relabel_as": "inform",
            # DIET entities that count as a fact, and how sure DIET must be of one. Not DIET's ages: the
            # shared reader's are the ones the rest of the bot uses ("10 out of 10" is not an age).
            "entities": ["interest"],
            "min_entity_confidence": 0.8,
            # Lookup tables whose words name an interest, and the small talk they may relabel: not feedback
            # ("you should add more sports") nor a question to the bot ("are you a robot?").
            "lookups": ["interest"],
            "lookup_small_talk": ["greet", "thanks", "deny", "affirm"],
            # Lookup tables of places. A place anywhere in those small-talk intents counts; for a goodbye the
            # whole message must be a place, matched at this similarity (rapidfuzz ratio, 0-100).
            "place_lookups": ["area"],
            "place_only_small_talk": ["goodbye"],
            "min_place_similarity": 80,
            # Intents relabelled only when the message tells rather than asks and names an interest: "music, i
            # play guitar" is an answer, "who's the best footballer?" stays out of scope.
            "statement_small_talk": ["out_of_scope"],
            # Intents relabelled when the person says what they like, with a word of the interest lookup: "not
            # really into sport but i love games" is an answer, "you should add more sports" is feedback.
            "preference_small_talk": ["feedback"],
            # Small talk that asks a fact of the services on screen ("and its defo free yeah?", "is it a big
            # group or small") is that question: relabelled so it is answered from the list.
            "fact_question_small_talk": ["greet", "thanks", "feedback", "deny", "affirm", "goodbye", "bot_challenge"],
            "fact_question_as": "ask_about_service",
            # So is a question about what a service is (ask_what_is) that names no service (topic):
            # "can she self refer?" with no service named is about the list on screen.
            "fact_question_without": {"ask_what_is": "topic"},
            # Small talk that asks for something to be found ("anything to get out the house tbh") is a search:
            # thanking them for their feedback would leave them with nothing.
            "search_small_talk": ["feedback"],
            "search_as": "find_activity",
            # Out of scope that asks for an interest to be found ("can u find me a film making course") is a
            # search too; "who's the best footballer" asks nothing to be found.
            "interest_search_small_talk": ["out_of_scope"],
            # Small talk that tells a feeling and asks nothing of the bot ("just moved here and i dont know a
            # single person, feeling proper lonely") is heard as telling it: the feeling is answered first. Not a
            # "no": "no im not lonely" denies the feeling, which the reading of feelings does not tell apart.
            "feeling_small_talk": ["greet", "bot_challenge", "affirm"],
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage | None = None,
        resource: Resource | None = None,
        phrases: Iterable[str] = (),
        places: Iterable[str] = (),
    ) -> None:
        self.small_talk = set(config["small_talk"])
        self.relabel_as = str(config["relabel_as"])
        self.entities = set(config["entities"])
        self.min_confidence = float(config["min_entity_confidence"])
        self.lookups = set(config["lookups"])
        self.lookup_small_talk = set(config["lookup_small_talk"])
        self.place_lookups = set(config["place_lookups"])
        self.place_only_small_talk = set(config["place_only_small_talk"])
        self.min_place_similarity = float(config["min_place_similarity"])
        self.statement_small_talk = set(config["statement_small_talk"])
        self.preference_small_talk = set(config["preference_small_talk"])
        self.fact_question_small_talk = set(config["fact_question_small_talk"])
        self.fact_question_as = str(config["fact_question_as"])
        self.fact_question_without = {str(k): str(v) for k, v in config["fact_question_without"].items()}
        self.search_small_talk = set(config["search_small_talk"])
        self.search_as = str(config["search_as"])
        self.interest_search_small_talk = set(config["interest_search_small_talk"])
        self.feeling_small_talk = set(config["feeling_small_talk"])
        self._model_storage = model_storage
        self._resource = resource
        self._set_phrases(phrases, places)

    def _set_phrases(self, phrases: Iterable[str], places: Iterable[str] = ()) -> None:
        self.phrases = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
        self.places = sorted({p.strip().lower() for p in places if p.strip()}, key=len, reverse=True)
        self._pattern = _any_of(self.phrases)
        # "thanks, going into town", "yes, church": names that are everyday words count only as a whole answer.
        self._place_pattern = _any_of([p for p in self.places if p not in AMBIGUOUS])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> FactsFirst:
        return cls({**cls.get_default_config(), **config}, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Keep the words of the interest and place lookup tables, so the model needs nothing else at run time."""
        def elements(names: set[str]) -> list[str]:
            return [
                str(element)
                for table in training_data.lookup_tables or []
                if table.get("name") in names and isinstance(table.get("elements"), list)
                for element in table["elements"]
            ]

        self._set_phrases(elements(self.lookups), elements(self.place_lookups))
        if self._model_storage is not None and self._resource is not None:
            with self._model_storage.write_to(self._resource) as directory:
                saved = {"interests": self.phrases, "places": self.places}
                (directory / PHRASES_FILE).write_text(json.dumps(saved), encoding="utf-8")
        return self._resource  # type: ignore[return-value]

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> FactsFirst:
        saved: dict[str, list[str]] = {}
        try:
            with model_storage.read_from(resource) as directory:
                saved = json.loads((directory / PHRASES_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            logger.warning("facts first: no lookup words in the model; ages and DIET's entities only")
        return cls(
            {**cls.get_default_config(), **config}, model_storage, resource,
            saved.get("interests", []), saved.get("places", []),
        )

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if self._asks_about_shown(message):
                self._relabel(message, self.fact_question_as)
            elif self._asks_for_something(message):
                self._relabel(message, self.search_as)
            elif self._gives_facts(message):
                self._relabel(message)
        return messages

    def _asks_about_shown(self, message: Message) -> bool:
        text = message.get(TEXT) or ""
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if text.startswith(INTENT_MESSAGE_PREFIX) or not about_shown(text):
            return False
        if intent in self.fact_question_small_talk:
            return True
        subject = self.fact_question_without.get(str(intent))
        if subject is None:
            return False
        # DIET tags odd spans as a topic ("where is this place" -> "this place"); only a service the bot
        # explains, named in the words themselves, makes it a "what is" question.
        return not topics_named(text) and not any(
            e.get(ENTITY_ATTRIBUTE_TYPE) == subject and topics_named(str(e.get("value") or ""))
            for e in message.get(ENTITIES) or []
        )

    def _asks_for_something(self, message: Message) -> bool:
        text = message.get(TEXT) or ""
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if text.startswith(INTENT_MESSAGE_PREFIX) or not asks_for_something(text):
            return False
        return intent in self.search_small_talk or (
            intent in self.interest_search_small_talk and self._names_interest(message)
        )

    def _gives_facts(self, message: Message) -> bool:
        text = message.get(TEXT) or ""
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if not text or text.startswith(INTENT_MESSAGE_PREFIX):
            return False
        if intent in self.place_only_small_talk:
            return self._only_a_place(text) or self._only_interests(text)
        if intent in self.fact_question_without and not topics_named(text):
            # "mental health", answering "what are you into?", is not asking what a service is.
            return not is_question(text) and self._names_interest(message)
        if intent in self.statement_small_talk:
            return not is_question(text) and self._names_interest(message)
        if intent in self.preference_small_talk and PREFERENCE.search(text) and self._names_interest(message):
            return True
        if intent not in self.small_talk:
            return False
        if intent in self.feeling_small_talk and feelings(text) and not ASKS_THE_BOT.search(text):
            return True
        if parse_age(text)[0] is not None:
            return True
        if intent in self.lookup_small_talk and any(
            pattern is not None and pattern.search(text) for pattern in (self._pattern, self._place_pattern)
        ):
            return True
        return self._names_interest(message, lookups=False)

    def _names_interest(self, message: Message, lookups: bool = True) -> bool:
        """DIET found an interest it is sure of, or (with `lookups`) a word of the interest lookup table."""
        if lookups and self._pattern is not None and self._pattern.search(message.get(TEXT) or ""):
            return True
        return any(
            e.get(ENTITY_ATTRIBUTE_TYPE) in self.entities
            and float(e.get(ENTITY_ATTRIBUTE_CONFIDENCE_TYPE, 1.0)) >= self.min_confidence
            for e in message.get(ENTITIES) or []
        )

    def _only_a_place(self, text: str) -> bool:
        """The whole message is a place name, give or take a typo: "speak" for Speke, "walton pls"."""
        words = re.sub(r"[^\w\s&'-]", " ", text.lower()).split()
        words = [w for w in words if w not in PLEASE]
        if not words or len(words) > 3 or not self.places:
            return False
        said = " ".join(words)
        best = process.extractOne(said, self.places, scorer=fuzz.ratio)
        return best is not None and best[1] >= self.min_place_similarity

    def _only_interests(self, text: str) -> bool:
        """The whole message is interests and the words between them: "cycling?", "cycling, bmx", "footy n art".
        A goodbye says something else as well ("see you at football")."""
        if self._pattern is None:
            return False
        low = text.lower()
        rest = self._pattern.sub(" ", low)
        if rest == low:
            return False
        words = re.sub(r"[^\w\s']", " ", rest).split()
        return all(w in PLEASE or w in JOINING for w in words)

    def _relabel(self, message: Message, as_intent: str | None = None) -> None:
        as_intent = as_intent or self.relabel_as
        was = message.get(INTENT) or {}
        confidence = float(was.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
        relabelled = {INTENT_NAME_KEY: as_intent, PREDICTED_CONFIDENCE_KEY: confidence}
        # The old top intent swaps places with the new one, so the ranking stays a ranking.
        ranking = []
        for entry in message.get(INTENT_RANKING_KEY) or []:
            if entry.get(INTENT_NAME_KEY) == as_intent:
                ranking.append({**entry, INTENT_NAME_KEY: was.get(INTENT_NAME_KEY)})
            elif entry.get(INTENT_NAME_KEY) == was.get(INTENT_NAME_KEY):
                ranking.append({**entry, INTENT_NAME_KEY: as_intent})
            else:
                ranking.append(entry)
        message.set(INTENT, relabelled, add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        # The intent names only: never the text.
        logger.debug("facts first: %s relabelled %s", was.get(INTENT_NAME_KEY), as_intent)
