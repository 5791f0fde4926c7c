"""The second net: a linear classifier for risk the rules do not spell out.

The rules (rules.py, data/rules.yml) catch what they describe and nothing
else. This net reads the same canonical text (normalised, idioms blanked) as
word, word-pair and in-word character n-grams and scores it with weights
learned from the project's phrase sets (bot/safety/train_net.py). It runs only
when no rule fired, and is tuned for recall. When it fires with a higher score still, a second set of
weights names the route (suicide or self-harm, abuse or exploitation, danger
now, someone worried about another): where one route is clear the bot gives
that route's full crisis reply, as a rule would; where none is, it checks in
gently ("Are you safe?") with the contacts on screen.

Standard library only, like the rest of the layer: the weights are a JSON
file read once, and scoring a message is a dictionary lookup per feature.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import yaml

from bot.safety.idioms import MARK
from bot.safety.normalise import BOUNDARY, normalise

DATA = Path(__file__).parent / "data"
WEIGHTS = DATA / "net.json"
CONCEPTS = DATA / "concepts.yml"
CHAR_SIZES = (3, 4, 5)


@lru_cache(maxsize=1)
def concepts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each word family as one pattern over canonical text, its entries normalised as messages are."""
    families = yaml.safe_load(CONCEPTS.read_text(encoding="utf-8"))
    out = []
    for name, entries in families.items():
        forms = sorted({normalise(str(e)).replace(f" {BOUNDARY}", "").strip() for e in entries} - {""},
                       key=len, reverse=True)
        out.append((name, re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")))
    return tuple(out)


def features(canonical: str) -> list[str]:
    """The distinct features of a canonical text, in a stable order."""
    tokens = [t for t in canonical.split() if t not in (BOUNDARY, MARK)]
    out: dict[str, None] = {}
    present = [name for name, pattern in concepts() if pattern.search(canonical)]
    for name in present:
        out[f"k:{name}"] = None
    for a, b in combinations(present, 2):
        out[f"kk:{a}|{b}"] = None
    for i, tok in enumerate(tokens):
        out[f"w:{tok}"] = None
        if i + 1 < len(tokens):
            out[f"b:{tok} {tokens[i + 1]}"] = None
        padded = f" {tok} "
        for n in CHAR_SIZES:
            for j in range(len(padded) - n + 1):
                out[f"c:{padded[j:j + n]}"] = None
    return list(out)


class Net:
    def __init__(
        self,
        weights: dict[str, float],
        bias: float,
        threshold: float,
        routes: dict[str, dict[str, float]] | None = None,
        route_bias: dict[str, float] | None = None,
        route_confidence: float = 1.0,
        full_threshold: float = 1.0,
    ) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.routes = routes or {}
        self.route_bias = route_bias or {}
        self.route_confidence = route_confidence
        self.full_threshold = full_threshold

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Net:
        data = json.loads(path.read_text(encoding="utf-8"))
        routes = data.get("routes") or {}
        return cls(
            data["weights"], data["bias"], data["threshold"],
            routes.get("weights"), routes.get("bias"), routes.get("confidence", 1.0), routes.get("threshold", 1.0),
        )

    def score(self, canonical: str) -> float:
        """Probability-like score in [0, 1] that the text shows risk."""
        return self._score(features(canonical))

    def fires(self, canonical: str) -> bool:
        return self.score(canonical) >= self.threshold

    def route_scores(self, canonical: str) -> dict[str, float]:
        """How likely each crisis route is, given that the text shows risk (softmax; sums to 1)."""
        return self._route_scores(features(canonical))

    def route(self, canonical: str) -> str | None:
        """The one route the text clearly belongs to, or None where the net is not sure enough of the
        risk (full_threshold, above the check-in's) or of the route (route_confidence)."""
        return self.verdict(canonical)[1]

    def verdict(self, canonical: str) -> tuple[bool, str | None]:
        """Whether the net fires, and the route it is sure of (see route()), from one reading of the text."""
        feats = features(canonical)
        risk = self._score(feats)
        if risk < self.threshold:
            return False, None
        if risk < self.full_threshold:
            return True, None
        scores = self._route_scores(feats)
        best = max(scores, key=scores.get) if scores else None
        return True, best if best is not None and scores[best] >= self.route_confidence else None

    def _score(self, feats: list[str]) -> float:
        if not feats:
            return 0.0
        # Binary features scaled to unit length, as in training.
        total = sum(self.weights.get(f, 0.0) for f in feats) / math.sqrt(len(feats))
        return 1.0 / (1.0 + math.exp(-(total + self.bias)))

    def _route_scores(self, feats: list[str]) -> dict[str, float]:
        if not feats or not self.routes:
            return {}
        scale = 1.0 / math.sqrt(len(feats))
        raw = {
            route: sum(weights.get(f, 0.0) for f in feats) * scale + self.route_bias.get(route, 0.0)
            for route, weights in self.routes.items()
        }
        top = max(raw.values())
        exp = {route: math.exp(value - top) for route, value in raw.items()}
        total = sum(exp.values())
        return {route: value / total for route, value in exp.items()}


@lru_cache(maxsize=1)
def net() -> Net:
    return Net.load()
