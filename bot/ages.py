"""Read an age from what people actually type.

"14", "14yo", "fourteen", "twenty one", "year 9" (school year N is age N+5,
the age most pupils are for most of that year), "im 14 nearly 15" (the
first number is the age; "nearly 15" on its own means 14).

Only whole years. Which ages the service accepts is decided by the caller
(see MIN_AGE / MAX_AGE and band()).
"""

from __future__ import annotations

import re

MIN_AGE = 5
MAX_AGE = 25

# Under 5: the parent and family-hub route; over 25: adult services.
UNDER_5 = "under_5"
OVER_25 = "over_25"
IN_RANGE = "ok"

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    # common misspellings
    "fourten": 14,
    "fiveteen": 15,
    "fithteen": 15,
    "sixten": 16,
    "seventeeen": 17,
    "eightteen": 18,
    "ninteen": 19,
    "elevan": 11,
    "twelv": 12,
    "thirten": 13,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}

_WORD_NUMBER = re.compile(
    r"\b(?P<tens>"
    + "|".join(_TENS)
    + r")(?:[\s-]+(?P<unit>"
    + "|".join(k for k, v in _UNITS.items() if 1 <= v <= 9)
    + r"))?\b|\b(?P<single>"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")\b"
)
# "year 9", "yr9", "y 10"; also "year nine". School years run 1 to 13.
_SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s*(?P<n>\d{1,2}|[a-z]+)\b")
# A number that is not part of a postcode ("L4", "CH41 2AB") or a time
# ("6pm"): not glued to letters before it, not followed by a letter other
# than an age suffix ("14yo", "14yrs", "14y").
_NUMBER = re.compile(r"(?<![a-z0-9])(?P<n>\d{1,3})(?:\s*(?:yo|y/o|yrs?|years?|y)(?![a-z]))?(?![0-9]|[a-z])")
_NEARLY = re.compile(
    r"\b(?:nearly|almost|nearlyy|nrly|neary|soon to be|about to turn)\s+(?P<n>\d{1,2}|[a-z]+(?:[\s-][a-z]+)?)\b"
)


# Small numbers are often not ages ("2 brothers", "that one"), so below 5
# they count only when they are the whole answer or clearly an age.
_AGE_BEFORE = re.compile(r"(?:\b(?:is|am|im|aged?|turned|turning|just)|'s|'m)\s*$")
_AGE_AFTER = re.compile(r"^\s*(?:yo|y/o|yrs?|years?|y)\b")
_WHOLE_ANSWER = re.compile(r"^\W*(?:she|he|they|i)?\W*(?:is|s|m)?\W*\S+\W*$")


def _plausible(text: str, start: int, end: int, value: int) -> bool:
    if value >= MIN_AGE:
        return value <= 120
    if _AGE_BEFORE.search(text[:start]) or _AGE_AFTER.match(text[end:]):
        return True
    return bool(_WHOLE_ANSWER.match(text))


def _word_value(match: re.Match[str]) -> int:
    if match.group("single"):
        return _UNITS[match.group("single")]
    value = _TENS[match.group("tens")]
    if match.group("unit"):
        value += _UNITS[match.group("unit")]
    return value


def _token_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    match = _WORD_NUMBER.fullmatch(token.strip())
    return _word_value(match) if match else None


def _first_age(text: str) -> int | None:
    """The first plausible age written in digits or words, in text order."""
    candidates = [(m.start(), m.end(), int(m.group("n"))) for m in _NUMBER.finditer(text)]
    candidates += [(m.start(), m.end(), _word_value(m)) for m in _WORD_NUMBER.finditer(text)]
    for start, end, value in sorted(candidates):
        if _plausible(text, start, end, value):
            return value
    return None


def parse_age(text: object) -> int | None:
    """The age in years mentioned in `text`, or None if there is none."""
    if text is None or isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return int(text)
    cleaned = " ".join(str(text).lower().replace("’", "'").split())

    for year in _SCHOOL_YEAR.finditer(cleaned):
        school_year = _token_number(year.group("n"))
        if school_year is not None and 1 <= school_year <= 13:
            return school_year + 5

    # Drop "nearly 15" first so "14 nearly 15" reads as 14; alone it is 14.
    nearly = _NEARLY.search(cleaned)
    if nearly:
        age = _first_age(_NEARLY.sub(" ", cleaned).strip())
        if age is not None:
            return age
        upcoming = _token_number(nearly.group("n"))
        return upcoming - 1 if upcoming is not None else None
    return _first_age(cleaned)


def band(age: int) -> str:
    """Which route an age takes: IN_RANGE, UNDER_5 or OVER_25."""
    if age < MIN_AGE:
        return UNDER_5
    if age > MAX_AGE:
        return OVER_25
    return IN_RANGE


# An age stated outright inside a longer message ("13yo looking for...",
# "my son is 11 and...", "for a 10 year old"). Stricter than parse_age, which
# reads a bare answer: in a sentence, a lone number may be a time or a
# distance ("10 mins away"), so one of these cues must sit next to it.
_STATED_AGE = re.compile(
    r"(?<![a-z0-9])\d{1,2}\s*(?:yo|y/o|yrs?|years?)(?:\s*old)?(?![a-z])"
    r"|(?:\b(?:i'?m|i\s+am|is|aged?|turned|he'?s|she'?s|they'?re)\s+)\d{1,2}(?![0-9a-z])"
    r"|\b(?:year|yr|y)\s*(?:[1-9]|1[0-3])(?![0-9a-z])"
)


def stated_age(text: object) -> int | None:
    """The age in a sentence that says it plainly, or None."""
    if not isinstance(text, str):
        return None
    cleaned = " ".join(text.lower().replace("’", "'").split())
    match = _STATED_AGE.search(cleaned)
    return parse_age(match.group(0)) if match else None
