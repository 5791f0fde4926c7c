"""The parent form's worries, and how to read them from free text.

Self-harm, suicide and abuse are not here on purpose: the safety layer sends
those to crisis contacts before the parent form ever sees them.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

# value -> (label that reads after "about", interest codes for support,
#           interest codes for belonging activities)
WORRIES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "anxiety": (
        "worries and anxiety",
        ("mental_health_support", "counselling", "camhs"),
        # Calm, shared-purpose activities: a hobby with others helps an anxious child belong.
        ("art", "nature", "music", "youth_club"),
    ),
    "low_mood": ("low mood", ("mental_health_support", "counselling", "camhs"), ("youth_club", "mentoring", "nature")),
    "school_avoidance": (
        "your child not going to school",
        ("parenting_support", "mental_health_support", "camhs"),
        ("mentoring", "youth_club"),
    ),
    "behaviour": ("behaviour", ("parenting_support", "family_hub"), ("mentoring", "youth_club")),
    "send": ("SEND and additional needs", ("send_inclusive", "parenting_support"), ("send_inclusive",)),
    "bullying": ("bullying", ("bullying_support", "mental_health_support"), ("peer_support", "youth_club")),
    "family_stress": ("stress at home", ("family_hub", "parenting_support"), ("youth_club", "mentoring")),
    "bereavement": ("grief and loss", ("bereavement", "counselling"), ("youth_club", "art", "peer_support")),
}

# Words people use for each worry (lower case). Matched as whole words first,
# then fuzzily so "anxeity" or "bulied" still land.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "anxiety": (
        "anxiety",
        "anxious",
        "worry",
        "worries",
        "worried",
        "worrying",
        "panic",
        "panic attacks",
        "nervous",
        "nerves",
        "scared",
        "fear",
        "phobia",
        "overthinking",
        "stressed",
        "stress about exams",
    ),
    "low_mood": (
        "low mood",
        "low",
        "down",
        "sad",
        "unhappy",
        "depressed",
        "depression",
        "withdrawn",
        "fed up",
        "miserable",
        "not himself",
        "not herself",
        "crying",
        "lonely",
        "isolated",
    ),
    "school_avoidance": (
        "school avoidance",
        "school refusal",
        "refusing school",
        "won't go to school",
        "wont go to school",
        "your child not going to school",
        "not attending",
        "skipping school",
        "ebsa",
        "attendance",
        "avoiding school",
        "hates school",
        "not going to school",
        "not been going to school",
        "not been going in",
        "stopped going to school",
        "refuses to go to school",
        "refusing to go to school",
        "doesn't want to go to school",
        "doesnt want to go to school",
        "won't go in",
        "wont go in",
        "missing school",
    ),
    "behaviour": (
        "behaviour",
        "behavior",
        "angry",
        "anger",
        "aggressive",
        "kicking off",
        "kicks off",
        "tantrums",
        "meltdowns",
        "out of control",
        "trouble",
        "rude",
        "violent",
        "excluded",
    ),
    "send": (
        "send",
        "sen",
        "special needs",
        "additional needs",
        "autism",
        "autistic",
        "asd",
        "adhd",
        "dyslexia",
        "dyspraxia",
        "neurodivergent",
        "learning difficulties",
        "ehcp",
        "disability",
    ),
    "bullying": (
        "bullying",
        "bullied",
        "bully",
        "bullies",
        "picked on",
        "cyberbullying",
        "left out",
        "name calling",
        "trolled",
    ),
    "family_stress": (
        "family stress",
        "stress at home",
        "divorce",
        "separation",
        "separating",
        "split up",
        "money",
        "money worries",
        "skint",
        "debt",
        "housing",
        "arguments",
        "family problems",
        "struggling as a family",
        "hard time",
    ),
    "bereavement": (
        "bereavement",
        "bereaved",
        "grief",
        "grieving",
        "loss",
        "died",
        "passed away",
        "death",
        "funeral",
        "lost her",
        "lost his",
        "lost their",
    ),
}

_CHOICES = {word: value for value, words in _KEYWORDS.items() for word in words}


def label(value: str) -> str:
    return WORRIES[value][0]


def support_interests(value: str | None) -> tuple[str, ...]:
    return WORRIES[value][1] if value in WORRIES else ("parenting_support", "family_hub")


def activity_interests(value: str | None) -> tuple[str, ...]:
    return WORRIES[value][2] if value in WORRIES else ("youth_club",)


def normalise_worry(text: object) -> str | None:
    """The worry value for a slot value or a free-text answer, or None."""
    if text is None:
        return None
    cleaned = " ".join(str(text).lower().replace("_", " ").split())
    if not cleaned:
        return None
    compact = cleaned.replace(" ", "_")
    if compact in WORRIES:
        return compact
    # Whole-word keyword match, longest keyword first ("low mood" before "low").
    for word in sorted(_CHOICES, key=len, reverse=True):
        if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", cleaned):
            return _CHOICES[word]
    # Typos: compare each word (and pair of words) with the keywords.
    tokens = cleaned.split()
    grams = tokens + [" ".join(pair) for pair in zip(tokens, tokens[1:], strict=False)]
    best: tuple[str, float] | None = None
    for gram in grams:
        if len(gram) < 4:
            continue
        match = process.extractOne(gram, list(_CHOICES), scorer=fuzz.ratio, score_cutoff=85)
        if match and (best is None or match[1] > best[1]):
            best = (match[0], match[1])
    return _CHOICES[best[0]] if best else None


# Fine as an answer to "what's worrying you?", but in a sentence they are ordinary English or the parent's
# own feeling: "i'm worried about my son" names no worry, "we live down the road" is no low mood, and
# "can you send me something" is not about special needs.
_ORDINARY_IN_A_SENTENCE = frozenset({
    "worried", "worries", "worry", "worrying", "down", "low", "send", "sen", "trouble", "fear", "scared",
    "money", "loss", "hard time", "nerves", "death", "died", "debt", "housing", "rude", "crying",
})


def stated_worry(text: object) -> str | None:
    """The worry a longer message names with one of our own words, or None.
    No fuzzy matching: in a sentence it finds worries nobody mentioned."""
    if not isinstance(text, str):
        return None
    cleaned = " ".join(text.lower().replace("’", "'").split())
    for word in sorted(_CHOICES, key=len, reverse=True):
        if word in _ORDINARY_IN_A_SENTENCE:
            continue
        if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", cleaned):
            return _CHOICES[word]
    return None
