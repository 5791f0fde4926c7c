"""Score the held-out NLU test: print intent macro-F1, fail below the bar.

    rasa test nlu --nlu tests/nlu/holdout.yml --model models/current.tar.gz --out results/nlu
    python scripts/nlu_score.py results/nlu/intent_report.json

Exit status 1 if macro-F1 < --min (default 0.85), 2 if the report is
missing or unreadable. Stdlib only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SUMMARY_KEYS = {"accuracy", "macro avg", "weighted avg", "micro avg"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", nargs="?", type=Path, default=Path("results/intent_report.json"))
    parser.add_argument("--min", type=float, default=0.85, help="lowest acceptable macro-F1")
    args = parser.parse_args(argv)

    try:
        report = json.loads(args.report.read_text())
        macro = float(report["macro avg"]["f1-score"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"cannot read an intent report at {args.report}: {error}", file=sys.stderr)
        return 2

    weak = sorted(
        (values["f1-score"], name)
        for name, values in report.items()
        if name not in SUMMARY_KEYS and isinstance(values, dict) and values.get("f1-score", 1.0) < 0.9
    )
    for f1, name in weak:
        print(f"  {name}: F1 {f1:.3f}")
    print(f"intent macro-F1: {macro:.3f} (minimum {args.min:.2f})")
    if macro < args.min:
        print("FAIL: held-out intent macro-F1 is below the minimum", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
