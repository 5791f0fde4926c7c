"""Areas as people type them: postcodes, "anywhere", "I live in Walton"."""

from __future__ import annotations

import re

ANYWHERE = "anywhere"

# Full UK postcode: outward code + inward code ("L4 0TH", "ch412ab").
_FULL_POSTCODE = re.compile(r"\b(?P<out>[a-z]{1,2}[0-9][0-9a-z]?)\s*(?P<in>[0-9][a-z]{2})\b", re.IGNORECASE)
_NO_PREFERENCE = re.compile(
    r"\b(?:any\s*where|anywhere|any\s*place|any\s*area|wherever|don'?t\s+mind|dont\s+mind|"
    r"do\s+not\s+mind|not\s+bothered|doesn'?t\s+matter|dont\s+know|don'?t\s+know|dunno|idk|"
    r"no\s+idea|not\s+sure|unsure|online|all\s+over|citywide|city\s*wide|whole\s+city|"
    r"rather\s+not\s+say|prefer\s+not\s+to\s+say|skip)\b",
    re.IGNORECASE,
)
# Words around a place name in a free-text answer ("i live in walton x").
_LEADING = {
    "i",
    "im",
    "i'm",
    "we",
    "we're",
    "were",
    "am",
    "are",
    "r",
    "live",
    "living",
    "based",
    "from",
    "in",
    "near",
    "on",
    "round",
    "around",
    "by",
    "at",
    "the",
    "my",
    "our",
    "postcode",
    "is",
    "its",
    "it's",
    "postcode:",
    "me",
    "ourselves",
    "mostly",
    "usually",
    "just",
}
_TRAILING = {"area", "way", "please", "pls", "plz", "ta", "thanks", "x", "xx", "xxx", "lol", "mate", "side"}


# Names of wider areas the directory has no single place for. The Wirral is a
# borough: its main town keeps results on the right side of the Mersey rather
# than suggesting places in Liverpool.
_ALIASES = {"wirral": "Birkenhead", "wirral peninsula": "Birkenhead", "over the water": "Birkenhead"}


def reduce_postcode(text: str) -> str:
    """Replace any full postcode with its district ("L4 0TH" -> "L4"), so the
    full postcode is never stored or sent on."""
    return _FULL_POSTCODE.sub(lambda m: m.group("out").upper(), text)


def has_full_postcode(text: str) -> bool:
    return bool(_FULL_POSTCODE.search(text))


def means_anywhere(text: str) -> bool:
    return bool(_NO_PREFERENCE.search(text))


def place_phrase(text: str) -> str | None:
    """The place part of a free-text answer ("i live in walton x" -> "walton")."""
    words = reduce_postcode(text).strip(" ,.;:!?").split()
    while words and words[0].lower().strip(",.") in _LEADING:
        words.pop(0)
    while words and words[-1].lower().strip(",.!?") in _TRAILING:
        words.pop()
    phrase = " ".join(words).strip(" ,.;:!?")
    return _ALIASES.get(phrase.lower(), phrase) or None


def widened(text: str, phrase: str) -> list[str]:
    """Longer spans of `text` around `phrase`, one word either side, for when
    the NLU cut a two-word name short ("old swan" tagged as "swan")."""
    words = text.split()
    lowered = [w.lower().strip(",.!?;:") for w in words]
    target = phrase.lower().split()
    spans: list[str] = []
    for i in range(len(lowered) - len(target) + 1):
        if lowered[i : i + len(target)] != target:
            continue
        if i > 0:
            spans.append(" ".join(lowered[i - 1 : i + len(target)]))
        if i + len(target) < len(lowered):
            spans.append(" ".join(lowered[i : i + len(target) + 1]))
    return spans
