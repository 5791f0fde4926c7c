"""Play the conversation corpus against the running stack and score outcomes.

    python tests/chat_eval/evaluate.py                      # starts its own stack (trained model needed)
    python tests/chat_eval/evaluate.py --rasa URL --directory URL   # a stack that is already running
    python tests/chat_eval/evaluate.py --only heldout_1 --min 0.95

The format and every check are described in tests/chat_eval/README.md. Runs in
.venv-rasa (it reuses the e2e launcher); needs only httpx and PyYAML.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import secrets
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = HERE / "corpus"
MAX_TURNS = 14
NEAR_KM = 3.0
# The held-out file of the current round: only its figures are ever shown, never its failures, because
# reading them is tuning on them. Move this on when a new held-out file is written.
HELD_OUT = "heldout_14"

# What the bot asked, read from its questions. Kept loose on purpose: a reworded question must still count.
QUESTIONS = {
    "age": re.compile(r"\bhow old\b|\bwhat age\b|\bwhich age\b|\bage band\b", re.I),
    "interests": re.compile(
        r"\bwhat (?:are|is) (?:you|they|he|she) into\b|\bwhat (?:do|does) (?:you|they|he|she) (?:like|enjoy)\b"
        r"|\bwhat else would you like\b|\bwhat kind of (?:things?|stuff|activit)",
        re.I,
    ),
    "area": re.compile(
        r"\bwhich (?:part|area)\b|\bwhat area\b|\bwhere (?:do|abouts)\b|\bwhich bit of\b|\bstart of (?:your|the) postcode\b",
        re.I,
    ),
    "worry": re.compile(r"\bwhat'?s worrying\b|\bwhat (?:worries|is worrying)\b|\bworrying you most\b", re.I),
}
# A question about someone else's child, and one about the reader themselves.
ABOUT_CHILD = re.compile(r"\byour (?:child|son|daughter|kid)\b", re.I)
# To a young person, "they" means someone else: asking them so is the parent's question.
ABOUT_THEM = re.compile(r"\bhow old are they\b|\bwhat are they into\b|\bhow old is (?:he|she)\b", re.I)
ABOUT_SELF = re.compile(r"\bhow old are you\b|\bwhat are you into\b", re.I)
ACKNOWLEDGE = re.compile(
    r"\bsorry\b|\bhard\b|\btough\b|\bnot alone\b|\blots of (?:people|young people)\b|\bbelong|\bthat sounds\b"
    r"|\bthank you for telling\b|\bthanks for telling\b|\bit'?s ok\b|\bcompletely normal\b|\bloads of\b|\bgood (?:way|place)",
    re.I,
)
DAY_OR_TIME = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|\b)|\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b"
    r"|\bweekends?\b|\bweekdays?\b|\bno (?:times|schedule)\b|\btimes? (?:aren'?t|isn'?t) listed\b",
    re.I,
)
FACT_WORDS = {
    "cost": re.compile(r"\bfree\b|£\s?\d|\bfees?\b|\bcosts?\b|\bcharge", re.I),
    "time": DAY_OR_TIME,
    "phone": re.compile(r"\d{3,}[\d ]{4,}|\bno phone\b|\bdoesn'?t (?:list|have) a (?:phone|number)\b|\bno number\b", re.I),
    "turn_up": re.compile(r"\bturn up\b|\bbook\b|\bbooking\b|\bjust (?:come|go)\b|\bdrop[ -]in\b|\bget in touch\b|\bcontact\b", re.I),
}


@dataclass
class Conversation:
    id: str
    role: str
    say: list[Any]
    answers: dict[str, list[str]]
    then: list[dict[str, str]]
    expect: dict[str, Any]
    source: str

    @classmethod
    def from_yaml(cls, data: dict[str, Any], source: str) -> Conversation:
        answers = {k: ([v] if isinstance(v, str) else [str(x) for x in v]) for k, v in (data.get("answers") or {}).items()}
        return cls(
            id=str(data["id"]),
            role=str(data.get("role") or "young_person"),
            say=list(data.get("say") or []),
            answers=answers,
            then=list(data.get("then") or []),
            expect=dict(data.get("expect") or {}),
            source=source,
        )


@dataclass
class Turn:
    said: str
    replies: list[dict[str, Any]]
    asked: list[str]
    fact: str | None = None


@dataclass
class Outcome:
    conversation: Conversation
    turns: list[Turn] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures

    def transcript(self) -> str:
        lines = [f"--- {self.conversation.id} ({self.conversation.role}, {self.conversation.source})"]
        for turn in self.turns:
            lines.append(f"  > {turn.said}")
            for reply in turn.replies:
                if reply.get("text"):
                    lines.append("    " + reply["text"].replace("\n", "\n    "))
                services = _services_of(reply)
                if services:
                    lines.append("    [services] " + "; ".join(str(s.get("name")) for s in services))
                if reply.get("buttons"):
                    lines.append("    [buttons] " + " | ".join(b.get("title", "") for b in reply["buttons"]))
        lines += [f"  FAIL {f}" for f in self.failures]
        return "\n".join(lines)


def load_corpus(only: Iterable[str] = ()) -> list[Conversation]:
    wanted = set(only)
    conversations: list[Conversation] = []
    seen: set[str] = set()
    for path in sorted(CORPUS.glob("*.yml")):
        if wanted and path.stem not in wanted:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("conversations") or []:
            conversation = Conversation.from_yaml(item, path.stem)
            if conversation.id in seen:
                raise ValueError(f"conversation id {conversation.id} appears twice")
            seen.add(conversation.id)
            conversations.append(conversation)
    return conversations


def _services_of(reply: dict[str, Any]) -> list[dict[str, Any]]:
    custom = reply.get("custom")
    if isinstance(custom, dict) and custom.get("type") == "services":
        return list(custom.get("services") or [])
    return []


def asked_in(replies: list[dict[str, Any]]) -> list[str]:
    """The kinds of question in one turn's replies, each counted once."""
    kinds: list[str] = []
    for reply in replies:
        for sentence in re.split(r"(?<=[?])\s+", reply.get("text") or ""):
            if "?" not in sentence:
                continue
            for kind, pattern in QUESTIONS.items():
                if pattern.search(sentence) and kind not in kinds:
                    kinds.append(kind)
    return kinds


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


class Directory:
    """What the scorer needs to know about the directory, fetched once per item."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=30.0)
        self._services: dict[str, dict[str, Any]] = {}
        self._places: dict[str, tuple[float, float] | None] = {}
        terms = self.http.get("/taxonomy_terms", params={"per_page": "500"}).json()["contents"]
        by_id = {t["id"]: t for t in terms}
        self.ancestors: dict[str, set[str]] = {}
        for term in terms:
            codes, current = set(), term
            while current is not None:
                codes.add(current.get("code") or current["id"])
                current = by_id.get(current.get("parent_id") or "")
            self.ancestors[term["id"]] = codes

    def service(self, service_id: str) -> dict[str, Any]:
        if service_id not in self._services:
            self._services[service_id] = self.http.get(f"/services/{service_id}").json()
        return self._services[service_id]

    def codes(self, service_id: str) -> set[str]:
        """The service's taxonomy codes and all their ancestors'."""
        found: set[str] = set()
        for attribute in self.service(service_id).get("attributes") or []:
            found |= self.ancestors.get(attribute.get("taxonomy_term_id"), set())
        return found

    def points(self, service_id: str) -> list[tuple[float, float]]:
        points = []
        for sal in self.service(service_id).get("service_at_locations") or []:
            location = sal.get("location") or {}
            if location.get("latitude") is not None and location.get("longitude") is not None:
                points.append((float(location["latitude"]), float(location["longitude"])))
        return points

    def place(self, name: str) -> tuple[float, float] | None:
        if name not in self._places:
            response = self.http.get("/places/resolve", params={"q": name})
            body = response.json() if response.status_code == 200 else {}
            point = (body["latitude"], body["longitude"]) if body.get("latitude") is not None else None
            self._places[name] = point
        return self._places[name]

    def has_any(self, age: int | None, codes: list[str]) -> bool:
        """Whether the directory has anything anywhere with one of the codes that admits the age: where it has
        none ("rugby" for a 10 year old, when rugby starts at 11), no list could pass the interests check."""
        params = {"interests": ",".join(codes), "limit": "50"}
        if age is not None:
            params["age"] = str(age)
        response = self.http.get("/recommendations", params=params)
        if response.status_code != 200:
            return True
        return any(
            (age is None or (item.get("minimum_age") or 0) <= age <= (item.get("maximum_age") or 200))
            and set(codes) & self.codes(str(item["id"]))
            for item in response.json()["items"]
        )

    def has_near(self, place: str, age: int | None, codes: list[str]) -> bool:
        """Whether the directory itself has something that fits within NEAR_KM of the place."""
        params = {"near": place, "radius_km": str(NEAR_KM), "limit": "50"}
        if age is not None:
            params["age"] = str(age)
        if codes:
            params["interests"] = ",".join(codes)
        response = self.http.get("/recommendations", params=params)
        if response.status_code != 200:
            return False
        return any(
            item.get("distance_km") is not None and item["distance_km"] <= NEAR_KM for item in response.json()["items"]
        )


class Player:
    def __init__(self, rasa_url: str, directory: Directory) -> None:
        self.url = f"{rasa_url}/webhooks/rest/webhook"
        self.directory = directory
        self.http = httpx.Client(timeout=120.0)

    def send(self, sender: str, text: str) -> list[dict[str, Any]]:
        response = self.http.post(self.url, json={"sender": sender, "message": text})
        response.raise_for_status()
        return response.json()

    def play(self, conversation: Conversation) -> Outcome:
        outcome = Outcome(conversation)
        sender = f"eval-{conversation.id}-{secrets.token_hex(4)}"
        queue: list[Any] = list(conversation.say)
        then = list(conversation.then)
        asked: Counter[str] = Counter()
        given: set[str] = set()
        shown = False
        last_asked: list[str] = []
        while len(outcome.turns) < MAX_TURNS:
            fact = None
            if queue:
                item = queue.pop(0)
                text, fact = (item.get("say"), item.get("fact")) if isinstance(item, dict) else (str(item), None)
            elif shown:
                if not then:
                    break
                item = then.pop(0)
                text, fact = str(item["say"]), item.get("fact")
            elif last_asked:
                kind = last_asked[-1]
                options = conversation.answers.get(kind) or ["not sure"]
                text = options[min(asked[kind], len(options)) - 1]
                given.add(kind)
            else:
                pending = [k for k in conversation.answers if k not in given]
                if not pending:
                    break
                given.add(pending[0])
                text = conversation.answers[pending[0]][0]
            replies = self.send(sender, text)
            kinds = asked_in(replies)
            asked.update(kinds)
            outcome.turns.append(Turn(text, replies, kinds, fact))
            last_asked = kinds
            if any(_services_of(r) for r in replies):
                shown = True
        self.score(outcome, asked)
        return outcome

    # -- scoring -------------------------------------------------------------------------------
    def score(self, outcome: Outcome, asked: Counter[str]) -> None:
        conversation, expect, fail = outcome.conversation, outcome.conversation.expect, outcome.failures.append
        first_turn = next((t for t in outcome.turns if any(_services_of(r) for r in t.replies)), None)
        listed = [s for r in first_turn.replies for s in _services_of(r)] if first_turn else []
        wants_services = expect.get("services", True)
        if wants_services and not listed:
            fail("services: no services were shown")
        if not wants_services and listed:
            fail("services: services were shown to someone they should not be")
        for kind, count in asked.items():
            if count >= 3:
                fail(f"no third ask: asked for {kind} {count} times")
        questions = [
            s for t in outcome.turns for r in t.replies for s in re.split(r"(?<=[?])\s+", r.get("text") or "") if "?" in s
        ]
        if conversation.role == "young_person" and any(ABOUT_CHILD.search(q) or ABOUT_THEM.search(q) for q in questions):
            fail("role: a young person was asked about their child")
        if conversation.role == "parent" and any(ABOUT_SELF.search(q) for q in questions):
            fail("role: a parent was asked about themselves")
        if conversation.role == "professional" and any(ABOUT_CHILD.search(q) or ABOUT_SELF.search(q) for q in questions):
            fail("role: a professional was asked about their child or themselves")
        if listed:
            self._score_list(listed, expect, fail)
        for turn in outcome.turns:
            if turn.fact:
                self._score_fact(turn, outcome, fail)
        if expect.get("mentions"):
            everything = " ".join(r.get("text") or "" for t in outcome.turns for r in t.replies).lower()
            if not any(str(word).lower() in everything for word in expect["mentions"]):
                fail(f"mentions: none of {expect['mentions']} was said")
        if expect.get("acknowledge") and outcome.turns:
            first = " ".join(r.get("text") or "" for r in outcome.turns[0].replies)
            if not ACKNOWLEDGE.search(first):
                fail("acknowledge: the first reply did not answer what they said they feel")

    def _score_list(self, listed: list[dict[str, Any]], expect: dict[str, Any], fail: Any) -> None:
        age = expect.get("age")
        if age is not None:
            for card in listed:
                low, high = card.get("minimum_age"), card.get("maximum_age")
                if (low is not None and age < low) or (high is not None and age > high):
                    fail(f"age: {card.get('name')} is for {low}-{high}, not {age}")
                    break
        under = expect.get("max_age")
        if under is not None:
            for card in listed:
                if card.get("maximum_age") is None or card["maximum_age"] > under:
                    fail(f"max_age: {card.get('name')} is for {card.get('minimum_age')}-{card.get('maximum_age')}, "
                         f"not only up to {under}")
                    break
        codes = [str(c) for c in expect.get("interests") or []]
        listed_codes = any(set(codes) & self.directory.codes(str(card["id"])) for card in listed)
        if codes and not listed_codes and self.directory.has_any(age, codes):
            fail(f"interests: nothing listed is {codes}")
        near = expect.get("near")
        if near:
            point = self.directory.place(str(near))
            if point is None:
                fail(f"near: the corpus names {near!r}, which the directory does not know")
                return
            distances = [haversine_km(point, p) for card in listed for p in self.directory.points(str(card["id"]))]
            nearest = min(distances) if distances else math.inf
            if nearest > NEAR_KM and self.directory.has_near(str(near), age, codes):
                fail(f"near: nearest listed is {nearest:.1f} km from {near}")

    def _score_fact(self, turn: Turn, outcome: Outcome, fail: Any) -> None:
        shown = [s for t in outcome.turns[: outcome.turns.index(turn) + 1] for r in t.replies for s in _services_of(r)]
        text = "\n".join(r.get("text") or "" for r in turn.replies)
        low = text.lower()
        named = [s for s in shown if str(s.get("name") or "").lower() in low]
        if not named:
            fail(f"then ({turn.fact}): the reply to {turn.said!r} names none of the services shown")
            return
        fact = turn.fact
        ok: bool
        if fact in FACT_WORDS:
            ok = bool(FACT_WORDS[fact].search(text))
        elif fact == "place":
            ok = any(
                (s.get("address") and str(s["address"]).split(",")[0].lower() in low) for s in named
            ) or bool(re.search(r"\bonline\b|\bL\d{1,2}\b|\bno address\b", text))
        elif fact == "detail":
            ok = any(
                str(self.directory.service(str(s["id"])).get("description") or "")[:30].lower() in low for s in named
            )
        else:
            ok = False
        if not ok:
            fail(f"then ({fact}): the reply to {turn.said!r} does not say the {fact}")


def run(rasa_url: str, directory_url: str, only: Iterable[str], verbose: bool) -> list[Outcome]:
    directory = Directory(directory_url)
    player = Player(rasa_url, directory)
    outcomes = []
    try:
        for conversation in load_corpus(only):
            outcomes.append(player.play(conversation))
            if verbose and conversation.source != HELD_OUT:
                print(("." if outcomes[-1].passed else "F"), end="", flush=True)
    finally:
        # Closed here, not left to the garbage collector: an unclosed socket's warning is an error in tests.
        player.http.close()
        directory.http.close()
    if verbose:
        print()
    return outcomes


def report(outcomes: list[Outcome]) -> dict[str, Any]:
    by_source: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_source.setdefault(outcome.conversation.source, []).append(outcome)
    figures = {
        source: {"passed": sum(o.passed for o in items), "total": len(items)} for source, items in by_source.items()
    }
    figures["all"] = {"passed": sum(o.passed for o in outcomes), "total": len(outcomes)}
    checks = Counter(f.split(":")[0] for o in readable(outcomes) for f in o.failures)
    return {"figures": figures, "failed_checks": dict(checks)}


def readable(outcomes: list[Outcome]) -> list[Outcome]:
    """The outcomes whose failures may be shown: all but the held-out file's."""
    return [o for o in outcomes if o.conversation.source != HELD_OUT]


def start_stack(tmp: Path) -> tuple[list[Any], str, str]:
    sys.path.insert(0, str(ROOT / "tests" / "e2e"))
    from servers import start_action_server, start_directory, start_rasa

    model = ROOT / "models" / "current.tar.gz"
    if not model.is_file():
        raise SystemExit(f"no trained model at {model}: run `make train`")
    started = []
    directory = start_directory(tmp)
    started.append(directory)
    actions = start_action_server(tmp, directory.url)
    started.append(actions)
    rasa = start_rasa(tmp, model, actions.url, secrets.token_hex(16))
    started.append(rasa)
    return started, rasa.url, directory.url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rasa", help="a running Rasa server's URL (default: start a stack)")
    parser.add_argument("--directory", help="a running directory's URL (with --rasa)")
    parser.add_argument("--only", action="append", default=[], help="corpus file stem(s) to play")
    parser.add_argument("--min", type=float, default=0.0, help="fail (exit 1) below this pass rate")
    parser.add_argument("--json", type=Path, help="write figures and failures here")
    parser.add_argument("--quiet", action="store_true", help="figures only, no transcripts")
    args = parser.parse_args(argv)

    started: list[Any] = []
    with tempfile.TemporaryDirectory(prefix="eval-chat-") as tmp:
        try:
            if args.rasa:
                rasa_url, directory_url = args.rasa.rstrip("/"), (args.directory or "http://127.0.0.1:8000").rstrip("/")
            else:
                started, rasa_url, directory_url = start_stack(Path(tmp))
            began = time.monotonic()
            outcomes = run(rasa_url, directory_url, args.only, verbose=not args.quiet)
            elapsed = time.monotonic() - began
        finally:
            for server in reversed(started):
                server.stop()
    summary = report(outcomes)
    if not args.quiet:
        for outcome in readable(outcomes):
            if not outcome.passed:
                print(outcome.transcript())
    for source, figure in summary["figures"].items():
        rate = figure["passed"] / figure["total"] if figure["total"] else 0.0
        print(f"{source:>12}: {figure['passed']}/{figure['total']} passed ({rate:.1%})")
    print(f"failed checks (not counting {HELD_OUT}):", ", ".join(f"{k} {v}" for k, v in sorted(summary["failed_checks"].items())) or "none")
    print(f"played {len(outcomes)} conversations in {elapsed:.0f} s")
    if args.json:
        summary["failures"] = {o.conversation.id: o.failures for o in readable(outcomes) if not o.passed}
        args.json.write_text(json.dumps(summary, indent=2))
    total = summary["figures"]["all"]
    rate = total["passed"] / total["total"] if total["total"] else 0.0
    return 1 if rate < args.min else 0


if __name__ == "__main__":
    sys.exit(main())
