"""Free text into filters: "free footy near anfield for my 12 year old" means
football, near Anfield, age 12, free."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from directory.geo import Gazetteer, Place
from directory.search.documents import DAYS, WEEKDAYS, WEEKEND
from directory.search.interests import InterestMatcher, Term
from directory.search.text import STOPWORDS, fold, lemma, words

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update({"twenty one": 21, "twenty two": 22, "twenty three": 23, "twenty four": 24, "twenty five": 25})
_NUM = r"(\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"

AGE_PATTERNS = [
    re.compile(rf"\b{_NUM}\s*(?:-\s*)?(?:years?|yrs?|y\s*/?\s*o|yo)(?:\s*-?\s*olds?)?\b"),
    re.compile(rf"\b(?:aged?|age)\s*:?\s*{_NUM}\b"),
    re.compile(
        rf"\b(?:i'?m|im|i am|she'?s|shes|he'?s|hes|they'?re|theyre|turning|turned|just turned)\s+{_NUM}\b"
        r"(?!\s*(?:am|pm|mins?|minutes|miles|km|quid|pounds|p\b))"
    ),
    re.compile(rf"\b(?:my|our)\s+{_NUM}\b(?!\s*(?:am|pm))"),
    # "my son is autistic, 9, and likes swimming": a bare number soon after naming the child (the weakest
    # cue, so it stays last: parse_age reads it after a school year).
    re.compile(
        rf"\b(?:son|daughter|child|kid|kids|children|boy|girl|lad|twins|triplets|grandson|granddaughter|stepson|"
        rf"stepdaughter|nephew|niece|teen|teenager|mentee|pupil|student)s?\b[^.\d]{{0,30}}?\b{_NUM}\b"
        r"(?!\s*(?:am|pm|km|miles|mins?|minutes|quid|pounds|p\b|%|of\b))"
    ),
]
SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s*(\d{1,2})\b(?!\s*olds?)")
FREE = re.compile(
    r"\b(free|for nothing|no cost|doesn'?t cost|dont cost|don'?t cost|no charge|skint|brok(?:e|ke)|"
    r"can'?t afford|cant afford|no money|no cash|nothing to pay)\b"
)
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
    school_year: int | None = None
    free: bool = False
    days: int = 0
    after_school: bool = False
    open_now: bool = False
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
            "near": self.place.name if self.place else None,
            "interests": [t.code for t in self.terms],
            "words": self.tokens,
        }


def parse_age(text: str) -> tuple[int | None, int | None]:
    """An age in years, and the school year it came from if it came from one ("year 9" -> 14)."""
    low = fold(text)
    # An age said outright first, then a school year, then a number near a child: "my daughter is in year 5"
    # is 10, not 5; "im 15 and in year 11" is 15.
    for pattern in AGE_PATTERNS[:-1]:
        if (value := _age_in(pattern, low)) is not None:
            return value, None
    if (m := SCHOOL_YEAR.search(low)) and 1 <= (year := int(m.group(1))) <= 13:
        # Pupils in Year N turn N+5 during the school year.
        return year + 5, year
    return _age_in(AGE_PATTERNS[-1], low), None


def _age_in(pattern: re.Pattern[str], low: str) -> int | None:
    if m := pattern.search(low):
        value = _number(m.group(1))
        if value is not None and 0 < value <= 99:
            return value
    return None


def _number(token: str) -> int | None:
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token)


def parse_days(text: str) -> int:
    low = fold(text)
    mask = 0
    for phrase, bits in DAY_WORDS.items():
        if re.search(rf"(?<![\w/]){re.escape(phrase)}(?![\w/])", low):
            mask |= bits
    return mask


def parse(text: str, matcher: InterestMatcher, gazetteer: Gazetteer, now: dt.datetime | None = None) -> Parsed:
    low = fold(text)
    out = Parsed()
    out.age, out.school_year = parse_age(low)
    out.free = bool(FREE.search(low))
    out.days = parse_days(low)
    if AFTER_SCHOOL.search(low):
        out.after_school = True
        out.days |= WEEKDAYS if not out.days else 0
    if OPEN_NOW.search(low):
        out.open_now = True
    place, place_words = gazetteer.find_in_text(text)
    out.place, out.place_words = place, place_words
    stripped = low.replace(place_words, " ") if place_words else low
    for pattern in (*AGE_PATTERNS, SCHOOL_YEAR, FREE, OPEN_NOW, AFTER_SCHOOL):
        stripped = pattern.sub(" ", stripped)
    stripped = re.sub(r"\b(" + "|".join(map(re.escape, DAY_WORDS)) + r")\b", " ", stripped)
    # Capitals matter to the interest matcher ("SEND"), so match on the original words left over.
    left = {w.strip(".,!?;:") for w in stripped.split()}
    kept_original = " ".join(w for w in text.split() if fold(w).strip(".,!?;:") in left or w.isupper())
    found = matcher.find(kept_original or stripped)
    # Emoji carry no letters, so the words left over never hold them: read them from the whole message.
    out.terms = found.terms + [t for t in matcher.symbol_terms(text) if t not in found.terms]
    out.negated = [t for t in found.negated if t not in out.terms]
    out.term_words = found.words
    used = {w for i, w in enumerate(words(kept_original or stripped)) if i in found.used_words}
    out.tokens = [
        lemma(w)
        for w in words(stripped)
        if w not in STOPWORDS and w not in used and lemma(w) not in FILLER and w not in FILLER and not w.isdigit()
    ]
    return out
