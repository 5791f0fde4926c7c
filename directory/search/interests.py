"""Interests: map what people type ("footy", "making beats", "theatre kid") to taxonomy terms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from directory.search.text import STOPWORDS, TOKEN, fold, is_english, lemma, words

# Synonyms that are also everyday words: only taken when typed in capitals ("SEND", "SEN").
CAPITALS_ONLY = {"send", "sen", "bi", "asc", "lac", "asd"}
# ...unless someone says they are it: "she's bi", "im asd".
SAYING_WHAT_THEY_ARE = frozenset("im am shes hes is theyre are being as".split())
MAX_PHRASE = 6
# Parent-term names that are everyday words ("a group", "support for my son"): never an interest alone.
GENERIC = {
    lemma(w)
    for w in (
        "group",
        "community",
        "support",
        "family",
        "learning",
        "digital",
        "club",
        "activity",
        "help",
        "groups",
        "activities",
    )
}


@dataclass(frozen=True)
class Term:
    id: str
    code: str
    name: str
    kind: str | None = None
    parent_id: str | None = None
    synonyms: tuple[str, ...] = field(default=(), compare=False)

    def public(self) -> dict:
        return {"id": self.id, "code": self.code, "name": self.name, "kind": self.kind}


def phrase_key(text: str) -> tuple[str, ...]:
    return tuple(lemma(w) for w in words(text))


# Words that turn what follows down ("not really into sport", "i hate football", "no drama"), and words
# that, right after one of them, make it about something else ("not sure", "don't mind", "dont know").
NEGATORS = frozenset(
    "not no dont hate hates hated isnt aint arent wasnt werent doesnt didnt never nothing without except dislike "
    "cant avoid".split()
)
# Said straight before an activity, these say what someone cannot do yet: "i still cant swim" wants to learn.
INABILITY = frozenset("cant cannot".split())
# A new clause straight after "no" or "don't" is a reply or a question, not a turning down: "actually no can we
# do basketball instead", "no i want football", "don't you have any dance".
NOT_A_NEGATION = frozenset(
    "sure know mind bothered only just fussed idea wait can could would will we i lets let id ill you youd "
    "actually maybe please".split()
)
# Words that turn down what follows only before these ("get him off the xbox", "away from screens"); "off to
# football" and "a day off" do not.
NEGATORS_BEFORE = {
    "off": frozenset("the his her their my me them of".split()),
    "away": frozenset(["from"]),
}
# "worries about food", "struggling with his weight", "problems with gaming": what follows is the worry, not
# something they want to do.
# So do feelings that something brings on: "anxious about exams", "my anxiety gets bad before exams".
WORRIES = frozenset(
    "worry worries worried worrying concern concerns concerned struggle struggles struggling struggled issue issues "
    "problem problems trouble troubles anxiety anxious stress stressed stressing stressy nervous nerves panic "
    "panicking panics dread dreading overwhelmed scared terrified frightened".split()
)
WORRY_LINKS = frozenset("about with over around before during".split())
# How far before the link the worry may be said, within one clause: "my anxiety gets really bad before exams".
WORRY_REACH = 4
# Only these may stand between the link and the worry: "worried about starting football" still wants football.
WORRY_OWNERS = frozenset("his her my me their our your the a an".split())
# A negation reaches this many words forward, and never past a clause break.
NEGATION_REACH = 4
CLAUSE_BREAKS = frozenset("but though although however instead rather prefer".split())


# "no," or "nah." answers what came before: "football... actually no, basketball" wants basketball.
ANSWERS = frozenset("no nah nope".split())


def _answers(text: str) -> set[int]:
    """Positions, in words(text), of a "no" that stands alone before a comma or a stop."""
    folded = fold(text).replace("'", "")
    return {
        i
        for i, m in enumerate(TOKEN.finditer(folded))
        if m.group() in ANSWERS and re.match(r"\s*[,.!?;:\u2026-]", folded[m.end() :])
    }


# What may stand between something said and the "no" that takes it back: "football... actually no, basketball".
TAKING_BACK = frozenset("actually wait oh hmm um erm well or".split())


def _taken_back(raw: list[str], end: int, answers: set[int]) -> bool:
    """True when a "no," follows the phrase that ends at `end`, with only hesitation between."""
    for i in range(end, min(end + 3, len(raw))):
        if i in answers:
            return True
        if raw[i] not in TAKING_BACK:
            return False
    return False


def _negated(raw: list[str], start: int, used: set[int], answers: set[int] = frozenset()) -> bool:
    """True when a negator governs the phrase that starts at `start` ("not really into sport"). A negation
    reaches the first interest after it only: "no football please, drama instead" still wants drama."""
    for back in range(1, NEGATION_REACH + 1):
        i = start - back
        if i < 0 or raw[i] in CLAUSE_BREAKS or i in used or i in answers:
            return False
        if raw[i] in NEGATORS:
            if i + 1 == start and (raw[i] in INABILITY or (raw[i] == "not" and i > 0 and raw[i - 1] == "can")):
                # "i still cant swim": what they cannot do yet, not what they turn down ("can't stand football").
                return False
            return not (i + 1 < start and raw[i + 1] in NOT_A_NEGATION)
        if raw[i] in NEGATORS_BEFORE and i + 1 < start and raw[i + 1] in NEGATORS_BEFORE[raw[i]]:
            return True
    return False


def _worried_about(raw: list[str], start: int) -> bool:
    """True when the phrase at `start` is what someone worries about ("worries about food", "struggling with
    his weight"): an activity named there is the worry, not what they want to do."""
    for i in range(start - 1, max(start - 3, 0), -1):
        if raw[i] in WORRY_LINKS:
            if not set(raw[i + 1 : start]) <= WORRY_OWNERS:
                return False
            for j in range(i - 1, max(i - 1 - WORRY_REACH, -1), -1):
                if raw[j] in CLAUSE_BREAKS:
                    return False
                if raw[j] in WORRIES:
                    return True
            return False
    return False


# Screens a parent says a child is on too much ("does nothing but sit on his xbox all day", "she's glued to
# her phone"): the complaint, not something to look for. Only with someone else's screen ("his", "her"): "i
# play xbox all day" is a gamer.
SCREENS = frozenset(["gaming"])
SOMEONE_ELSES = frozenset("his her their".split())
TOO_MUCH_BEFORE = (
    ("nothing", "but"), ("always", "on"), ("constantly", "on"), ("glued", "to"), ("addicted", "to"),
    ("hooked", "on"), ("obsessed", "with"), ("sit", "on"), ("sits", "on"), ("sitting", "on"), ("sat", "on"),
    ("lives", "on"), ("stuck", "on"),
)
TOO_MUCH_AFTER = (
    ("all", "day"), ("all", "night"), ("24", "7"), ("too", "much"), ("constantly",), ("non", "stop"), ("nonstop",),
    ("all", "the", "time"), ("every", "night"), ("for", "hours"), ("hours",),
)


def _too_much(raw: list[str], start: int, end: int) -> bool:
    """True when the screen named at raw[start:end] is someone else's, said to be on it too much."""
    if not SOMEONE_ELSES & set(raw[max(start - 2, 0) : start]):
        return False
    before = raw[max(start - 7, 0) : start]
    after = raw[end : end + 4]
    if CLAUSE_BREAKS & set(before):
        before = before[max(i for i, w in enumerate(before) if w in CLAUSE_BREAKS) + 1 :]

    def said(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
        return any(tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words)))

    return said(before, TOO_MUCH_BEFORE) or said(after, TOO_MUCH_AFTER)


def _symbols(text: str) -> str:
    # Emoji arrive with or without the variation selector ("⚽" or "⚽️"); compare without it.
    return text.replace("\ufe0f", "")


@dataclass
class InterestMatch:
    terms: list[Term]
    unknown: list[str]
    suggestions: list[Term]
    used_words: set[int]  # positions of words in the text that named an interest
    negated: list[Term] = field(default_factory=list)  # interests the text turned down
    # The words of the text that named each term, by term id ("worried" for mental health support).
    words: dict[str, list[str]] = field(default_factory=dict)


class InterestMatcher:
    def __init__(self, terms: list[Term]):
        self.terms = {t.id: t for t in terms}
        self.by_code = {t.code: t for t in terms}
        self.children: dict[str, list[Term]] = {}
        for t in terms:
            if t.parent_id:
                self.children.setdefault(t.parent_id, []).append(t)
        self.phrases: dict[tuple[str, ...], Term] = {}
        # Leaf terms first: "art" means the Art term, not its parent "Arts" (whose lemma is also "art").
        terms = sorted(terms, key=lambda t: t.id in self.children)
        for t in terms:
            for text in (t.name, t.code.replace("_", " "), *t.synonyms):
                key = phrase_key(text)
                if key and not (len(key) == 1 and key[0] in GENERIC):
                    self.phrases.setdefault(key, t)
        # Single words as typed and as lemmas, for typo matching: "swiming", "fooyt", "codng".
        self._single_terms: dict[str, Term] = {}
        for t in terms:
            for text in (t.name, *t.synonyms):
                for form in (text.lower(), " ".join(phrase_key(text))):
                    if " " not in form and len(form) >= 4 and form not in GENERIC:
                        self._single_terms.setdefault(form, t)
        self._single = list(self._single_terms)
        self._all = [" ".join(k) for k in self.phrases]
        # Synonyms with no letters at all are emoji ("⚽", "🎨"): matched as they are typed.
        self.symbols: dict[str, Term] = {}
        for t in terms:
            for text in t.synonyms:
                if not words(text) and text.strip():
                    self.symbols.setdefault(_symbols(text.strip()), t)

    def _term_for(self, key: str) -> Term:
        return self.phrases[tuple(key.split(" "))]

    def find(self, text: str, fuzzy: bool = True) -> InterestMatch:
        """Every interest named in a sentence, longest phrase first, typos forgiven."""
        raw = words(text)
        answers = _answers(text)
        original = text.split()
        capitals = {w.lower().strip(".,!?") for w in original if w.isupper()}
        lemmas = [lemma(w) for w in raw]
        found: list[Term] = []
        negated: list[Term] = []
        used: set[int] = set()
        named_by: dict[str, list[str]] = {}

        turned_down_at: dict[str, int] = {}

        def take(term: Term, start: int, n: int = 1) -> None:
            turned_down = (
                _negated(raw, start, used, answers)
                or (term.kind != "support" and _worried_about(raw, start))
                or (term.code in SCREENS and _too_much(raw, start, start + n))
            )
            if turned_down:
                turned_down_at.setdefault(term.id, start)
            elif term.id in turned_down_at and not CLAUSE_BREAKS & set(raw[turned_down_at[term.id] : start]):
                # "not camhs, the waiting list is ages": naming it again, in other words, still turns it down.
                turned_down = True
            if not turned_down and _taken_back(raw, start + n, answers):
                # "football... actually no, basketball": the "no" takes back what was just said.
                turned_down = True
                turned_down_at.setdefault(term.id, start)
            into = negated if turned_down else found
            if term not in into:
                into.append(term)
            named_by.setdefault(term.id, []).append(" ".join(raw[start : start + n]))

        i = 0
        while i < len(lemmas):
            for n in range(min(MAX_PHRASE, len(lemmas) - i), 0, -1):
                key = tuple(lemmas[i : i + n])
                term = self.phrases.get(key)
                # "SEND" as typed, not "send" or "sending" (whose lemma is "send").
                capitals_only = (raw[i] in CAPITALS_ONLY or lemmas[i] in CAPITALS_ONLY) and not (
                    raw[i] in CAPITALS_ONLY and i > 0 and raw[i - 1] in SAYING_WHAT_THEY_ARE
                )
                if term is None or (n == 1 and capitals_only and raw[i] not in capitals):
                    continue
                take(term, i, n)
                used.update(range(i, i + n))
                i += n
                break
            else:
                i += 1
        found += [t for t in self.symbol_terms(text) if t not in found]
        if fuzzy:
            for pos, word in enumerate(raw):
                if pos in used or word in STOPWORDS or len(word) < 5 or word.isdigit() or is_english(word):
                    continue
                # One edit (a swap of neighbours counts as one), two for long words.
                edits = 2 if len(word) >= 8 else 1
                best = process.extractOne(word, self._single, scorer=OSA.distance, score_cutoff=edits)
                if best:
                    take(self._single_terms[best[0]], pos)
                    used.add(pos)
        # "no football, but football on saturdays" says both: what is asked for wins.
        negated = [t for t in negated if t not in found]
        return InterestMatch(found, [], [], used, negated, named_by)

    def symbol_terms(self, text: str) -> list[Term]:
        """Interests named by emoji ("⚽", "🎨"), which have no letters for the word matcher to read."""
        plain = _symbols(text)
        found: list[Term] = []
        for symbol, term in self.symbols.items():
            if symbol in plain and term not in found:
                found.append(term)
        return found

    def resolve(self, items: list[str]) -> InterestMatch:
        """Resolve a list of interests (codes, names or synonyms); report what is unknown."""
        terms: list[Term] = []
        unknown: list[str] = []
        for item in (i.strip() for i in items):
            if not item:
                continue
            if item in self.by_code:
                matched = [self.by_code[item]]
            elif item in self.terms:
                matched = [self.terms[item]]
            else:
                matched = self.find(item).terms
                if not matched:
                    best = process.extractOne(" ".join(phrase_key(item)), self._all, scorer=fuzz.ratio, score_cutoff=80)
                    matched = [self._term_for(best[0])] if best else []
            if matched:
                terms.extend(t for t in matched if t not in terms)
            else:
                unknown.append(item)
        suggestions = self.suggest(unknown) if unknown else []
        return InterestMatch(terms, unknown, suggestions, set())

    def suggest(self, unknown: list[str], limit: int = 6) -> list[Term]:
        picks: list[Term] = []
        for item in unknown:
            for choice, _score, _ in process.extract(
                " ".join(phrase_key(item)), self._all, scorer=fuzz.WRatio, limit=10, score_cutoff=60
            ):
                term = self._term_for(choice)
                if term not in picks and term.kind == "activity":
                    picks.append(term)
        # Never leave someone without options: fill with popular activities.
        for code in ("football", "drama", "music", "art", "gaming", "youth_club", "dance", "coding"):
            if len(picks) >= limit:
                break
            if code in self.by_code and self.by_code[code] not in picks:
                picks.append(self.by_code[code])
        return picks[:limit]

    def with_children(self, term: Term) -> list[Term]:
        """A parent term ("sport") stands for all its children ("football", "boxing", ...)."""
        out = [term]
        for child in self.children.get(term.id, []):
            out.extend(self.with_children(child))
        return out
