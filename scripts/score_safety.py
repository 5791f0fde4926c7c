"""Score the safety layer on a phrase set: recall, full replies, right route, false positives.

    .venv-rasa/bin/python scripts/score_safety.py                       # the fresh held-out set
    .venv-rasa/bin/python scripts/score_safety.py --set positive.tsv negative.txt
    .venv-rasa/bin/python scripts/score_safety.py --code /tmp/before    # another checkout's detector

Prints figures only, per route and kind. A held-out set's misses are never
printed: reading them is tuning on them (tests/bot/safety_phrases/README.md).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHRASES = ROOT / "tests" / "bot" / "safety_phrases"
HELD_OUT = ("heldout_2026-12n_positive.tsv", "heldout_2026-12n_negative.tsv")
CHECK_IN = "check_in"


def rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def pct(n: int, d: int) -> str:
    return f"{n}/{d} = {100 * n / d:.1f}%" if d else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", nargs=2, default=HELD_OUT, metavar=("POSITIVES", "NEGATIVES"))
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose bot/safety to score")
    parser.add_argument("--misses", action="store_true", help="print misses (refused for the held-out set)")
    args = parser.parse_args(argv)
    if args.misses and tuple(args.set) == HELD_OUT:
        parser.error("the held-out set's misses are not shown: reading them is tuning on them")

    sys.path.insert(0, str(args.code.resolve()))
    detector = importlib.import_module("bot.safety.detector")

    by_kind: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    misses: list[str] = []
    for fields in rows(PHRASES / args.set[0]):
        route, kind, phrase = (fields[0], "-", fields[1]) if len(fields) == 2 else fields
        found = detector.assess(phrase)
        counts = by_kind[(route, kind)]
        for c in (counts, total):
            c["n"] += 1
            c["caught"] += found is not None
            c["full"] += found is not None and found.category != CHECK_IN
            c["route"] += found is not None and found.category == route
        if found is None:
            misses.append(f"{route}\t{kind}\t{phrase}")

    neg_total: Counter[str] = Counter()
    neg_kind: dict[str, Counter[str]] = defaultdict(Counter)
    false_alarms: list[str] = []
    for fields in rows(PHRASES / args.set[1]):
        kind, phrase = (fields[0], fields[1]) if len(fields) == 2 else ("-", fields[0])
        found = detector.assess(phrase)
        for c in (neg_total, neg_kind[kind]):
            c["n"] += 1
            c["fired"] += found is not None
            c["full"] += found is not None and found.category != CHECK_IN
        if found is not None:
            false_alarms.append(f"{kind}\t{found.category}\t{phrase}")

    print(f"code: {args.code}   set: {args.set[0]} / {args.set[1]}")
    print(f"recall (check-ins count): {pct(total['caught'], total['n'])}")
    print(f"full crisis replies:      {pct(total['full'], total['n'])}")
    print(f"right route:              {pct(total['route'], total['n'])}")
    print(f"false positives (any):    {pct(neg_total['fired'], neg_total['n'])}")
    print(f"false positives (full):   {pct(neg_total['full'], neg_total['n'])}")
    print("\nrecall by route / kind:")
    for (route, kind), c in sorted(by_kind.items()):
        print(f"  {route:22} {kind:32} {pct(c['caught'], c['n']):>18}   full {pct(c['full'], c['n'])}")
    print("\nfalse positives by kind:")
    for kind, c in sorted(neg_kind.items()):
        print(f"  {kind:32} {pct(c['fired'], c['n'])}")
    if args.misses:
        print("\nmisses:", *misses, sep="\n  ")
        print("\nfalse alarms:", *false_alarms, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
