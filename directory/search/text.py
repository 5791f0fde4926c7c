"""Tokens and lemmas: spaCy's English lookup lemmatizer (spacy-lookups-data), no model download.

We read spaCy's lemma table once and memoise per token: the same lemmas as
`spacy.blank("en")` + lemmatizer(mode="lookup"), at a fraction of the cost for
100,000 services.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOKEN = re.compile(r"[a-z0-9]+(?:[+][a-z0-9]*)?\+?")

# Words that carry no meaning for matching services. Small on purpose: "free",
# "near", "club" and ages are handled by the query parser, not dropped here.
STOPWORDS = frozenset(
    """a an and are as at be but by for from has have i im i'm in into is it its me my of on or our
    so that the their them there they this to was we what where which who will with you your u ur
    any some something somewhere anything stuff things thing like likes liked love loves want wanna
    looking look find get got can could would should do does doing go going please pls plz help
    know about just really also more much very thanks hi hey hello ok okay yeah yes no not whats wat wot
    wheres there theres is are got gonna cud can't cant u r ya yall""".split()
)


@lru_cache(maxsize=1)
def _lemma_table():
    import spacy

    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return lemmatizer.lookups.get_table("lemma_lookup")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    found = _lemma_table().get(word)
    return found if isinstance(found, str) else word


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def words(text: str) -> list[str]:
    return TOKEN.findall(fold(text).replace("'", ""))


def terms(text: str) -> list[str]:
    """Lemmatised content tokens of a text, in order."""
    return [lemma(w) for w in words(text) if w not in STOPWORDS]


@lru_cache(maxsize=1)
def _base_forms() -> frozenset[str]:
    return frozenset(v for v in _lemma_table().values() if isinstance(v, str))


def is_english(word: str) -> bool:
    """A word spaCy's lemma table knows (as a form or a base form): so not a typo to correct."""
    return word in _lemma_table() or word in _base_forms()
