"""Free text into filters: "free footy near anfield for my 12 year old" means
football, near Anfield, age 12, free."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from directory.geo import Gazetteer, Place
from directory.search.ages import SCHOOL_YEAR, age_and_to, age_beside, parse_age, parse_age_range, without_ages
from directory.search.documents import DAYS, WEEKDAYS, WEEKEND
from directory.search.interests import InterestMatcher, Term
from directory.search.loss import LOSS
from directory.search.text import STOPWORDS, fold, lemma, spoken, words

FREE = re.compile(
    r"\b(free|for nothing|no cost|doesn'?t cost|dont cost|don'?t cost|no charge|skint|brok(?:e|ke)|"
    r"can'?t afford|cant afford|no money|no cash|nothing to pay)\b"
)
# Asking to take part online rather than somewhere in person: "anything online?", "online counselling",
# "can i talk to someone online", "support she can do from home". Not where something happens ("picked on
# online", "a man i met online") nor part of an interest or a worry ("online gaming", "online safety").
_ONLINE_WORD = r"(?:online|on-line|virtual(?:ly)?)"
_ONLINE_THING = (
    r"(?:support|help|counsel\w*|therap\w*|chat|groups?|clubs?|sessions?|class(?:es)?|courses?|services?|options?|"
    r"things?|stuff|activit(?:y|ies)|mentor\w*|meet ?ups?|workshops?|programmes?|lessons?)"
)
ONLINE = re.compile(
    r"(?<!not )(?<!no )(?<!than )(?<!instead of )(?:"
    rf"\b{_ONLINE_WORD} (?:{_ONLINE_THING}|instead|only|version|please|pls|if (?:possible|poss))\b"
    rf"|\b(?:anything|something|somewhere|stuff|things?|{_ONLINE_THING}|ones?|it|that|(?<!ing )(?:talk|chat|speak) "
    rf"to (?:someone|somebody|a counsellor|people|others|other \w+)|do it|join in|take part|meet up) "
    rf"(?:(?:i|we|you|u|they|he|she) can do |to do |(?:that|which) (?:is|are|runs?|happens?) )?{_ONLINE_WORD}\b"
    rf"|\b(?:is|are|does|do|can) (?:there|it|they|any|anything|that|this|those|these)\b[^.?!]{{0,25}}\b{_ONLINE_WORD}\b"
    rf"(?!\s+(?:gaming|games?|safety|bullying|abuse|grooming|friends?))"
    rf"|\b(?:i|we|you|u|they|he|she) (?:can|could) (?:do|join|go to|attend|access|use|try|get) "
    rf"(?:it |them |this |that )?{_ONLINE_WORD}\b"
    rf"|\b(?:do|does) (?:you|they|it|anyone|any of them) (?:do|run|offer|have) "
    rf"(?:it |them |anything |any |sessions? |that )?{_ONLINE_WORD}\b"
    r"|\b(?:on zoom|over zoom|on teams|by video|video calls?|web ?chat|over the internet|without leaving the house"
    r"|from (?:my |our |his |her |their )?(?:own )?home)\b"
    r")"
)
# The words of that wish alone, taken out before interests are read: "counselling online" is counselling.
ONLINE_WORDS = re.compile(
    rf"\b(?:{_ONLINE_WORD}|on zoom|over zoom|on teams|by video|video calls?|web ?chat|over the internet"
    r"|without leaving the house|from (?:my |our |his |her |their )?(?:own )?home)\b"
)
# "English" alone is a school subject; beside arriving from abroad it is learning the language (ESOL):
# "we arrive last month, my children need activity and English".
NEW_ARRIVAL = re.compile(
    r"\b(?:(?:arriv(?:e|ed|ing|al)|came|moved) (?:in (?:the uk|uk|england|britain|liverpool)|here|last|this|recently|"
    r"(?:a|\d+|one|two|three|four|five|six) (?:few |couple of )?(?:days?|weeks?|months?|years?) ago)"
    r"|new (?:to|in) (?:the uk|uk|england|britain|this country)|just moved (?:here|to "
    r"(?:the uk|england|britain|liverpool))|moved here from|came (?:here )?from|(?:we are|we're|were) (?:a )?"
    r"family from|refugees?|asylum|migrants?|from (?:abroad|another country|overseas))\b"
)
ENGLISH = re.compile(
    r"\b(?:english|esol)\b(?! (?:lit|literature|language gcse|gcse|exam|exams|homework|teacher|coursework|mock))"
)
LANGUAGES = "languages"
BEREAVEMENT = "bereavement"
OPEN_NOW = re.compile(r"\b(open (?:right )?now|open today|right now|tonight)\b")
AFTER_SCHOOL = re.compile(r"\bafter[\s-]?school\b")
DAY_WORDS = {
    "weekend": WEEKEND,
    "weekends": WEEKEND,
    "wkend": WEEKEND,
    "w/e": WEEKEND,
    "weekday": WEEKDAYS,
    "weekdays": WEEKDAYS,
    "week day": WEEKDAYS,
    "school night": WEEKDAYS,
    "monday": 1,
    "mondays": 1,
    "mon": 1,
    "tuesday": 2,
    "tuesdays": 2,
    "tues": 2,
    "tue": 2,
    "wednesday": 4,
    "wednesdays": 4,
    "weds": 4,
    "wed": 4,
    "thursday": 8,
    "thursdays": 8,
    "thu": 8,
    "thurs": 8,
    "thur": 8,
    "friday": 16,
    "fridays": 16,
    "fri": 16,
    "saturday": 32,
    "saturdays": 32,
    "sat": 32,
    "sats": 32,
    "sunday": 64,
    "sundays": 64,
}
# Words that say "what kind of thing" rather than what it is: they don't rank anything.
FILLER = frozenset(
    """club clubs group groups activity activities thing things session sessions class classes place places
    near nearby near me close around local area year old olds kid kids child children son daughter boy girl
    teen teens teenager young person people someone somewhere go do join new try start near me free week
    weekend weekends today tonight now open after school age aged cheap cost money""".split()
) | {lemma(w) for w in "kids children teenagers sessions classes activities groups olds people".split()}


@dataclass
class Parsed:
    age: int | None = None
    age_to: int | None = None  # with `age`, the top of two ages given ("aged 14 to 16")
    school_year: int | None = None
    free: bool = False
    days: int = 0
    after_school: bool = False
    open_now: bool = False
    online: bool = False
    place: Place | None = None
    place_words: str = ""
    terms: list[Term] = field(default_factory=list)
    negated: list[Term] = field(default_factory=list)  # interests turned down ("not really into sport")
    term_words: dict[str, list[str]] = field(default_factory=dict)  # the words that named each term, by id
    tokens: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "age": self.age,
            "free": self.free,
            "days": [DAYS[i] for i in range(7) if self.days & (1 << i)],
            "open_now": self.open_now,
            "online": self.online,
            "near": self.place.name if self.place else None,
            "interests": [t.code for t in self.terms],
            "words": self.tokens,
        }


def parse_days(text: str) -> int:
    low = fold(text)
    mask = 0
    for phrase, bits in DAY_WORDS.items():
        if re.search(rf"(?<![\w/]){re.escape(phrase)}(?![\w/])", low):
            mask |= bits
    return mask


def without_facts(low: str, place_words: str | None) -> str:
    """A folded message with its place, ages, school year, cost, time and day words taken out: what is left
    says what they would like to do."""
    stripped = without_ages(low.replace(place_words, " ") if place_words else low)
    for pattern in (SCHOOL_YEAR, FREE, OPEN_NOW, AFTER_SCHOOL):
        stripped = pattern.sub(" ", stripped)
    if ONLINE.search(low):
        stripped = ONLINE_WORDS.sub(" ", stripped)
    return re.sub(r"\b(" + "|".join(map(re.escape, DAY_WORDS)) + r")\b", " ", stripped)


def parse(text: str, matcher: InterestMatcher, gazetteer: Gazetteer, now: dt.datetime | None = None) -> Parsed:
    low = fold(text)
    out = Parsed()
    out.age, out.school_year = parse_age(low)
    if out.school_year is None and (span := parse_age_range(low)) is not None:
        out.age, out.age_to = age_and_to(span)
    out.free = bool(FREE.search(low))
    out.days = parse_days(low)
    if AFTER_SCHOOL.search(low):
        out.after_school = True
        out.days |= WEEKDAYS if not out.days else 0
    if OPEN_NOW.search(low):
        out.open_now = True
    out.online = bool(ONLINE.search(low))
    place, place_words = gazetteer.find_in_text(text)
    out.place, out.place_words = place, place_words
    if out.age is None and place_words:
        out.age = age_beside(low, fold(place_words))
    stripped = without_facts(low, place_words)
    # Capitals matter to the interest matcher ("SEND"), so match on the original words left over.
    left = {w.strip(".,!?;:") for w in stripped.split()}
    kept_original = " ".join(w for w in text.split() if fold(w).strip(".,!?;:") in left or w.isupper())
    found = matcher.find(kept_original or stripped)
    # Emoji carry no letters, so the words left over never hold them: read them from the whole message.
    out.terms = found.terms + [t for t in matcher.symbol_terms(text) if t not in found.terms]
    learning = matcher.by_code.get(LANGUAGES)
    if learning is not None and learning not in out.terms and ENGLISH.search(low) and NEW_ARRIVAL.search(low):
        out.terms.append(learning)
    grief = matcher.by_code.get(BEREAVEMENT)
    if grief is not None and grief not in out.terms and LOSS.search(low):
        out.terms.append(grief)
    out.negated = [t for t in found.negated if t not in out.terms]
    out.term_words = found.words
    used = {w for i, w in enumerate(words(kept_original or stripped)) if i in found.used_words}
    out.tokens = [
        lemma(w)
        for w in words(stripped)
        if spoken(w) not in STOPWORDS
        and w not in used
        and lemma(w) not in FILLER
        and w not in FILLER
        and not w.isdigit()
    ]
    return out
