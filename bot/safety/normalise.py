"""Turn a raw chat message into a canonical token string the rules can read.

Young people write "im gonna k1ll myslef 😭", "wnt 2 die", "kiiiill me".
Everything here exists so that one plainly written rule ("i am going to kill
myself") covers all of those spellings. The output is lowercase ASCII words
separated by single spaces, with " . " marking the end of a clause.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import product

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.safety.lexicon import (
    EMOJI,
    KEYWORDS,
    LEET,
    LOCAL_WORDS,
    SH_CONTEXT_AFTER,
    SH_CONTEXT_BEFORE,
    TEXTSPEAK,
    common_words,
)

BOUNDARY = "."

_KEYWORD_LIST = sorted(KEYWORDS)
_APOSTROPHES = re.compile(r"[\u2019\u2018\u02bc\u0060\u00b4']")
_DOTTED_ABBREV = re.compile(r"\b(?:[a-z]\.){1,5}[a-z]\b\.?")
_INNER_BANG = re.compile(r"(?<=[a-z])[!|](?=[a-z])")
_ELLIPSIS = re.compile(r"\.{2,}|\u2026")
_CLAUSE_END = re.compile(r"[.!?;:\n\r]+")
_TOKEN = re.compile(r"[a-z0-9@$*]+|\.")
_AGE = re.compile(r"(\d{1,2})(?:yo|yrs?|y|yearold|years?)")
_REPEAT = re.compile(r"([a-z])\1+")
_LEETABLE = re.compile(r"[0-9@$]")
_DECADE = re.compile(r"\d{2,4}s")
_WILL = re.compile(r"\b(he|she|we|it|that|there|who)['\u2019\u2018`]ll\b")
_HAS_ALPHA = re.compile(r"[a-z]")
# Someone else's words in quotes, named as a song, a line or a title just before them ('the single
# "goodbye forever"', 'the line "i dont wanna wake up without you"', 'that song about a lad "out on the
# streets"'): the quoted words are a title, not the speaker's own, and are read as the word "title".
_QUOTED_TITLE = re.compile(
    r"\b(song|songs|single|track|tune|lyric|lyrics|line|lines|album|chorus|verse|anthem|banger|"
    r"titled|sings|sang|singing|rap|bars|episode|chapter)\b((?:\s+[\w']+){0,4}?)\s*"
    r"[\"\u201c\u201d\u201e\u00ab]([^\"\u201c\u201d\u201e\u00ab\u00bb\n]{1,120})[\"\u201c\u201d\u00bb]"
)
# Real words that would otherwise gain a "g" like dropped-g slang ("thinkin").
_REAL_IN_WORDS = frozenset(
    "aspirin basin chin puffin raisin sein thin within jerkin dunkin win pin bin sin tin kin din shin".split()
)

# Joined back into one word unless "self" starts a compound ("my self harm").
_SPLIT_SELF = re.compile(
    r"\b(my|him|her|them|your|our) ?(self|selves)\b"
    r"(?! (?:harm|harming|harmed|harms|esteem|care|confidence|worth|image|"
    r"conscious|defence|defense|control|love|respect|belief|doubt|help))"
)
_REFLEXIVE = {"my": "myself", "him": "himself", "her": "herself",
              "them": "themselves", "your": "yourself", "our": "ourselves"}

# Multi-word slang, applied to the joined token string. Each entry has a
# plain substring that must be present, so most messages skip the regex.
_PHRASES: list[tuple[str, re.Pattern[str], str]] = [
    (guard, re.compile(p), r) for guard, p, r in [
        ("no where", r"\bno where\b", "nowhere"),
        ("no body", r"\bno body\b", "nobody"),
        ("any more", r"\bany more\b", "anymore"),
        ("every one", r"\bevery one\b", "everyone"),
        ("some one", r"\bsome one\b", "someone"),
        ("un alive", r"\bun alive\b", "unalive"),
        ("sewer", r"\bsewer slide\b", "suicide"),
        ("toaster", r"\btoaster bath\b", "suicide"),
        ("s h", r"\bs h\b", "self harm"),
        ("k m s", r"\bk m s\b", "kill myself"),
        ("yeet", r"\byeet(?:ing|ed)? myself\b", "throw myself"),
        ("rapped", r"\b(was|got|been|being|get|gets|getting) rapped\b", r"\1 raped"),
        ("overdoes", r"\b(an|took|take|taking|taken) overdoes\b", r"\1 overdose"),
        ("sh ing", r"\bsh ing\b", "self harming"),
        ("is been", r"\b(someone|somebody|he|she|it|everyone|there|dad|mum|my \w+) is been\b", r"\1 has been"),
        ("s ", r"\b(friend|mate|mum|dad|brother|sister|son|daughter|boyfriend|girlfriend|baby|nan|grandad|"
         r"partner|cousin|bestie|best friend|da|ma|mam|step dad|step mum|uncle|ex)s (?=not\b|unconscious\b|"
         r"bleeding\b|having\b|choking\b|hurt\b|in a\b|unresponsive\b|always\b|hitting\b|beating\b|"
         r"kicking\b|punching\b|hurting\b|shouting\b|screaming\b|drunk\b|angry\b|coming\b|outside\b|"
         r"going\b|gonna\b|just\b)", r"\1 is "),
        ("s ", r"\b(friend|mate|mum|dad|brother|sister|son|daughter|boyfriend|girlfriend|baby|nan|grandad|"
         r"partner|cousin|bestie|best friend)s (?=collapsed\b|overdosed\b|taken\b|passed\b|fainted\b|"
         r"stopped\b|been\b|gone\b)", r"\1 has "),
        ("s got ", r"\b(dad|mum|step dad|brother|sister|uncle|boyfriend|girlfriend|ex|cousin|friend|mate|"
         r"partner|neighbour|man|guy|lad|bloke)s got\b", r"\1 has got"),
        ("self del", r"\bself (?:delete|deleting)\b", "kill myself"),
        ("self", r"\b(?:delete|end|off|top|neck|game end|rope) (myself|himself|herself|themselves|yourself)\b",
         r"kill \1"),
        ("self", r"\b(?:deleting|ending|offing|topping|necking|roping) (myself|himself|herself|themselves|yourself)\b",
         r"killing \1"),
        ("myself in", r"\bdo myself in\b", "kill myself"),
        ("commit ", r"\bcommit (?:die|toaster bath)\b", "kill myself"),
        (" y", r"\b(\d{1,2}) (?:yo|y o|yrs? old|years? old|yr|yrs)\b", r"\1 year old"),
        (" 2 ", r"\b(\w+) 2 (?=[a-z])", r"\1 to "),
        (" too", r"\b(want|wanna|going|need|have|got|ready|about|trying|try|tried|planning|deserve) too\b",
         r"\1 to"),
        # "i wanna dye" at the end of a clause is the typo; "dye my hair" is not
        ("dye", r"\b(want to|going to|about to|ready to|need to|deserve to) dye(?= ?(?:$|\.| and| i| so| lol| "
         r"tonight| now| right now| because| please| honestly))", r"\1 die"),
    ]
]


def normalise(text: str) -> str:
    """Canonical form of `text`: see the module docstring."""
    t = unicodedata.normalize("NFKC", text)
    for symbol, word in EMOJI.items():
        if symbol in t:
            t = t.replace(symbol, f" {word} ")
    t = _strip_accents(t.lower())
    t = _QUOTED_TITLE.sub(r"\1\2 title", t)
    t = re.sub(r"\bo\.?d'(?:e?d)\b", " overdosed ", t)  # before apostrophes go: "odd" is a word
    t = re.sub(r"\bo\.?d'ing\b", " overdosing ", t)
    t = re.sub(r"\bs/h\b", " sh ", t)
    t = re.sub(r"\by/o\b", " yo ", t)
    t = re.sub(r"\bw/", " with ", t)
    t = _WILL.sub(r"\1 will", t)  # "he'll", "she'll", "we'll" would read as "hell", "shell", "well"
    t = _APOSTROPHES.sub("", t)
    t = _DOTTED_ABBREV.sub(lambda m: m.group(0).replace(".", ""), t)
    t = _INNER_BANG.sub("i", t)
    t = t.replace("-", " ").replace("_", " ").replace("&", " and ")
    t = _ELLIPSIS.sub(" ", t)
    t = _CLAUSE_END.sub(" . ", t)
    raw = _TOKEN.findall(t)

    tokens: list[str] = []
    for tok in raw:
        tokens.extend(_normalise_token(tok).split())
    tokens = _resolve_context_slang(tokens)

    joined = " ".join(tokens)
    joined = _SPLIT_SELF.sub(lambda m: _REFLEXIVE[m.group(1)], joined)
    for guard, pattern, repl in _PHRASES:
        if guard in joined:
            joined = pattern.sub(repl, joined)
    joined = re.sub(r"(?:\s*\.\s*)+", " . ", f" {joined} ")
    return joined.strip(" .")


def _strip_accents(t: str) -> str:
    decomposed = unicodedata.normalize("NFKD", t)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _known(tok: str) -> bool:
    return tok in KEYWORDS or tok in TEXTSPEAK or tok in LOCAL_WORDS or tok in common_words()


def _normalise_token(tok: str) -> str:
    if tok == BOUNDARY:
        return tok
    age = _AGE.fullmatch(tok)
    if age:
        return f"{age.group(1)} year old"
    if _DECADE.fullmatch(tok):
        return tok  # "men in their 20s", "the 90s": a number, not leetspeak ("2os")
    if tok in TEXTSPEAK:
        return TEXTSPEAK[tok]
    if "*" in tok:
        tok = _uncensor(tok)
    if _LEETABLE.search(tok) and _HAS_ALPHA.search(tok):
        tok = tok.translate(LEET)
        if tok in TEXTSPEAK:
            return TEXTSPEAK[tok]
    tok = re.sub(r"[^a-z0-9]", "", tok)
    if not tok or not tok.isalpha():
        return tok
    if not _known(tok):
        tok = _collapse_repeats(tok)
        if tok in TEXTSPEAK:
            return TEXTSPEAK[tok]
    if tok.endswith("in") and tok not in _REAL_IN_WORDS and _known(tok + "g"):
        tok += "g"  # "cuttin", "thinkin", "killin"
    if not _known(tok):
        corrected = _fuzzy(tok)
        if corrected != tok:
            return corrected
        return _split_run_together(tok)
    return tok


# Short words the common-words list leaves out (it only holds words of 4+ letters).
_SHORT_WORDS = frozenset("""
i a to me my so im u ur and of in on it be do go no up we he she is am are the die cut end kms kys
off top own all can not now why how who out bad sad for an at by if or us too get got let had has
""".split())


def _split_run_together(tok: str) -> str:
    """ "iwanttodie" -> "i want to die": only when every piece is a word and one is a risk word."""
    n = len(tok)
    if n < 5 or n > 30:
        return tok
    vocab = common_words()

    def risky(piece: str) -> bool:
        return piece in _RISK_CORE or any(w in _RISK_CORE for w in TEXTSPEAK.get(piece, "").split())

    # best[i]: (pieces, -risky pieces, the pieces) for tok[:i]; fewest pieces, then most risky ones.
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - 12), end):
            piece = tok[start:end]
            prefix = best[start]
            if prefix is None or not (piece in _SHORT_WORDS or piece in vocab or piece in KEYWORDS
                                      or piece in TEXTSPEAK):
                continue
            candidate = (prefix[0] + 1, prefix[1] - risky(piece), [*prefix[2], piece])
            if best[end] is None or candidate[:2] < best[end][:2]:
                best[end] = candidate
    found = best[n]
    if found is None or found[0] < 2 or found[1] == 0:
        return tok
    return " ".join(TEXTSPEAK.get(p, p) for p in found[2])


# Words that make a run-together token worth splitting.
_RISK_CORE = frozenset("""
die dying dead kill killing myself suicide suicidal harm cut cutting overdose unalive hang
hanging life alive end ending self hurt hurting rape raped abuse abused nudes knife gun
""".split())


def _uncensor(tok: str) -> str:
    """ "k*ll", "su*cide" -> the one key word they can stand for, if any."""
    pattern = re.compile("^" + ".+".join(re.escape(p) for p in tok.split("*")) + "$")
    matches = [k for k in _KEYWORD_LIST if pattern.match(k)]
    return matches[0] if len(matches) == 1 else tok.replace("*", "")


def _collapse_repeats(tok: str) -> str:
    """ "kiiiill" -> "kill", "dieee" -> "die", "pleaseee" -> "please"."""
    runs = [(m.group(1), len(m.group(0))) for m in _REPEAT.finditer(tok)]
    if not runs or len(runs) > 5:
        return tok
    parts = _REPEAT.split(tok)  # text between runs, with each run's letter between
    options = [(1, 2) if n >= 2 else (1,) for _, n in runs]
    best: str | None = None
    for choice in product(*options):
        rebuilt = []
        for i, piece in enumerate(parts[0::2]):
            rebuilt.append(piece)
            if i < len(runs):
                rebuilt.append(runs[i][0] * choice[i])
        cand = "".join(rebuilt)
        if cand in KEYWORDS:
            return cand
        if best is None and _known(cand):
            best = cand
    if best is not None:
        return best
    # Unknown either way: squeeze runs of three or more so fuzzy matching has a chance.
    return re.sub(r"([a-z])\1{2,}", r"\1\1", tok)


def _fuzzy(tok: str) -> str:
    """Correct a misspelt risk word ("sucide", "myslef"); leave anything else alone."""
    if len(tok) < 4:
        return tok
    max_edits = 1 if len(tok) <= 6 else 2
    found = process.extract(tok, _KEYWORD_LIST, scorer=OSA.distance,
                            score_cutoff=max_edits, limit=5)
    if not found:
        return tok
    # Fewest edits first; then prefer the same first letter and similar length,
    # which is how people misspell (dropped or swapped inner letters).
    best = min(found, key=lambda f: (f[1], f[0][0] != tok[0], abs(len(f[0]) - len(tok)), f[0]))
    return best[0]


_OD_BEFORE = frozenset(
    "to an gonna going will might i wanna want and just nearly almost about "
    "tried try could should would gon".split()
)
_ILL_NEXT = frozenset(
    "kill end do just be never hurt cut take jump hang probably actually "
    "literally go make try disappear die stab overdose".split()
)
_HE_WILL_NEXT = frozenset(
    "come find see know kill hurt hit beat stab get tell send post share leak "
    "probably definitely show expose upload spread leave batter smash ruin".split()
)
_SCOUSE_PARENT = {"das": "dad", "mas": "mum", "mams": "mum", "nans": "nan"}
_IS_NEXT = frozenset(
    "always hitting beating kicking punching hurting shouting screaming drunk angry coming outside going "
    "gonna just not being really so".split()
)
_POSSESSABLE = frozenset(
    "mum dad step nan nana grandad brother sister bro sis family mate mates da ma das mas mams nans "
    "friend friends boyfriend girlfriend uncle auntie aunt cousin arms arm "
    "wrists wrist legs leg body house room head life".split()
)


def _join_spelt_out(tokens: list[str]) -> list[str]:
    """ "d i e" -> "die", "k i l l" -> "kill": letters typed one at a time."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and len(tokens[j]) == 1 and tokens[j].isalpha():
            j += 1
        if j - i >= 3:
            letters = tokens[i:j]
            replaced = False
            for size in range(len(letters), 2, -1):  # longest word first
                for start in range(0, len(letters) - size + 1):
                    word = "".join(letters[start:start + size])
                    if word in KEYWORDS or word in TEXTSPEAK:
                        out.extend(letters[:start])
                        out.extend(TEXTSPEAK.get(word, word).split())
                        out.extend(letters[start + size:])
                        replaced = True
                        break
                if replaced:
                    break
            if not replaced:
                out.extend(letters)
            i = j
        else:
            out.append(tokens[i])
            i += 1
    return out


def _resolve_context_slang(tokens: list[str]) -> list[str]:
    """Slang that needs its neighbours: "sh", "od", "ill", Scouse "me" for "my"."""
    tokens = _join_spelt_out(tokens)
    out: list[str] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i > 0 else BOUNDARY
        nxt = tokens[i + 1] if i + 1 < n else BOUNDARY
        if tok == "sh" and (prev in SH_CONTEXT_BEFORE or nxt in SH_CONTEXT_AFTER):
            out.extend(["self", "harm"])
        elif tok == "od" and (prev in _OD_BEFORE or nxt == "on"):
            out.append("overdose")
        elif tok == "ill" and prev in (BOUNDARY, "and", "but", "then", "so", "or") and nxt in _ILL_NEXT:
            out.extend(["i", "will"])
        elif tok in ("hell", "shell") and nxt in _ILL_NEXT | _HE_WILL_NEXT:
            out.extend(["he" if tok == "hell" else "she", "will"])  # "he'll", "she'll"
        elif tok == "shed" and nxt in _ILL_NEXT | _HE_WILL_NEXT:
            out.extend(["she", "would"])  # "she'd"
        elif tok in _SCOUSE_PARENT and prev in ("me", "my"):
            # "me da's always hitting me" -> "my dad is always ..."; "me da's car" -> "my dad car"
            out.append(_SCOUSE_PARENT[tok])
            if nxt in _IS_NEXT:
                out.append("is")
        elif tok == "me" and nxt in _POSSESSABLE and prev not in ("to", "hit", "hits"):
            out.append("my")
        else:
            out.append(tok)
    return out
