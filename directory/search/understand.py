"""What a chat message says, read once: the facts behind GET /understand.

The same reading as `/recommendations?q=` (query.parse), plus what a chat turn
needs on top: the question just asked (`expect`), which lets a bare "16" be an
age and a bare "Kirkdale" a place while the same words inside a sentence are
read as a search reads them; "anything" and "anywhere"; interests turned down
("not really into sport"); and suggestions when nothing matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from directory.geo import Gazetteer, Place, PlaceNotFound
from directory.search.ages import NEARLY, age_and_to, bare_age, bare_age_range, number
from directory.search.documents import DAYS
from directory.search.interests import InterestMatcher, Term
from directory.search.query import parse
from directory.search.text import fold

EXPECTS = ("age", "interests", "area")

# "No preference" answers, for interests and for places alike.
NO_PREFERENCE = re.compile(
    r"^\W*(?:any ?thing|anywhere|any ?where|any|whatever|whatevs?|owt|wherever|all sorts|everything|"
    r"not sure(?: yet)?|unsure|idk|dunno|i dunno|don'?t know|dont know|i don'?t know|no idea|no clue|"
    r"surprise me|(?:i )?don'?t mind|(?:i )?dont mind|not bothered|no preference|nothing in particular|"
    r"i'?m not sure|anything really|anything fun|doesn'?t matter|dont care|don'?t care|either|skip|pass|"
    r"rather not say|(?:i'?d )?prefer not to say|not saying|"
    r"(?:i'?m |im )?not (?:telling|saying)(?: (?:you|u))?(?: that)?|"
    r"(?:that'?s )?private|none of (?:your|ur) business|no|nope|nah|online|city ?wide|all over|anywhere in liverpool)"
    r"(?:\s+(?:really|tbh|lol|mate|la|x+|to be honest|thanks|ta|sorry|yet))*\W*$",
    re.IGNORECASE,
)
# Of those, the ones that say "I don't know yet" rather than "anything will do": worth one more, gentler ask.
UNSURE = re.compile(
    r"^\W*(?:not sure(?: yet)?|unsure|idk|dunno|i dunno|don'?t know|dont know|i don'?t know|no idea|no clue|"
    r"i'?m not sure)\b",
    re.IGNORECASE,
)
# Words around a place in an answer to "where?" ("i live in walton x").
PLACE_FILLER = re.compile(
    r"^(?:(?:i|we|im|i'?m|were|we'?re|am|are|r|live|living|based|from|in|near|on|round|around|by|at|the|my|our|"
    r"postcode|is|its|it'?s|me|mostly|usually|just|um+|erm+|uh+|ok|okay)\s+)+|"
    r"(?:\s+(?:area|way|please|pls|plz|ta|thanks|x+|lol|mate|la|side))+$",
    re.IGNORECASE,
)
# An answer to "where?" that starts like a place ("near the retail park", "the park") names a place,
# even when a word in it is also an interest ("park").
PLACE_START = re.compile(r"^\W*(?:near|nr|by|at|in|round|around|next to|behind|opposite|close to|on|the)\b")
# A place answer is short; a sentence that names no place is not a place.
MAX_PLACE_WORDS = 5


@dataclass
class Understanding:
    age: int | None = None
    age_to: int | None = None
    school_year: int | None = None
    interests: list[Term] = field(default_factory=list)
    not_interests: list[Term] = field(default_factory=list)
    anything: bool = False
    unsure: bool = False
    interest_suggestions: list[Term] = field(default_factory=list)
    place: Place | None = None
    anywhere: bool = False
    place_suggestions: list[str] = field(default_factory=list)
    free: bool = False
    days: int = 0
    after_school: bool = False
    open_now: bool = False
    online: bool = False
    unknown: list[str] = field(default_factory=list)
    term_words: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "age": self.age,
            "age_to": self.age_to,
            "school_year": self.school_year,
            # With the words that named each one, so a caller can tell "worried about my son" (the speaker's
            # feeling) from "he's really anxious" (the child's).
            "interests": [{**t.public(), "words": self.term_words.get(t.id, [])} for t in self.interests],
            "not_interests": [t.public() for t in self.not_interests],
            "anything": self.anything,
            "unsure": self.unsure,
            "interest_suggestions": [t.public() for t in self.interest_suggestions],
            "place": self.place.as_dict() if self.place else None,
            "anywhere": self.anywhere,
            "place_suggestions": self.place_suggestions,
            "free": self.free,
            "days": [DAYS[i] for i in range(7) if self.days & (1 << i)],
            "after_school": self.after_school,
            "open_now": self.open_now,
            "online": self.online,
            "unknown": self.unknown,
        }


def _place_answer(text: str, gazetteer: Gazetteer) -> tuple[Place | None, list[str]]:
    phrase = PLACE_FILLER.sub("", " ".join(fold(text).strip(" .,!?").split())).strip(" .,!?")
    if not phrase or len(phrase.split()) > MAX_PLACE_WORDS:
        return None, []
    try:
        return gazetteer.resolve(phrase), []
    except PlaceNotFound as exc:
        return None, exc.suggestions


def understand(text: str, matcher: InterestMatcher, gazetteer: Gazetteer, expect: str | None = None) -> Understanding:
    """Every fact in `text`; `expect` is the question it answers (age, interests or area), if any."""
    parsed = parse(text, matcher, gazetteer)
    out = Understanding(
        age=parsed.age,
        age_to=parsed.age_to,
        school_year=parsed.school_year,
        interests=list(parsed.terms),
        not_interests=list(parsed.negated),
        place=None if parsed.place is not None and parsed.place.citywide else parsed.place,
        free=parsed.free,
        days=parsed.days,
        after_school=parsed.after_school,
        open_now=parsed.open_now,
        online=parsed.online,
        unknown=list(parsed.tokens),
        term_words=parsed.term_words,
    )
    if out.age is not None and (nearly := NEARLY.search(fold(text))) and out.age == number(nearly.group(1)):
        # "nearly 15" alone is 14; "14 nearly 15" already read 14.
        out.age -= 1
    no_preference = bool(NO_PREFERENCE.match(fold(text).strip()))
    if expect == "age" and out.age_to is None and (span := bare_age_range(text)) is not None:
        # "15 and 16", answering "how old?": a group's ages, every one of which must be admitted.
        out.age, out.age_to = age_and_to(span)
    if expect == "age" and out.age is None:
        out.age = bare_age(text)
    if expect == "interests" and not out.interests:
        if no_preference:
            out.anything = True
            out.unsure = bool(UNSURE.match(fold(text).strip()))
        elif not (out.age is not None or out.place is not None):
            resolved = matcher.resolve([text])
            out.interests = [t for t in resolved.terms if t not in out.not_interests]
            if not out.interests:
                out.interest_suggestions = resolved.suggestions
    if expect == "area" and out.place is None and PLACE_START.match(fold(text)):
        out.interests = []
    if expect == "area" and out.place is None:
        if no_preference:
            out.anywhere = True
        elif out.age is None and not out.interests:
            out.place, out.place_suggestions = _place_answer(text, gazetteer)
    if out.place is not None and out.place.citywide:
        out.place, out.anywhere = None, True
    if out.anything:
        out.unknown = []
    return out
