"""The conversation corpus, played through Rasa's REST channel against the real stack (tests/chat_eval/README.md).

`make test` fails when the whole corpus falls below PASS_RATE, so no later change can quietly undo the
understanding work. The figures are printed, and every failure with its transcript except the
held-out file's (evaluate.HELD_OUT), whose failures are never shown.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate

PASS_RATE = float(os.environ.get("CHAT_EVAL_MIN", "0.85"))


def test_the_corpus_passes(tmp_path: Path, capsys) -> None:
    started, rasa_url, directory_url = evaluate.start_stack(tmp_path)
    try:
        outcomes = evaluate.run(rasa_url, directory_url, (), verbose=False)
    finally:
        for server in reversed(started):
            server.stop()
    summary = evaluate.report(outcomes)
    with capsys.disabled():
        for outcome in evaluate.readable(outcomes):
            if not outcome.passed:
                print(outcome.transcript())
        for source, figure in summary["figures"].items():
            print(f"{source}: {figure['passed']}/{figure['total']}")
    total = summary["figures"]["all"]
    assert total["total"] >= 300
    assert total["passed"] / total["total"] >= PASS_RATE, summary
