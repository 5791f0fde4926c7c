"""Ages in free text: numbers, number words and school years.

The one reading of an age, shared by the search (query.py), a chat turn
(understand.py) and the bot's safety layer, which must work with the directory
down and so imports this module directly: standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from directory.search.text import fold

# From this age someone is an adult: services only for adults start here, and someone who gives an adult age
# and says nothing of a child is asking for themself.
ADULT = 18

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update({"twenty one": 21, "twenty two": 22, "twenty three": 23, "twenty four": 24, "twenty five": 25})
# A number as digits or words, as one regex group.
NUM = r"(\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# What follows a number that is not an age: a time, a distance, money, a count of things.
NOT_A_UNIT = r"(?!\s*(?:am|pm|mins?|minutes|hours?|miles|km|quid|pounds|p\b|%|of\b|months?|weeks?|days?))"
# Whose age is not the one the search is for: a parent's, a sibling's, a partner's, a friend's.
NOT_THE_CHILD = (
    r"(?:mum|mam|mom|mother|dad|father|parents?|nan|nana|gran|granny|grandad|grandma|grandpa|brother|sister|bro|"
    r"sis|boyfriend|girlfriend|bf|gf|partner|husband|wife|fella|uncle|aunt|auntie|cousin|mate|friend|best|"
    r"step(?:dad|mum|mom)|teacher|coach|neighbour)"
)
# The search is for someone else, whose age, if given too, is the one to search for.
FOR_SOMEONE_ELSE = re.compile(
    r"\bfor (?:my|our|me) (?:little |younger |baby |big |older |kid |wee |youngest |eldest )?(?:brother|bro|sister|sis|"
    r"cousin|nephew|niece|son|daughter|grandson|granddaughter|stepson|stepdaughter|foster (?:son|daughter|child)|"
    r"child|kid|kids|children|boy|girl|lad)s?\b"
    # "something for him", "someone she could talk to": what is asked is for them.
    r"|\bfor (?:him|her)\b|\b(?:someone|something|anything|somewhere|a group|a club) (?:that |where |who )?(?:she|he)"
    r" (?:could|can|might|would|will)\b"
)
# How long ago or for how long, not how old: "came here 4 months ago", "been going for 2 years", "in 3 years".
NOT_A_DURATION_BEFORE = "".join(
    rf"(?<!\b{word} )"
    for word in "for in past last next after within over since every been spent took waiting waited wait list lasted"
    .split()
)
NOT_A_DURATION_AFTER = r"(?!\s*(?:ago|back|later|before|since|running|in a row|straight|now\b|on\b))"
# "18 months", "9 month old": under one year is 0, 18 months is 1.
MONTHS = re.compile(
    rf"\b{NUM}\s*(?:-\s*)?(?:months?|mths?|mnths?)\s*-?\s*old\b"
    rf"|{NOT_A_DURATION_BEFORE}\b{NUM}\s*(?:-\s*)?(?:months?|mths?|mnths?)\b{NOT_A_DURATION_AFTER}"
)
# A number standing alone between commas, brackets or sentences, as in "L17 6AB, 14, into skateboarding",
# "in sixth form (17)" or "wanna be in a band. 15. garston": a list of facts. A full stop counts only with a
# space after it, so "2.5" is not read.
LISTED = re.compile(rf"(?:^|[,;/|(]\s*|[.!?]\s+){NUM}\s*(?=[,;/|)]|[.!?](?:\s|$)|$)")

AGE_PATTERNS = [
    # "13 year olds", "a 9 yo"; "for 3 years", "2 years ago" are how long, not how old.
    re.compile(
        rf"\b{NUM}\s*(?:-\s*)?(?:(?:years?|yrs?)\s*-?\s*olds?\b|(?:y\s*/?\s*o|yo)\b)"
        rf"|{NOT_A_DURATION_BEFORE}\b{NUM}\s*(?:-\s*)?(?:years?|yrs?)\b{NOT_A_DURATION_AFTER}"
    ),
    # "aged 12", "uni age like 20", "age about 14", "16ish": an age said roughly is still the age to look for.
    re.compile(rf"\b(?:aged?|age)\s*:?\s*(?:like\s+|about\s+|around\s+|roughly\s+)?{NUM}\b"),
    re.compile(rf"\b{NUM}\s*-?\s*ish\b{NOT_A_UNIT}"),
    re.compile(
        rf"\b(?:i'?m|im|i am|she'?s|shes|he'?s|hes|they'?re|theyre|turning|turned|just turned)\s+{NUM}\b"
        rf"{NOT_A_UNIT}"
    ),
    # "my 9 year old", "our 14": not "my two are 8 and 8" or "our 3 kids", which say how many.
    re.compile(
        rf"\b(?:my|our)\s+{NUM}\b{NOT_A_UNIT}"
        r"(?!\s*(?:are|were|have|both|of|kids|children|boys|girls|sons|daughters|lads|little|young|ones)\b)"
    ),
    # "im bi and 17", "i'm new here and 15": a short description of themselves, then the age.
    re.compile(rf"\b(?:i'?m|im|i am)\s+(?:[a-z]+\s+){{1,3}}(?:and|&)\s+{NUM}\b{NOT_A_UNIT}"),
    # "our Jack is 9", "my eldest is 12", "mine is 26 now", "client is 18": someone named, then "is" and a number.
    re.compile(
        rf"\b(?:(?:my|our)\s+(?!{NOT_THE_CHILD}\b)[a-z]+(?:\s+[a-z]+)?|mine|client|young person|yp)\s+(?:is|'s|s)\s+"
        rf"(?:only\s+|just\s+|now\s+)?{NUM}\b{NOT_A_UNIT}"
    ),
    # "14 n im in norris green", "15 and live in L8": a number, then "and" and the rest about themselves.
    re.compile(
        rf"(?:^|[.,!?;]\s*){NUM}\s+(?:n|and|&)\s+(?:i'?m|im|i am|i live|live|living|from|in|into|i like|like)\b"
    ),
    # "the young person living with us is 15", "the lad I mentor is 14": a child described, then "is" and a number.
    re.compile(
        rf"\b(?:young person|yp|child|kid|boy|girl|lad|lass|pupil|student|mentee|teenager)\s+(?:[a-z']+\s+){{1,4}}?"
        rf"(?:is|'s)\s+(?:only\s+|just\s+|now\s+)?{NUM}\b{NOT_A_UNIT}"
    ),
    # "my son is autistic, 9, and likes swimming": a bare number soon after naming the child (the weakest
    # cue, so it stays last: parse_age reads it after a school year).
    BESIDE_THE_CHILD := re.compile(
        rf"\b(?:son|daughter|child|kid|kids|children|boy|girl|lad|twins|triplets|grandson|granddaughter|stepson|"
        rf"stepdaughter|nephew|niece|teen|teenager|mentee|pupil|student)s?\b[^.\d]{{0,30}}?"
        # "kids in the holidays? I've got 3": how many there are, not how old.
        rf"(?<!\bgot )(?<!\bhave )(?<!\bhad )(?<!\bwith )(?<!\ball )\b{NUM}\b"
        # "my grandson two days a week": how often, not how old.
        r"(?!\s*(?:am|pm|km|miles|mins?|minutes|hours?|hrs?|days?|nights?|weeks?|times?|quid|pounds|p\b|%|of\b|kids|"
        r"children|boys|girls|sons|daughters))"
    ),
]


def without_ages(text: str) -> str:
    """The text with the ages it gives taken out, for reading what else it says. A bare number soon after
    naming a child takes only the number: "boys group, 13" still asks for a boys' group, "my son is
    autistic, 9" still says autistic."""
    for pattern in AGE_PATTERNS:
        text = pattern.sub(_words_before_the_number if pattern is BESIDE_THE_CHILD else " ", text)
    return text


def _words_before_the_number(m: re.Match[str]) -> str:
    return f" {m.string[m.start() : m.start(1)]} "


# "bus 14", "number 12", "flat 9": a number that names a thing, not an age.
NOT_A_NUMBERED_THING = "".join(
    rf"(?<!\b{word} )" for word in "bus no number route flat house room page gate platform the a".split()
)
# Weaker cues, read after a school year and only for a number inside the ages the service is for:
BESIDE_FACTS = [
    # "18 from crosby", "15 frm walton": a number, then where they are from.
    re.compile(rf"(?:^|[\s,.!?]){NOT_A_NUMBERED_THING}{NUM}\s+(?:from|frm|fromm)\s+[a-z]"),
    # "were both thirteen", "we're 14", "both 12": the person and a friend or sibling, one age for both.
    re.compile(
        rf"\b(?:(?:(?:we'?re|we are|were|are|they'?re|theyre|they are)\s+)?both|we'?re|we are)\s+{NUM}\b{NOT_A_UNIT}"
    ),
    # "L9 7AB 13 footy", "13 L4 football", "L8 14": a number beside a postcode, a list of facts. A postcode's
    # sector is one digit, so "L4 1" is not read.
    re.compile(rf"\b[a-z]{{1,2}}\d{{1,2}}[a-z]?(?:\s+\d[a-z]{{2}})?\s+{NUM}\b(?!\s*[a-z]{{2}}\b){NOT_A_UNIT}"),
    re.compile(r"(?:^|[\s,])(1\d|2[0-5]|[5-9])\s+[a-z]{1,2}\d{1,2}[a-z]?\b"),
    # "17 m, want a mentor", "16f looking for...", "15 male": age and sex, the way people list themselves.
    re.compile(rf"(?:^|[,;.!?(]\s*){NUM}\s*(?:m|f|male|female|boy|girl|nb)\b(?=\s*(?:[,;.!?/)]|$|\w))"),
    # "16 and left school", "14 and bored": a message that opens with a number, then "and" and what they do or
    # feel; not "10 and 12", "2 and a half", "5 and over".
    re.compile(
        rf"^\W*{NUM}\s+(?:and|n|&)\s+(?!(?:a|an|half|over|under|up|above|below|older|younger|{'|'.join(NUMBER_WORDS)})\b)"
        r"(?![\d])[a-z]"
    ),
]
# Two ages, for a group or for siblings: "aged 14 to 16", "10-13 year olds", "between the ages of 12 and 14",
# "my kids are 9 and 11". A service must then admit every age from the first to the second.
_RANGE_SEP = r"\s*(?:-|–|to|till|and|&|or)\s*"
# "twins aged 8 and one is into art": the second number starts a new clause, not an age.
_RANGE_END = r"(?!\s*(?:is|of|who|that|has|likes|loves|wants|does|plays|goes)\b)"
# Whose ages follow: "the kids", "my lot", "my 2" ("my 2 are 11 and 14" is two children, not a child of 2).
_THE_CHILDREN = (
    r"kids|children|boys|girls|sons|daughters|twins|ones|lot|lads|grandkids|grandchildren"
    r"|(?:my|our|the) (?:2|3|4|5|two|three|four|five)"
)
AGE_RANGES = [
    re.compile(rf"\b(?:aged?|ages)\s*:?\s*(?:between\s+|from\s+)?{NUM}{_RANGE_SEP}{NUM}\b{NOT_A_UNIT}{_RANGE_END}"),
    re.compile(rf"\b{NUM}{_RANGE_SEP}{NUM}\s*(?:-\s*)?(?:(?:years?|yrs?)\s*-?\s*olds?\b|(?:y\s*/?\s*o|yo)s?\b)"),
    re.compile(rf"\bbetween\s+(?:the\s+)?ages?\s+(?:of\s+)?{NUM}{_RANGE_SEP}{NUM}\b"),
    re.compile(
        # "my two (8 and 12)": the ages may stand in brackets after whose they are.
        rf"\b(?:{_THE_CHILDREN}|they'?re|theyre|they are)\s*\(?\s*(?:are\s+)?(?:aged\s+)?"
        rf"{NUM}\s*(?:and|&)\s*{NUM}\b{NOT_A_UNIT}{_RANGE_END}"
    ),
]
# Three or more children's ages: "aged 5, 7 and 10", "they're 8, 9 and 11", "the oldest is 11, the others are 9
# and 8". Every one must be admitted, so the search is for the youngest to the oldest.
_ANY_NUM = NUM.replace("(", "(?:", 1)
AGE_LISTS = [
    re.compile(
        # A bare "are" is not enough ("the scores are 3, 2 and 1"): the numbers must be said to be ages or
        # to belong to the children ("my three are 4, 6 and 9", "the kids are 5, 7 and 10").
        rf"\b(?:aged?|ages|they'?re|theyre|they are|(?:{_THE_CHILDREN})(?:\s+are)?)\s+(?:aged\s+)?"
        # The last may follow a comma too: "kids 4, 7, 10".
        rf"((?:{_ANY_NUM}\s*,\s*)+{_ANY_NUM}\s*(?:,?\s*(?:and|&)|,)\s*{_ANY_NUM})\b{NOT_A_UNIT}{_RANGE_END}"
    ),
    re.compile(
        rf"\b(?:oldest|eldest|youngest|biggest|littlest)(?:\s+one)?\s*(?:is|'s|s)\s+({_ANY_NUM})\b{NOT_A_UNIT}"
        rf"[^.!?]{{0,20}}?\b(?:others?|other (?:two|ones?)|rest|youngest|oldest|eldest|little ones?|younger ones?"
        rf"|twins)"
        rf"\s+(?:are|is|'s|s)\s+({_ANY_NUM}(?:\s*(?:,|and|&)\s*{_ANY_NUM})*)\b{NOT_A_UNIT}"
    ),
]
# Two people going together, each giving an age: "my brother and me both want to do karate, im 11 hes 9". The
# search must admit both, as for a group; said only where they go together (both, we, me and my...).
TOGETHER = re.compile(
    r"\b(?:both|we|we'?re|us|together|(?:me|i) (?:and|n|&) (?:my|me)|(?:and|n|&) (?:me|i|myself))\b"
)
_I_AM = r"(?:i'?m|im|i am)"
_THEY_ARE = (
    r"(?:he'?s|hes|he is|she'?s|shes|she is|they'?re|theyre|they are"
    r"|(?:my|me) (?:\w+ )?(?:brother|sister|bro|sis|mate|friend|cousin|bestie)(?:'?s| is))"
)
AGE_PAIRS = [
    re.compile(rf"\b{_I_AM}\s+({_ANY_NUM})\b{NOT_A_UNIT}[^.!?]{{0,20}}?\b{_THEY_ARE}\s+({_ANY_NUM})\b{NOT_A_UNIT}"),
    re.compile(rf"\b{_THEY_ARE}\s+({_ANY_NUM})\b{NOT_A_UNIT}[^.!?]{{0,20}}?\b{_I_AM}\s+({_ANY_NUM})\b{NOT_A_UNIT}"),
]
_NUM_TOKEN = re.compile(rf"\b{NUM}\b")
# Wider than this is not one group's ages ("aged 5 to 25" is a service's range, not a person's).
MAX_RANGE_SPAN = 8
# A listed number is read as an age only inside the ages the service is for.
MIN_LISTED, MAX_LISTED = 5, 25
# "year 9", "yr9", "one of my Year 11s".
SCHOOL_YEAR = re.compile(r"\b(?:year|yr|y)\s*(\d{1,2})s?\b(?!\s*olds?)")

# A bare answer to "how old?": a number or number words at the start of a short message.
BARE_AGE = re.compile(
    r"^\W*(?:(?:oh|ah|oops|sorry|soz|sry|ok|okay|yeah|yes|yh|ye|um+|erm+|well|so)\b\W*)*"
    rf"(?:(?:i'?m|im|i am|she'?s|shes|he'?s|hes|they'?re|theyre|they are|age|aged|just)\s+)?"
    r"(?:(?:about|around|roughly|approx|approximately|mostly|mainly|probably|maybe|like|only)\s+)?"
    rf"{NUM}"
    r"(?:\s*(?:yo|y/?o|yrs?|years?)(?:\s*old)?)?\b(?P<rest>.*)$"
)
# The whole answer is two or more ages: "15 and 16", "mostly 14-16", "they're 9, 11 and 13".
BARE_AGE_RANGE = re.compile(
    r"^\W*(?:(?:they'?re|theyre|they are|mostly|mainly|about|around|roughly|between|aged?|ages)\s+)*"
    rf"({_ANY_NUM}(?:\s*(?:,|-|–|to|and|&|or)\s*{_ANY_NUM})+)"
    r"(?:\s*(?:yo|y/?o|yrs?|years?)(?:\s*olds?)?)?\W*$"
)
NEARLY = re.compile(rf"\b(?:nearly|almost|nrly|about to (?:be|turn)|soon to be)\s+{NUM}\b")


def number(token: str) -> int | None:
    """'13', 'thirteen' or 'twenty-one' as an int; None for anything else."""
    token = token.replace("-", " ")
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token)


def span_text(low: int | float | None, high: int | float | None, adults: bool = False) -> str:
    """A service's ages as its record gives them: "ages 11-16", "up to age 18", "adults (18+)", "ages 16+".
    Nothing when it gives none: "all ages" would be a guess. The search's cards and the bot say it this way."""
    if low is not None and high is not None:
        return f"ages {low}-{high}"
    if high is not None:
        return f"up to age {high}"
    if adults:
        return f"adults ({low}+)" if low is not None else "adults"
    if low is not None:
        return f"ages {low}+"
    return ""


def school_year_ages(year: int) -> tuple[int, int]:
    """The ages of pupils in Year N: N+4 until their birthday in the school year, N+5 after it. A single age
    for a school year is the older one, the age they all turn during it."""
    return year + 4, year + 5


def parse_age(text: str) -> tuple[int | None, int | None]:
    """An age in years, and the school year it came from if it came from one ("year 9" -> 14)."""
    low = fold(text)
    found = _parse_age(low)
    if found[0] is not None and (
        found[0] > MAX_LISTED or (FOR_SOMEONE_ELSE.search(low) and _SPEAKERS_OWN.match(_age_span(low)))
    ):
        # "I'm 62 and bringing up my grandson who's 10", "I'm 20 and looking for something for my little
        # brother. He's 11": the speaker's own age, said beside the age of the one the search is for, is not
        # the age to search for. Read the rest of the message without it.
        child = _parse_age(low.replace(_age_span(low), " ", 1))
        if child[0] is not None and child[0] <= MAX_LISTED:
            return child
    return found


# An age the speaker gives of themselves ("i'm 20"), not of the one they ask for ("he's 9").
_SPEAKERS_OWN = re.compile(rf"{_I_AM}\b")


def _age_span(low: str) -> str:
    for pattern in AGE_PATTERNS[:-1]:
        if m := pattern.search(low):
            return m.group(0)
    return ""


def _parse_age(low: str) -> tuple[int | None, int | None]:
    # An age said outright first, then a school year, then a number near a child: "my daughter is in year 5"
    # is 10, not 5; "im 15 and in year 11" is 15.
    for pattern in AGE_PATTERNS[:-1]:
        if (value := _age_in(pattern, low)) is not None:
            return value, None
    if (m := MONTHS.search(low)) and (months := number(_first_group(m))) is not None:
        return months // 12, None
    if (m := SCHOOL_YEAR.search(low)) and 1 <= (year := int(m.group(1))) <= 13:
        # "12, she's in year 8", "Year 11 lad, 15": a number that is one of the year's two ages says which.
        listed = (_age_in(p, low) for p in (LISTED, *BESIDE_FACTS))
        exact = next((value for value in listed if value in school_year_ages(year)), None)
        return exact or school_year_ages(year)[1], year
    for pattern in (LISTED, *BESIDE_FACTS):
        if (value := _age_in(pattern, low)) is not None and MIN_LISTED <= value <= MAX_LISTED:
            return value, None
    return _age_in(AGE_PATTERNS[-1], low), None


def parse_age_range(text: str) -> tuple[int, int] | None:
    """Two ages that a search must both admit ("aged 14 to 16" -> (14, 16); twins "8 and 8" -> (8, 8)); None for one
    age or none."""
    low = fold(text)
    for pattern in (*AGE_RANGES, *AGE_LISTS, *(AGE_PAIRS if TOGETHER.search(low) else ())):
        for m in pattern.finditer(low):
            if span := _as_range(group for group in m.groups() if group):
                return span
    return None


def age_beside(low: str, words: str) -> int | None:
    """A number said right beside a place, as in a list of facts: "kickboxing 15 old swan", "kirkdale 14"."""
    if not words:
        return None
    place = re.escape(words.strip())
    before = rf"(?:^|[\s,])({_ANY_NUM})\s+{place}\b"
    after = rf"\b{place}\s+({_ANY_NUM})\b{NOT_A_UNIT}(?!\s*[a-z]{{2}}\d)"
    for pattern in (before, after):
        if (m := re.search(pattern, low)) and (value := number(m.group(1))) is not None:
            if MIN_LISTED <= value <= MAX_LISTED:
                return value
    return None


def bare_age_range(text: str) -> tuple[int, int] | None:
    """Two or more ages given as the whole answer to "how old?": "15 and 16", "14-16", "9, 11 and 13"."""
    low = " ".join(fold(text).split())
    if m := BARE_AGE_RANGE.match(low):
        return _as_range([m.group(1)])
    return None


def _as_range(groups: Iterable[str]) -> tuple[int, int] | None:
    """The youngest and the oldest of the ages said, if they could be one group's ages."""
    tokens = [n for group in groups for n in _NUM_TOKEN.findall(group)]
    said = [value for n in tokens if (value := number(n)) is not None]
    if len(said) < 2 or len(said) < len(tokens):
        return None
    lo, hi = min(said), max(said)
    return (lo, hi) if 0 <= lo <= hi <= MAX_LISTED and hi - lo <= MAX_RANGE_SPAN else None


def age_and_to(span: tuple[int, int]) -> tuple[int, int | None]:
    """The age to search for and, for two different ages, the top one: twins who are "8 and 8" are 8."""
    return span[0], (span[1] if span[1] != span[0] else None)


def bare_age(text: str) -> int | None:
    """The age in a short answer to "how old?": "16", "sixteen", "im 14 nearly 15", "nearly 13"."""
    low = " ".join(fold(text).replace("-", " ").split())
    if len(low.split()) > 8:
        return None
    if m := BARE_AGE.match(low):
        rest = m.group("rest")
        # "6 miles", "3 brothers", "5pm", or a line of markup "(1) <b>": a number that is not an age.
        unit = re.match(r"^\s*(?:am|pm|mins?|minutes|miles|km|quid|pounds|p\b|brothers|sisters|kids|%)", rest)
        if not unit and not re.search(r"[<>(){}\[\]=\\]", low):
            return number(m.group(1))
    if m := NEARLY.search(low):
        upcoming = number(m.group(1))
        return None if upcoming is None else upcoming - 1
    return None


def _first_group(m: re.Match[str]) -> str:
    """The number a pattern read, whichever of its alternatives matched."""
    return next(group for group in m.groups() if group is not None)


def _age_in(pattern: re.Pattern[str], low: str) -> int | None:
    if m := pattern.search(low):
        value = number(_first_group(m))
        if value is not None and 0 < value <= 99:
            return value
    return None
