"""Tokens and lemmas: spaCy's English lookup lemmatizer (spacy-lookups-data), no model download.

`spacy.blank("en")` with `lemmatizer(mode="lookup")` reads its table from
spacy-lookups-data's `en_lemma_lookup.json.gz`. We read that same file directly
and memoise per token: the same lemmas (a test compares every entry with spaCy's
own pipeline) without importing spaCy into a long-running server, which would cost
about 60 MB of memory for nothing.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

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
def _lemma_table() -> dict[str, str]:
    import spacy_lookups_data

    # The registry names the JSON file; the package ships it gzipped, as spaCy's loader expects.
    path = Path(str(spacy_lookups_data.en["lemma_lookup"]) + ".gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def spacy_lemmatizer():
    """spaCy's own blank English pipeline with the lookup lemmatizer (used to check ours)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    found = _lemma_table().get(word)
    if isinstance(found, str):
        return found
    full = spoken(word)
    return lemma(full) if full != word else word


def spoken(word: str) -> str:
    """A word typed as it is said, its final g dropped ("lookin", "swimmin"), written out in full; any other word
    as it is. Only where the full word is English and the typed one is not: "robin" and "cabin" stay."""
    if len(word) < 5 or not word.endswith("in") or word in _lemma_table() or word in _base_forms():
        return word
    full = word + "g"
    return full if full in _lemma_table() or full in _base_forms() or full in STOPWORDS else word


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
    return word in _lemma_table() or word in _base_forms() or spoken(word) != word
