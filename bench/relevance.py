"""Precision@5 on the judged queries in bench/judged.json, by their written rule.

The rule is applied to the synthetic services themselves (their taxonomy
terms, ages, cost, days and locations), never to what an engine returned, so
every engine is judged against the same set of relevant services.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.search import NOW

JUDGED = Path(__file__).with_name("judged.json")
K = 5


def load_judged(path: Path = JUDGED) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["queries"]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0088 * 2 * math.asin(math.sqrt(a))


@dataclass
class Judgement:
    query_id: str
    kind: str
    relevant: set[str]

    def precision(self, returned_ids: list[str], k: int = K) -> float | None:
        """Relevant among the first k, over min(k, how many relevant exist); None when nothing is relevant."""
        if not self.relevant:
            return None
        top = returned_ids[:k]
        return sum(1 for i in top if i in self.relevant) / min(k, len(self.relevant))


class Judge:
    """Applies the judged rules to a list of `ServiceDoc`s (the fields the index keeps on them)."""

    def __init__(self, docs, engine, today=None):
        self.engine = engine
        self.today = today or NOW.date()
        self.by_term: dict[str, list] = defaultdict(list)
        for doc in docs:
            for term_id in doc.term_ids:
                self.by_term[term_id].append(doc)

    def term_ids(self, codes: list[str]) -> set[str]:
        matcher = self.engine.matcher
        return {t.id for code in codes for t in matcher.with_children(matcher.by_code[code])}

    def judge(self, entry: dict) -> Judgement:
        from directory.search.engine import day_mask

        form = entry["form"]
        place = self.engine.gazetteer.resolve(form["near"]) if form.get("near") else None
        age, radius = form.get("age"), form.get("radius_km")
        days = day_mask(form["day"], NOW) if form.get("day") else 0
        relevant: set[str] = set()
        for term_id in self.term_ids(entry["relevant_terms"]):
            for doc in self.by_term.get(term_id, ()):
                if doc.status != "active" or doc.deleted or (doc.valid_to and doc.valid_to < self.today):
                    continue
                if age is not None and ((doc.minimum_age is not None and doc.minimum_age > age)
                                        or (doc.maximum_age is not None and doc.maximum_age < age)):
                    continue
                if form.get("free") and not doc.free:
                    continue
                if days and not doc.days & days:
                    continue
                if place is not None and not any(
                        haversine_km(place.latitude, place.longitude, lat, lon) <= radius for lat, lon in doc.points):
                    continue
                relevant.add(doc.id)
        return Judgement(entry["id"], entry["kind"], relevant)


def summarise(per_query: dict[str, float | None], kinds: dict[str, str]) -> dict:
    """Mean precision overall and per kind, over the queries that have any relevant service."""
    scored = {q: p for q, p in per_query.items() if p is not None}
    out = {"p_at_5": _mean(scored.values()), "judged": len(scored), "no_relevant": len(per_query) - len(scored)}
    for kind in sorted(set(kinds.values())):
        out[kind] = _mean(p for q, p in scored.items() if kinds[q] == kind)
    return out


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else math.nan
