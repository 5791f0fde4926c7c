"""Child sexual exploitation told through ages: a child with a much older partner.

"im 13" in one message and "my boyfriend is 20" three turns later is the same
signal as both in one sentence, so the gap is computed from whatever ages the
conversation holds, not listed pattern by pattern. Ages are read by the
directory's age reader (directory/search/ages.py, standard library only), so a
number means the same thing to the search and to the safety layer.

What counts (docs/SAFETY.md, "Older partner"): a child under 16 with a partner
who is an adult or at least three years older; a 16 or 17 year old with an
adult partner at least five years older.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from directory.search.ages import ADULT, NUM, bare_age, number, parse_age
from directory.search.text import fold

# The id an age-gap finding reports in place of a rule's.
RULE = "abuse.age_gap_computed"
ABUSE = "abuse_or_exploitation"
PARENT = "parent_worried"

UNDER_CONSENT = 16
MIN_GAP_UNDER_16 = 3
MIN_GAP_16_17 = 5

# Words that name a partner whatever else the message says, and words that do only in a
# message about a relationship ("a 16 year old lad" who bullies a 13 year old is not one).
_PARTNER_WORDS = r"boy ?friend|girl ?friend|bf|gf|partner|fella|fiancee?|lover|sugar daddy"
_PERSON_WORDS = r"man|guy|bloke|lad|woman|girl|boy|someone|person|older (?:man|guy|lad|boy|bloke|woman|girl)"
_PARTNER = _PARTNER_WORDS + "|" + _PERSON_WORDS
_NAMES_PARTNER = re.compile(rf"\b(?:{_PARTNER_WORDS})(?:'?s)?\b")
_UNIT = r"(?:\s*(?:years?|yrs?|y\s*/?\s*o|yo)(?:\s*-?\s*olds?)?)?"
_NOT_AN_AGE = r"(?!\s*(?:am|pm|mins?|minutes|miles|km|quid|pounds|p\b|%|quid|k\b|followers|times|texts))"
# "my boyfriend is 20", "the guy im seeing is nearly 19", "a 22 year old man", "seeing a 19yo".
_PARTNER_AGE = re.compile(
    rf"\b(?P<who>(?:my|his|her|their|our|your|me)\s+)?(?:new\s+|secret\s+|online\s+|older\s+)?(?:{_PARTNER})"
    rf"(?:\s+(?:i'?m|im|i am|she'?s|shes|he'?s|hes|she is|he is)\s+(?:seeing|dating|talking to|with|going out with|"
    rf"sleeping with|meeting))?"
    rf"\s*(?:,\s*)?(?:is|who is|who'?s|whos|that is|that'?s|thats|'s|s|aged?|of)?\s*(?:only|like|about|nearly|almost|"
    rf"around|over)?\s*{NUM}{_UNIT}\b{_NOT_AN_AGE}"
    rf"|\b(?P<who2>(?:my|his|her|their|our|your|me|a|an|this|some|the)\s+){NUM}\s*(?:-\s*)?(?:years?|yrs?|y\s*/?\s*o|yo)"
    rf"(?:\s*-?\s*olds?)?\s+(?:{_PARTNER})(?:'?s)?\b"
    rf"|\b(?:{_PARTNER})(?:\s+[a-z]+){{1,4}}?\s+(?:who is|who'?s|whos|that is|that'?s|thats|aged|is)\s+"
    rf"(?:only\s+|like\s+|about\s+|nearly\s+|almost\s+|over\s+)?{NUM}{_UNIT}\b{_NOT_AN_AGE}"
    rf"|\b(?:seeing|seein|dating|datin|going out with|goin out with|sleeping with|sleepin with|talking to|talkin to|"
    rf"linking|linkin|linking with|hooking up with|in a relationship with|with)\s+(?:a|an|this|some)\s+"
    rf"{NUM}\s*(?:-\s*)?(?:years?|yrs?|y\s*/?\s*o|yo)(?:\s*-?\s*olds?)?\b"
)
# "he's 20" counts only where the message is about a relationship.
_PRONOUN_AGE = re.compile(
    rf"\b(?:he'?s|hes|he is|she'?s|shes|she is|they'?re|theyre)\s+(?:only\s+|like\s+|about\s+)?{NUM}\b"
    rf"{_UNIT}{_NOT_AN_AGE}"
)
_RELATIONSHIP = re.compile(
    r"\b(?:boy ?friend|girl ?friend|bf|gf|partner|dating|datin|seeing|seein|going out|relationship|sleeping with|"
    r"kiss\w*|hotels?|linking|linkin|hooking up|"
    r"sex|stay over|stay the night|sleep over|his (?:house|flat|car)|her (?:house|flat|car)|meet up|met (?:him|her) "
    r"online|fancies|fancy|loves me|in love|together)\b"
)
_THIRD_PARTY = re.compile(
    r"\b(?:his|her|their)\s+(?:new\s+|secret\s+|online\s+|older\s+)?(?:" + _PARTNER + r")\b"
    r"|\b(?:my|our)\s+(?:\w+\s+)?(?:son|daughter|child|kid|girl|boy|niece|nephew|granddaughter|grandson|pupil|"
    r"student|sister|brother|friend|mate|cousin)'?s?\b"
    r"|\b(?:she|he|they)(?:'?s|\s+is|\s+are)?\s+(?:seeing|dating|going out with|sleeping with|with)\b"
)
# "her dad's new girlfriend is 25": a partner, but an adult's, not the child's.
_ADULTS_PARTNER = re.compile(
    r"\b(?:mum|mam|mom|mums|mams|dad|dads|da|das|father|mother|uncle|uncles|aunt|aunts|auntie|aunties|nan|nans|"
    r"grandad|grandads|brother|brothers|sister|sisters|cousin|cousins|step ?dad|step ?mum|carer|carers)'?s?\s+"
    r"(?:new\s+|older\s+|young\s+)?$"
)
_CHILD_AGES = range(5, ADULT)


@dataclass(frozen=True)
class Finding:
    category: str
    child_age: int
    partner_age: int


def concerning(child_age: int, partner_age: int) -> bool:
    """Whether a child of `child_age` with a partner of `partner_age` is an exploitation signal."""
    gap = partner_age - child_age
    if child_age < UNDER_CONSENT:
        return partner_age >= ADULT or gap >= MIN_GAP_UNDER_16
    if child_age < ADULT:
        return partner_age >= ADULT and gap >= MIN_GAP_16_17
    return False


def partner_ages(text: str) -> tuple[list[int], str]:
    """The partner ages a message states, and the message with them blanked out."""
    low = fold(text)
    found: list[int] = []
    spans: list[tuple[int, int]] = []
    about_relationship = bool(_RELATIONSHIP.search(low))
    for m in _PARTNER_AGE.finditer(low):
        value = _first_number(m)
        if _ADULTS_PARTNER.search(low[max(0, m.start() - 30):m.start()]):
            continue
        if value is not None and (about_relationship or _NAMES_PARTNER.search(m.group(0))):
            found.append(value)
            spans.append(m.span())
    if not found and about_relationship:
        for m in _PRONOUN_AGE.finditer(low):
            value = _first_number(m)
            if value is not None:
                found.append(value)
                spans.append(m.span())
    for start, end in reversed(spans):
        low = low[:start] + " " * (end - start) + low[end:]
    return found, low


def ages_said(texts: Iterable[str]) -> list[int]:
    """Children's ages the messages state (a partner's age is not one of them)."""
    out: list[int] = []
    for text in texts:
        _, rest = partner_ages(text)
        age = parse_age(rest)[0]
        if age is None:
            age = bare_age(rest)
        if age is not None and age in _CHILD_AGES:
            out.append(age)
    return out


def assess(text: str, earlier_ages: Iterable[int] = ()) -> Finding | None:
    """An exploitation signal in `text`, given ages stated earlier in the conversation."""
    partners, rest = partner_ages(text)
    if not partners:
        return None
    here = parse_age(rest)[0]
    children = [a for a in ([here] if here is not None else []) if a in _CHILD_AGES] or [
        a for a in earlier_ages if a in _CHILD_AGES
    ]
    for child in sorted(set(children)):
        for partner in partners:
            if concerning(child, partner):
                category = PARENT if _THIRD_PARTY.search(fold(text)) else ABUSE
                return Finding(category, child, partner)
    return None


def _first_number(m: re.Match[str]) -> int | None:
    for group in m.groups():
        if group is not None and (value := number(group.strip())) is not None:
            return value
    return None
