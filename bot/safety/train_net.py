"""Train the second net (net.py) and write its weights to bot/safety/data/net.json.

    .venv-rasa/bin/python -m bot.safety.train_net            # train and write
    .venv-rasa/bin/python -m bot.safety.train_net --check    # exit 1 if net.json is out of date

Positives: every development phrase set of the rules (tests/bot/safety_phrases,
never a held-out set that has not been scored) and the net's own paraphrases
(bot/safety/data/net/positive*.tsv). Negatives: the hard negatives of both, and
every ordinary message in the NLU training data and the conversation corpus's tuning half. The threshold is picked on
cross-validated scores, so that the net alone fires on few hard negatives.

Needs scikit-learn, which the Rasa environment has; the net itself does not.
The same data gives the same weights on one machine, but another CPU's BLAS kernels can move the
last decimal (and tip a weight near zero in or out). So net.json records a fingerprint of what it
was trained from (every message as the net reads it, its label and the rules' verdict, and the
settings), and --check compares that fingerprint, not the weights: it fails exactly when the data,
the rules or the reading of messages changed since the weights were written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import yaml

from bot.safety.detector import net_reads
from bot.safety.idioms import neutralise
from bot.safety.net import CHAR_SIZES, WEIGHTS, features
from bot.safety.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
PHRASES = ROOT / "tests" / "bot" / "safety_phrases"
OWN = Path(__file__).parent / "data" / "net"
NLU = ROOT / "data" / "nlu"
# The conversation corpus's tuning files: what people type to the bot on an ordinary day. Never
# the held-out file of the current round (HELD_OUT in tests/chat_eval/evaluate.py).
CHAT_TUNING = tuple(
    ROOT / "tests" / "chat_eval" / "corpus" / f"{name}.yml"
    for name in ("tuning", "tuning_2", *(f"heldout_{n}" for n in range(1, 14)))
)

# Phrase sets the net learns from. A held-out set joins this list only after
# it has been scored (and its figure recorded in the README).
DEV_POSITIVES = (
    "positive.tsv", "positive_holdout.tsv", "positive_holdout2.tsv",
    "heldout_2026-12_positive.tsv", "heldout_2026-12b_positive.tsv", "heldout_2026-12c_positive.tsv",
    "heldout_2026-12d_positive.tsv", "heldout_2026-12e_positive.tsv", "heldout_2026-12f_positive.tsv",
    "heldout_2026-12g_positive.tsv", "heldout_2026-12h_positive.tsv", "heldout_2026-12i_positive.tsv",
    "heldout_2026-12j_positive.tsv", "heldout_2026-12k_positive.tsv", "heldout_2026-12l_positive.tsv",
    "heldout_2026-12m_positive.tsv",
)
DEV_NEGATIVES = (
    "negative.txt", "negative_holdout.txt", "negative_holdout2.txt",
    "heldout_2026-12_negative.tsv", "heldout_2026-12b_negative.tsv", "heldout_2026-12c_negative.tsv",
    "heldout_2026-12d_negative.tsv", "heldout_2026-12e_negative.tsv", "heldout_2026-12f_negative.tsv",
    "heldout_2026-12g_negative.tsv", "heldout_2026-12h_negative.tsv", "heldout_2026-12i_negative.tsv",
    "heldout_2026-12j_negative.tsv", "heldout_2026-12k_negative.tsv", "heldout_2026-12l_negative.tsv",
    "heldout_2026-12m_negative.tsv",
)

C = 16.0
MIN_COUNT = 2
FOLDS = 5
# The net is there for what the rules miss, so those positives weigh more.
RULE_MISS_WEIGHT = 3.0
# Share of hard negatives the net alone may fire on, in cross-validation. Ordinary low
# mood and small talk are trained on but not counted here: "Are you safe?" after "i'm
# so lonely" is a kindness, not a false alarm; after "this song slaps, i wanna die" it is.
TARGET_FALSE_POSITIVES = 0.01
NOT_CALIBRATED = ("low_mood_ordinary", "greeting_smalltalk")
# The full crisis reply from the net alone needs more than a check-in does: a score that
# fires on at most this share of hard negatives in cross-validation (half the check-in's)...
FULL_REPLY_FALSE_POSITIVES = 0.005
# ...and one route this likely; below either the bot checks in. Picked on cross-validation:
# at 0.8 about 95% of the routes named are right.
ROUTE_CONFIDENCE = 0.8
ROUTE_C = 16.0
DECIMALS = 4
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def _lines(path: Path) -> list[str]:
    return [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
    ]


def routed_positives() -> list[tuple[str, str]]:
    """Every positive phrase with its route (the first field of each line)."""
    files = [PHRASES / name for name in DEV_POSITIVES] + sorted(OWN.glob("positive*.tsv"))
    return [(line.split("\t")[0], line.split("\t")[-1]) for path in files for line in _lines(path)]


def positives() -> list[str]:
    return [phrase for _, phrase in routed_positives()]


def hard_negatives() -> list[str]:
    out = [line.split("\t")[-1] for name in DEV_NEGATIVES for line in _lines(PHRASES / name)]
    out += [line.split("\t")[-1] for path in sorted(OWN.glob("negative*.tsv")) for line in _lines(path)]
    return out


def uncalibrated() -> set[str]:
    return {
        line.split("\t")[-1]
        for path in sorted(OWN.glob("negative*.tsv"))
        for line in _lines(path)
        if line.split("\t")[0] in NOT_CALIBRATED
    }


def _said(node: object) -> list[str]:
    """Every string a user types in a conversation of the corpus (say, answers, then)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [t for item in node for t in _said(item)]
    if isinstance(node, dict):
        return [t for key in ("say", "answers", "then") for t in _said(node.get(key))] + (
            [t for value in node.values() for t in _said(value)] if "say" not in node and "then" not in node else []
        )
    return []


def ordinary_messages() -> list[str]:
    """Every NLU training example except the crisis intent's, annotations removed, and every
    message of the conversation corpus's tuning half."""
    out: list[str] = []
    for path in CHAT_TUNING:
        for conversation in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
            out += _said({key: conversation.get(key) for key in ("say", "answers", "then")})
    for path in sorted(NLU.glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if block.get("intent") in (None, "crisis") or "examples" not in block:
                continue
            for line in block["examples"].splitlines():
                line = line.strip().removeprefix("- ").strip()
                if line:
                    out.append(_ANNOTATION.sub(r"\1", line))
    return out


def canonical(text: str) -> str:
    return neutralise(normalise(text))


def fingerprint() -> str:
    """What the weights are made from, as the net reads it: changes when any input or setting does."""
    routed, hard, ordinary = routed_positives(), hard_negatives(), ordinary_messages()
    skip = uncalibrated()
    rows = [("+", route, net_reads(t), canonical(t)) for route, t in routed]
    rows += [("-", "hard" if t not in skip else "uncalibrated", net_reads(t), canonical(t)) for t in hard]
    rows += [("-", "ordinary", net_reads(t), canonical(t)) for t in ordinary]
    settings = [C, ROUTE_C, MIN_COUNT, FOLDS, RULE_MISS_WEIGHT, TARGET_FALSE_POSITIVES, FULL_REPLY_FALSE_POSITIVES,
                ROUTE_CONFIDENCE, DECIMALS, list(CHAR_SIZES)]
    blob = json.dumps([settings, rows], ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def train() -> tuple[dict, dict]:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    routed, hard, ordinary = routed_positives(), hard_negatives(), ordinary_messages()
    pos = [phrase for _, phrase in routed]
    routes_of = np.array([route for route, _ in routed])
    texts = pos + hard + ordinary
    labels = np.array([1] * len(pos) + [0] * (len(hard) + len(ordinary)))
    skip = uncalibrated()
    reads = np.array([net_reads(t) for t in texts])
    # Calibrated on the hard negatives the net would really be asked about.
    is_hard = np.array([False] * len(pos) + [t not in skip for t in hard] + [False] * len(ordinary)) & reads
    missed = (labels == 1) & reads
    weight = np.where(missed, RULE_MISS_WEIGHT, 1.0)
    feats = [features(canonical(t)) for t in texts]

    counts: dict[str, int] = {}
    for fs in feats:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    rows, cols, vals = [], [], []
    for r, fs in enumerate(feats):
        # Unit length over all of a message's features, known or not: exactly what net.py computes.
        scale = 1.0 / max(1, len(fs)) ** 0.5
        for f in fs:
            if f in vocab:
                rows.append(r)
                cols.append(vocab[f])
                vals.append(scale)
    x = csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))

    def model() -> LogisticRegression:
        return LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=1000)

    def route_model() -> LogisticRegression:
        return LogisticRegression(C=ROUTE_C, solver="lbfgs", max_iter=3000)

    # The route model learns from the positives alone: it is asked only once the net has fired.
    n_pos = len(pos)
    scores = np.zeros(len(texts))
    route_prob = np.zeros(len(texts))
    route_right = np.zeros(len(texts), dtype=bool)
    for train_idx, test_idx in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(x, labels):
        fold = model().fit(x[train_idx], labels[train_idx], sample_weight=weight[train_idx])
        scores[test_idx] = fold.predict_proba(x[test_idx])[:, 1]
        fold_pos = train_idx[train_idx < n_pos]
        routes = route_model().fit(x[fold_pos], routes_of[fold_pos])
        probs = routes.predict_proba(x[test_idx])
        route_prob[test_idx] = probs.max(axis=1)
        guessed = routes.classes_[probs.argmax(axis=1)]
        route_right[test_idx] = [i < n_pos and g == routes_of[i] for i, g in zip(test_idx, guessed, strict=True)]
    hard_scores = np.sort(scores[is_hard])[::-1]
    allowed = int(TARGET_FALSE_POSITIVES * len(hard_scores))
    threshold = float(hard_scores[allowed]) + 1e-6
    full_threshold = max(threshold, float(hard_scores[int(FULL_REPLY_FALSE_POSITIVES * len(hard_scores))]) + 1e-6)

    final = model().fit(x, labels, sample_weight=weight)
    final_routes = route_model().fit(x[:n_pos], routes_of)
    names = sorted(vocab, key=vocab.get)
    route_weights = {
        str(route): {
            name: round(float(w), DECIMALS)
            for name, w in zip(names, final_routes.coef_[k], strict=True)
            if round(float(w), DECIMALS) != 0.0
        }
        for k, route in enumerate(final_routes.classes_)
    }
    weights = {
        name: round(float(w), DECIMALS)
        for name, w in zip(names, final.coef_[0], strict=True)
        if round(float(w), DECIMALS) != 0.0
    }
    pos_scores = scores[labels == 1]
    full = (scores >= full_threshold) & (route_prob >= ROUTE_CONFIDENCE)
    report = {
        "positives": len(pos),
        "hard_negatives": len(hard),
        "ordinary_messages": len(ordinary),
        "features": len(weights),
        "threshold": round(threshold, DECIMALS),
        "cv_recall": round(float((pos_scores >= threshold).mean()), 4),
        "cv_recall_where_rules_miss": round(float((scores[missed] >= threshold).mean()), 4),
        "cv_false_positives_hard": round(float((scores[is_hard] >= threshold).mean()), 4),
        "cv_false_positives_ordinary": round(
            float((scores[(labels == 0) & ~is_hard] >= threshold).mean()), 4
        ),
        "full_reply_threshold": round(full_threshold, DECIMALS),
        "route_confidence": ROUTE_CONFIDENCE,
        "cv_full_reply_false_positives_ordinary": round(float(full[(labels == 0) & ~is_hard].mean()), 4),
        "cv_full_reply_where_rules_miss": round(float(full[missed].mean()), 4),
        "cv_right_route_of_full_replies": round(float(route_right[full & (labels == 1)].mean()), 4),
        "cv_full_reply_false_positives_hard": round(float(full[is_hard].mean()), 4),
    }
    data = {
        "about": "Weights of bot/safety/net.py, written by bot/safety/train_net.py: do not edit by hand.",
        "trained_from": fingerprint(),
        "training": report,
        "bias": round(float(final.intercept_[0]), DECIMALS),
        "threshold": round(threshold, DECIMALS),
        "weights": dict(sorted(weights.items())),
        "routes": {
            "confidence": ROUTE_CONFIDENCE,
            "threshold": round(full_threshold, DECIMALS),
            "bias": {
                str(route): round(float(b), DECIMALS)
                for route, b in zip(final_routes.classes_, final_routes.intercept_, strict=True)
            },
            "weights": {route: dict(sorted(w.items())) for route, w in route_weights.items()},
        },
    }
    return data, report


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if net.json is out of date")
    args = parser.parse_args(argv)
    if args.check:
        written = json.loads(WEIGHTS.read_text(encoding="utf-8")).get("trained_from") if WEIGHTS.exists() else None
        if written != fingerprint():
            print(f"{WEIGHTS} is out of date: run python -m bot.safety.train_net", file=sys.stderr)
            return 1
        return 0
    data, report = train()
    WEIGHTS.write_text(render(data), encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
