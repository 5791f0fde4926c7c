"""Word lists the normaliser uses: text-speak, emoji, leetspeak and risk key words.

Kept apart from the rules so that both can grow without touching each other's
logic. Everything here is lowercase and accent-free, because the normaliser
lowercases and strips accents before it looks anything up.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# One token -> its plain-English expansion. Apostrophes are already removed
# ("don't" -> "dont") so one entry covers both spellings. Expansions to the
# empty string drop pure fillers ("ngl", "tbh") that would otherwise read as
# negations ("not gonna lie") or split a pattern.
TEXTSPEAK: dict[str, str] = {
    # pronouns, be, have
    "u": "you", "ya": "you", "yu": "you", "ur": "your", "youre": "you are",
    "r": "are", "im": "i am", "iam": "i am", "ima": "i am going to",
    "imma": "i am going to", "ive": "i have", "id": "i would", "iv": "i have",
    "hes": "he is", "shes": "she is", "theyre": "they are", "thats": "that is",
    "whats": "what is", "theres": "there is", "wheres": "where is",
    "youve": "you have", "theyve": "they have", "weve": "we have",
    "theyd": "they would", "hed": "he would",
    "theyll": "they will", "youll": "you will", "itll": "it will", "youd": "you would",
    "someones": "someone is", "somebodys": "somebody is", "everyones": "everyone is",
    # Scouse/Northern forms
    "meself": "myself", "mesel": "myself", "mysef": "myself", "myslf": "myself",
    "hisself": "himself", "herslf": "herself", "themself": "themselves",
    "yaself": "yourself", "urself": "yourself", "yerself": "yourself",
    "mam": "mum", "mom": "mum", "mommy": "mum", "mummy": "mum", "mumma": "mum",
    "mother": "mum", "da": "dad", "daddy": "dad", "father": "dad", "pops": "dad",
    "stepdad": "step dad", "stepmum": "step mum", "stepmom": "step mum",
    "stepson": "step son", "stepdaughter": "step daughter",
    "bf": "boyfriend", "gf": "girlfriend", "bff": "best friend",
    "bestie": "best friend", "besty": "best friend", "bezzie": "best friend",
    "bezza": "best friend", "bestfriend": "best friend", "m8": "mate", "m8s": "mates",
    "yo": "year old", "yr": "year", "yrs": "years", "y/o": "year old",
    # negations
    "dont": "do not", "dnt": "do not", "doesnt": "does not", "didnt": "did not",
    "didint": "did not", "cant": "can not", "cannot": "can not", "cnt": "can not",
    "carnt": "can not", "cudnt": "could not", "wont": "will not", "wouldnt": "would not",
    "wudnt": "would not", "shouldnt": "should not", "couldnt": "could not",
    "isnt": "is not", "aint": "am not", "arent": "are not", "wasnt": "was not",
    "werent": "were not", "havent": "have not", "hasnt": "has not",
    "hadnt": "had not", "mustnt": "must not", "neva": "never", "nevr": "never",
    "nt": "not", "nothin": "nothing",
    # verbs
    "wanna": "want to", "wana": "want to", "wnna": "want to", "wan": "want",
    "wnt": "want", "wannna": "want to", "wantto": "want to",
    "gonna": "going to", "gona": "going to", "gna": "going to", "gunna": "going to",
    "finna": "going to", "gon": "going to", "tryna": "trying to", "gotta": "got to",
    "hafta": "have to", "needa": "need to", "kinda": "kind of", "sorta": "sort of",
    "outta": "out of", "lotta": "lot of", "lemme": "let me", "gimme": "give me",
    "dunno": "do not know", "idk": "i do not know", "idc": "i do not care",
    "idgaf": "i do not care", "cba": "can not be bothered",
    # time and place
    "rn": "right now", "atm": "at the moment", "tn": "tonight", "2nite": "tonight",
    "2night": "tonight", "tonite": "tonight", "2day": "today", "tdy": "today",
    "2moro": "tomorrow", "2morrow": "tomorrow", "tmrw": "tomorrow", "tmr": "tomorrow",
    "tomoz": "tomorrow", "2mrw": "tomorrow", "b4": "before", "nomore": "no more",
    "nemore": "anymore", "anymoe": "anymore", "no1": "no one", "noone": "no one",
    "sum1": "someone", "some1": "someone", "somone": "someone", "any1": "anyone",
    "every1": "everyone", "evry1": "everyone", "evryone": "everyone", "ppl": "people",
    "nowere": "nowhere", "nowear": "nowhere",
    # glue words
    "bc": "because", "bcos": "because", "bcoz": "because", "cuz": "because",
    "coz": "because", "cos": "because", "cus": "because", "bcuz": "because",
    "becuz": "because", "bcs": "because", "cause": "because",
    "pls": "please", "plz": "please", "plez": "please", "n": "and", "nd": "and",
    "wiv": "with", "wif": "with", "wid": "with", "abt": "about", "bout": "about",
    "thru": "through", "kno": "know", "knw": "know", "noe": "know", "wen": "when",
    "wat": "what", "wot": "what", "wut": "what", "y": "why", "h8": "hate",
    "gr8": "great", "l8": "late", "l8r": "later", "w8": "wait", "str8": "straight",
    "alot": "a lot", "evry": "every", "sumthing": "something", "smth": "something",
    "pic": "pics", "pix": "pics", "piccies": "pics", "vids": "videos", "vid": "video",
    "ded": "dead", "hrt": "hurt", "slf": "self", "pils": "pills",
    "meds": "medication", "medicine": "medication",
    # risk slang, expanded to the words the rules know
    "kms": "kill myself", "kys": "kill yourself", "ctb": "kill myself",
    "kmsl": "lol", "sewerslide": "suicide", "suicid": "suicide", "sui": "suicidal",
    "selfharm": "self harm", "selfharming": "self harming", "selfharmed": "self harmed",
    "selfharms": "self harms", "shing": "self harming",
    "oding": "overdosing", "oded": "overdosed", "kil": "kill", "kiled": "killed",
    "unaliving": "unalive", "unalived": "unalive", "unalives": "unalive",
    "nudez": "nudes", "noods": "nudes", "nudies": "nudes",
    # fillers that carry no meaning here but look like negations or break patterns
    "ngl": "", "tbh": "", "tbf": "", "fr": "", "frfr": "", "ong": "", "lowkey": "",
    "highkey": "", "deadass": "", "istg": "", "icl": "", "ig": "", "imo": "",
    "smh": "", "fml": "", "omg": "", "omfg": "", "bruh": "", "fs": "", "irl": "",
    "lmao": "lol", "lmfao": "lol", "rofl": "lol", "lool": "lol", "lel": "lol",
    "haha": "lol", "hahaha": "lol", "ahaha": "lol", "xd": "lol",
}

# Slang whose meaning depends on the words around it; the normaliser resolves
# them (see normalise._resolve_context_slang).
SH_CONTEXT_BEFORE = frozenset(
    "i ive have been to do did my started start stop stopped quit still "
    "keep kept relapsed relapse and from about on with".split()
)
SH_CONTEXT_AFTER = frozenset(
    "again scars scar cuts urges urge relapse marks wounds free clean "
    "myself thoughts tonight".split()
)

# Emoji that carry a risk meaning in context. They become words, so that a
# first-person phrase ("i want to 🔪 myself") reads like its spelt-out form,
# while a lone emoji ("🔪") matches no rule.
EMOJI: dict[str, str] = {
    "\U0001F52A": "knife",  # kitchen knife
    "\U0001F5E1": "knife",  # dagger
    "\U0001FA78": "blood",  # drop of blood
    "\U0001F48A": "pills",  # pill
    "\U0001F52B": "gun",  # pistol
    "\U0001FAA2": "rope",  # knot
    "\u26B0": "coffin",  # coffin
    "\U0001FAA6": "grave",  # headstone
    "\U0001F309": "bridge",  # bridge at night
    "\U0001F686": "train", "\U0001F684": "train", "\U0001F682": "train",
    "\U0001F687": "train",
    "\U0001F198": "help",  # SOS
    # Crying with laughter is banter's mark, read as "lol" (which many rules' excludes name); so is the
    # skull ("im dead 💀", "gonna die 💀"): dead of laughing or embarrassment.
    "\U0001F602": "lol", "\U0001F923": "lol",
    "\U0001F480": "lol",
}

# Leetspeak, only applied to tokens that mix letters with these characters,
# so numbers ("0800 1111", "14") stay numbers.
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                      "@": "a", "$": "s", "!": "i", "|": "l"})

# Risk-bearing words the rules are written with. Misspelt tokens are
# fuzzy-matched against these only (never against general vocabulary), and
# these win when collapsing repeated letters ("kiiiill" -> "kill").
KEYWORDS: frozenset[str] = frozenset("""
suicide suicidal suicidally kill killing killed kills myself himself herself
themselves yourself overdose overdosed overdosing harm harming harmed harms self
cutting cutter cuts alive living life anymore abuse abused abusing abusive
abuser groomed grooming groomer molested molesting raped rape rapist touched
touching touches touch knife knives following followed follows collapsed
unconscious breathing paracetamol tablets pills medication painkillers
ibuprofen nudes naked pictures photos threatening threatened threatens
blackmail blackmailing blackmailed sextortion sextort sextorted sextorting exploited exploiting
exploitation county lines marriage married marry bridge hang hanging hanged
noose razor razors blade blades wrists wrist scars disappear existing exist
worthless burden pointless without everyone nobody someone strangled
strangling strangles punches punched punching kicks kicked kicking beats
beaten beating slaps slapped slapping hitting hurting hurt scared terrified
frightened tonight danger dangerous stabbed stabbing stab weapon machete
unalive dying die died dead death suicidal wanting want going nothing point
anymore breathe breath better gone ending lighter starve starving bleeding
bleed violent violence domestic sexually sexual assault assaulted forced
forcing secret trafficked trafficking drugs dealing chokes choking choked
batters battered battering unresponsive seizure fitting locked trapped
homeless outside someone somebody everybody parents boyfriend girlfriend
daughter son friend mate sister brother uncle stepdad teacher coach
""".split())


# Local names the spaCy word list lacks and fuzzy correction would otherwise
# turn into risk words: "battered by everton" must not become "battered by everyone".
LOCAL_WORDS: frozenset[str] = frozenset("""
everton evertonian evertonians goodison tranmere toffees
macbeth banquo macduff birling birlings
""".split())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Real English words that fuzzy correction must leave alone."""
    path = Path(__file__).parent / "data" / "common_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))
