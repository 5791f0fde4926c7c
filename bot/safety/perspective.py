"""Rewrite a report about someone else into the first person.

"my son said he wants to kill himself" becomes "i said i wants to kill myself",
so the first-person rules find it; the detector then files it as a
third-party report (parent_worried). Two rewrites are tried:

- objects only: "her dad hits her" -> "my dad hits me" (the victim is the
  object; the perpetrator stays a third person);
- everything: the person spoken about becomes "i" as well.
"""

from __future__ import annotations

import re

from bot.safety.patterns import expand

_ANCHOR = re.compile(r"\b" + expand(r"{ANCHOR}") + r"\b")
_MEDIA = re.compile(
    r"\b(?:film|movie|book|show|series|episode|season|character|characters|anime|manga|"
    r"game|song|lyrics|story|novel|play|poem|tv|netflix|documentary|news|article|history|"
    r"essay|celebrity|singer|actor|actress|rapper|youtuber|streamer|influencer|soap|"
    r"eastenders|hollyoaks|corrie|coronation street|13 reasons why|in the end|studying|study|"
    r"reading|romeo|juliet|shakespeare|macbeth|hamlet|of mice and men|english lit|literature|"
    r"chapter|coursework|assignment|textbook|plot|scene|storyline|fiction|"
    # Cartoons, music videos, sitcoms, comics: "in the music video they all fall off a roof".
    r"cartoon|cartoons|music video|sitcom|comic|comics|animation|"
    # School set texts, read and discussed in class: "were doing an inspector calls, why did eva smith drink..."
    r"an inspector calls|blood brothers|a christmas carol|jekyll and hyde|lord of the flies|frankenstein|"
    r"animal farm|great expectations|the crucible|othello|private peaceful|never let me go|jane eyre|"
    r"the curious incident|a kestrel for a knave|anita and me|the woman in black|war poetry|poetry anthology)\b"
)

# Verbs after which the person spoken about is the object, not the subject:
# "someone is grooming my son" -> "someone is grooming me".
_OBJECT_VERBS = frozenset("""
grooming groomed grooms groom abusing abused abuses abuse hitting hit hits beating
beat beats touching touched touches hurting hurt hurts exploiting exploited exploits
following followed follows threatening threatened threatens blackmailing blackmailed
raping raped molesting molested messaging messaged texting texted pressuring
pressured forcing forced making made asking asked sextorting battering batters
chokes choking choked locked locks kicked chucked sending sent attacked attacking
stalking stalked controlling controls paying paid giving gave bullying bullied
""".split())

# A possessive without its apostrophe ("my daughters arms"), told apart from a
# plural subject ("my friends are cutting") by the word after it.
_POSSESSIVE_ANCHOR = re.compile(
    r"\b(?:my|our) (?:\d{1,2} year old |little |older |younger |big |baby |best |teenage |step )*"
    r"(?:son|daughter|child|kid|friend|mate|sister|brother|cousin|niece|nephew|grandson|"
    r"granddaughter|pupil|student|boyfriend|girlfriend|partner|bestie|teenager)s "
    r"(?!(?:are|were|have|keep|kept|said|say|told|all|both|and|who|think|want|do|did|been|get|"
    r"got|always|never|just|really|also|is|was|will|would|can|could|might|seem|feel|"
    r"at|in|on|from|with)\b)(?=[a-z])"
)

_PEER_OF_ANCHOR = re.compile(
    r"\b(?:my|our) (?:son|daughter|child|kid|friend|mate|sister|brother|cousin|pupil|student)s "
    r"(?:best )?(?:friend|mate|classmate|sister|brother|cousin)\b"
)

_SUBJECT_PRONOUNS = {"he": "i", "she": "i", "they": "i"}
_OBJECT_PRONOUNS = {"him": "me", "them": "me", "his": "my", "their": "my", "theirs": "mine",
                    "himself": "myself", "herself": "myself", "themselves": "myself",
                    "themself": "myself", "theirselves": "myself"}
# After "her", these words mean it is the object ("hits her and"); otherwise possessive.
_AFTER_OBJECT_HER = frozenset("""
and to . ~ in on at when with again up every because so but if until till a the too all
lol now right tonight anymore for by about from into over off or then down really
do go send touch feel keep take stay come get have sleep watch sit say call wear lie meet give kiss sell
carry hold work pay look think cry hurt cut leave stop eat drink play help use marry be out around
""".split())


def has_third_party(canonical: str) -> bool:
    if _ANCHOR.search(canonical) or _POSSESSIVE_ANCHOR.search(canonical):
        return True
    return any(
        t in _SUBJECT_PRONOUNS or t in _OBJECT_PRONOUNS or t == "her"
        for t in canonical.split()
    )


def anchored(canonical: str) -> bool:
    """Whether the message names someone the speaker knows ("my son", "a friend")."""
    return bool(_ANCHOR.search(canonical) or _POSSESSIVE_ANCHOR.search(canonical))


def about_media(canonical: str) -> bool:
    return bool(_MEDIA.search(canonical))


def objects_view(canonical: str) -> str:
    return " ".join(_swap_objects(canonical.split()))


def full_view(canonical: str) -> str:
    tokens = canonical.split()
    out: list[str] = []
    for tok in _swap_objects(tokens):
        out.append(_SUBJECT_PRONOUNS.get(tok, tok))
    text = " ".join(out)
    # "my sons friend is being abused": the friend is the one spoken about
    text = _PEER_OF_ANCHOR.sub("i", text)
    text = _ANCHOR.sub(_anchor_to_pronoun(text), text)
    # "cuts on my daughters arms" -> "cuts on my arms"; after the anchor swap,
    # so "my daughters boyfriend" stays someone else.
    text = _POSSESSIVE_ANCHOR.sub("my ", text)
    # "help my friend who is cutting" -> "help i is cutting"
    return re.sub(r"\b(i|me) (?:who|that) ", r"\1 ", text)


def _swap_objects(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if tok == "her":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else "."
            out.append("me" if nxt in _AFTER_OBJECT_HER else "my")
        else:
            out.append(_OBJECT_PRONOUNS.get(tok, tok))
    return out


def _anchor_to_pronoun(text: str):
    def repl(m: re.Match[str]) -> str:
        before = text[: m.start()].split()
        prev = before[-1] if before else "."
        return "me" if prev in _OBJECT_VERBS else "i"
    return repl
