"""Crisis detection: does this message show a risk that needs crisis contacts now?

Pure Python (the standard library, rapidfuzz and PyYAML for its data files,
plus the directory's standard-library age reader) so it runs in both
virtualenvs and inside the Rasa pipeline, with no network, no directory
service and no action server. Deterministic: the same text always gives the same
answer. The steps:

1. normalise the text (case, accents, emoji, leetspeak, text-speak, typos);
2. blank out idioms and topic phrases ("killing me", "suicide squad");
3. run the first-person rules, each with its subject, negation and accident
   checks;
4. if none fired, rewrite third-party reports into the first person and run
   the rules again; a hit there is a worried parent or friend;
5. if still none, compute the age gap between a child and a partner the
   message names (age_gap.py; the policy adds ages said in earlier turns);
6. if still none, the second net (net.py) reads the same canonical text; a hit
   there gets the full crisis reply of the route the net is sure of, or a
   check-in ("Are you safe?") where it is unsure which route fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.safety import age_gap, perspective
from bot.safety.idioms import MARK, neutralise
from bot.safety.net import net
from bot.safety.normalise import BOUNDARY, normalise
from bot.safety.patterns import expand
from bot.safety.rules import DANGER, EXPLOITATION, PARENT, PRECEDENCE, RULES, SUICIDE, Rule

# The route when only the second net fired: a gentle check-in with contacts on screen.
CHECK_IN = "check_in"
NET_RULE = "net"
# The rule id when the net fired and was sure of the route: "net.<route>".
NET_ROUTE_RULE = "net.{route}"

# A pasted essay must not stall the pipeline: a long message is read as its
# first and last this-many characters, where a risk statement will be.
MAX_CHARS = 2000


@dataclass(frozen=True)
class Assessment:
    category: str  # a route name in data/crisis_contacts.yml
    rule: str  # id of the rule that fired; never any of the message text


def assess(text: str) -> Assessment | None:
    """The risk `text` shows, or None. See the module docstring."""
    if not text or not text.strip():
        return None
    if len(text) <= MAX_CHARS:
        return _assess_window(text)
    return _assess_window(text[:MAX_CHARS]) or _assess_window(text[-MAX_CHARS:])


def _assess_window(text: str) -> Assessment | None:
    canonical = neutralise(normalise(text))
    if not canonical:
        return None
    found = _by_rules(canonical)
    if found is not None and found.category == DANGER and _story_only(canonical):
        return None
    if found is None and (gap := age_gap.assess(text)) is not None:
        found = Assessment(gap.category, age_gap.RULE)
    # A rule that matched and was then cancelled ("i would never kill myself", "cut myself
    # shaving", a film's plot) is a judgement the net must not overturn.
    # Emoji alone (no letters typed) are not read by the net: they count only with words.
    if found is None and _LETTER.search(text) and not _rule_declined(canonical):
        fired, route = net().verdict(canonical)
        if route:
            found = Assessment(route, NET_ROUTE_RULE.format(route=route))
        elif fired:
            found = Assessment(CHECK_IN, NET_RULE)
    # A risk told as past and over ("clean for 6 years", "were all fine now") with nothing saying it is back.
    if found is not None and _risk_is_over(canonical):
        return None
    return found


_LETTER = re.compile(r"[^\W\d_]")

# A risk told as past and over, with nothing saying it is back (word_classes.yml, "framing").
_PAST = re.compile(r"\b(?:" + expand("{PAST}") + r")\b")
_RESOLVED = re.compile(r"\b(?:" + expand("{RESOLVED}") + r")\b")
_RISK_NOW = re.compile(r"\b(?:" + expand("{RISK_NOW}") + r")\b")


_FICTION = re.compile(r"\b(?:" + expand("{FICTION}") + r")\b")
_SPEAKER = frozenset({"i", "me", "my", "we", "us", "our", "myself", "mine", "ourselves"})


def _story_only(canonical: str) -> bool:
    """A film, show, game or book described, with nobody from the speaker's own life in it."""
    return bool(_FICTION.search(canonical)) and not _SPEAKER.intersection(_FICTION.sub(" ", canonical).split())


def _risk_is_over(canonical: str) -> bool:
    """'i self harmed years ago but ive been clean for 6 years': past, over, and not back now."""
    return bool(_RESOLVED.search(canonical) and _PAST.search(canonical) and not _RISK_NOW.search(canonical))


def _rule_declined(canonical: str) -> bool:
    return any(
        (rule.needs is None or rule.needs.search(canonical)) and rule.pattern.search(canonical)
        for rule in RULES
    )


def net_reads(text: str) -> bool:
    """Whether the second net gets a say on `text`: no rule fired, none declined, no age gap."""
    canonical = neutralise(normalise(text or ""))
    return bool(canonical) and bool(_LETTER.search(text or "")) and _by_rules(canonical) is None \
        and not _rule_declined(canonical) and age_gap.assess(text) is None


def assess_rules(text: str) -> Assessment | None:
    """What the rules alone make of `text` (no age gap, no net): for evaluation."""
    canonical = neutralise(normalise(text or ""))
    return _by_rules(canonical) if canonical else None


def _by_rules(canonical: str) -> Assessment | None:

    hit = _best_hit(canonical)
    if hit is not None:
        rule, start = hit
        if rule.category != DANGER and (
            _reported_speech(canonical[:start]) or _child_in_clause(canonical, start)
        ):
            return Assessment(_third_party_route(rule, canonical), f"third_party.{rule.id}")
        return Assessment(rule.category, rule.id)

    if perspective.has_third_party(canonical):
        if perspective.about_media(canonical) and not perspective.anchored(canonical):
            return None
        for view in (perspective.objects_view(canonical), perspective.full_view(canonical)):
            hit = _best_hit(view)
            if hit is not None:
                rule = hit[0]
                return Assessment(_third_party_route(rule, canonical), f"third_party.{rule.id}")
    return None


# Someone else's suicide or self-harm happening as the message is typed ("my friend is on
# the bridge", "shes not answering", "it wont stop bleeding") needs the emergency route,
# not the worried-parent one.
_URGENT = re.compile(
    r"\b(?:right now|rn|as we speak|as i type|not answering|not picking up|not replying|"
    r"will not (?:answer|pick up|reply|wake up)|not responding|unresponsive|"
    r"on (?:the|a) (?:bridge|roof|ledge|edge|tracks|railway|train tracks)|in (?:his|her|their) hand|"
    r"(?:not|will not) stop(?:ping)? bleeding|is bleeding|bleeding (?:loads|badly|a lot|everywhere))\b"
)


def _third_party_route(rule: Rule, canonical: str) -> str:
    if rule.category == DANGER or (rule.category == SUICIDE and _URGENT.search(canonical)):
        return DANGER
    return PARENT


def _best_hit(text: str) -> tuple[Rule, int] | None:
    best = _first_hit(text, RULES)
    if best is not None and best[0].soft:
        exploited = _first_hit(text, _EXPLOITATION_RULES)
        if exploited is not None:
            return exploited
    return best


_EXPLOITATION_RULES = tuple(r for r in RULES if r.id in EXPLOITATION)


def _first_hit(text: str, rules: tuple[Rule, ...]) -> tuple[Rule, int] | None:
    """The most urgent rule that fires, with where its match starts."""
    best: tuple[Rule, int] | None = None
    for rule in rules:
        if best is not None and PRECEDENCE[rule.category] >= PRECEDENCE[best[0].category]:
            continue
        if rule.needs is not None and not rule.needs.search(text):
            continue
        if rule.requires is not None and not rule.requires.search(text):
            continue
        if rule.excludes is not None and rule.excludes.search(text):
            continue
        for m in rule.pattern.finditer(text):
            if _accepted(rule, text, m):
                best = (rule, m.start())
                break
    return best


# --- context checks ----------------------------------------------------------

_NEGATORS = frozenset({"not", "never", "nt"})
# Words that may stand between a negator and what it negates:
# "i do NOT really want to die", "i am NOT going to kill myself".
_NEGATION_BRIDGE = frozenset("""
to want wanna going gonna gon planning plan trying try about thinking think of will would
be am is are feel feeling really actually ever a i do does did intend intending ready
tempted just even have has got been like so that want wanted deliberately purposely
evr ever ever gonna mean meant definitely necessarily
""".split())
_FIRST = frozenset({"i", "me", "we", "us", "my", "myself", "our", "ourselves", "mine"})
_THIRD = frozenset("""
he she they him her them his their you your yourself someone somebody people everyone
everybody anyone anybody son daughter child kid kids boy girl lad lads teen teenager friend
friends mate mates pal sister brother cousin niece nephew grandson granddaughter pupil
student students boyfriend girlfriend partner classmate character characters man woman
person guy bloke men women mum dad parents old yourselves
""".split())
_QUESTION_OPENERS = frozenset({"what", "define", "meaning", "explain", "whats"})
_ACCIDENT = frozenset("""
shaving shave cooking chopping slicing peeling opening accidentally accident accidently
playing training football rugby pe gym match fell falling fall slipped slipping tripped
tripping trip skating skateboarding skateboard bike trampoline running practice oven hob
stove pan kettle iron straighteners tongs curling toast baking sun sunburn sunbathing
laughing laugh stairs ice paper glass tin fence door boxing sparring wrestling netball
hockey cricket basketball climbing dancing ballet gymnastics crash crashed woodwork dt
scissors stapler game fifa fortnite cycling cycle scooter horse riding pony sport sports
lifting weights tackle tackled knee ankle skiing ski snowboarding surfing hiking
skateboarding rollerblading rollerskating swimming diving tripped trampolining
skatepark skate bmx scootering parkour playground zipline
""".split())
# Hiding an injury ("how do i hide cuts for pe") says it was not an accident.
_PURPOSE = frozenset("purpose deliberately intentionally punish deserve urge urges hide hiding hid".split())


def _accepted(rule: Rule, text: str, m: re.Match[str]) -> bool:
    before = _clause_tokens_before(text, m.start())
    if rule.first_person and not _first_person(before, m.group(0), perspective.about_media(text)):
        return False
    if rule.negatable and _negated(before):
        return False
    if rule.accident and _accidental(before, _clause_tokens_after(text, m.end()), m.group(0).split()):
        return False
    return True


def _clause_tokens_before(text: str, start: int) -> list[str]:
    tokens = text[:start].split()
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in (BOUNDARY, MARK):
            return tokens[i + 1:]
    return tokens


def _clause_tokens_after(text: str, end: int, limit: int = 8) -> list[str]:
    out: list[str] = []
    for tok in text[end:].split():
        if tok in (BOUNDARY, MARK) or len(out) >= limit:
            break
        out.append(tok)
    return out


def _first_person(before: list[str], matched: str, about_media: bool) -> bool:
    """True unless the nearest subject before the match is someone else."""
    if matched.split()[0] in _FIRST:
        return True  # the match names its own subject: "i think i am being hit"
    for tok in reversed(before):
        if tok in _FIRST:
            return True
        if tok in _THIRD:
            return False
    # No subject at all: "feeling suicidal", "wanna die". Only a definition
    # question, or talk about a film or book, with nothing personal in the
    # match counts as not about the speaker.
    if about_media or (before and before[0] in _QUESTION_OPENERS):
        return any(t in _FIRST for t in matched.split())
    return True


def _negated(before: list[str]) -> bool:
    i = len(before) - 1
    skipped = 0
    while i >= 0 and before[i] in _NEGATION_BRIDGE and skipped < 6:
        i -= 1
        skipped += 1
    if i < 0:
        return False
    if before[i] in _NEGATORS:
        # "give me one reason not to kill myself", "why should not i", "if i do not
        # keep selling" ask or set a condition; they do not deny
        near = before[max(0, i - 3):i]
        return not ({"reason", "reasons", "why", "if", "unless"} & set(near))
    return before[i] == "longer" and i > 0 and before[i - 1] == "no"


def _accidental(before: list[str], after: list[str], matched: list[str] = ()) -> bool:
    near = set(before[-4:]) | set(after)
    return bool(near & _ACCIDENT) and not ((near | set(matched)) & _PURPOSE)


_REPORTED = re.compile(
    r"\b" + expand(r"{ANCHOR}") + r"\b(?: \w+){0,4} (?:said|says|say|told|tells|"
    r"telling|keeps saying|kept saying|texted|messaged|wrote|posted|saying|admitted|"
    r"confided|disclosed|snapped|sent|sends|showed|shows|forwarded)\b"
)


_CHILD = re.compile(
    r"\b(?:my|our) (?:\w+ )?(?:son|daughter|child|kid|teenager|teen|stepson|stepdaughter|"
    r"step son|step daughter|grandson|granddaughter|pupil|student|foster child|young person|lad|boy|year old)s?\b"
    r"|\b(?:a|one|this|another) (?:child|kid|pupil|girl|boy|student|lad) (?:in|from|at) (?:my|our) "
    r"(?:class|form|year|school|group|team|club)\b"
)


def _child_in_clause(text: str, start: int) -> bool:
    """A parent describing what they found: 'we found a note from our son saying goodbye'."""
    left = text.rfind(f" {BOUNDARY} ", 0, start)
    right = text.find(f" {BOUNDARY} ", start)
    clause = text[left + 1 if left >= 0 else 0: right if right >= 0 else len(text)]
    return bool(_CHILD.search(clause))


def _reported_speech(before: str) -> bool:
    """A parent or friend quoting someone: 'my son said "i want to die"'."""
    return bool(_REPORTED.search(before))
