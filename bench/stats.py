"""Percentiles, load average and process memory: shared by every benchmark, in both venvs.

Plain Python (no numpy) and Python 3.10 syntax, because bench/bot.py runs in .venv-rasa.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from pathlib import Path


def percentile(sorted_values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), on an already sorted list."""
    if not sorted_values:
        return math.nan
    pos = (len(sorted_values) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def summary_ms(seconds: Iterable[float]) -> dict[str, float]:
    """p50/p95/p99/mean/max in milliseconds of durations given in seconds."""
    ms = sorted(s * 1000.0 for s in seconds)
    if not ms:
        return {"n": 0, "p50": math.nan, "p95": math.nan, "p99": math.nan, "mean": math.nan, "max": math.nan}
    return {
        "n": len(ms),
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "mean": sum(ms) / len(ms),
        "max": ms[-1],
    }


def load_average() -> tuple[float, float, float]:
    try:
        return os.getloadavg()
    except OSError:
        return (math.nan, math.nan, math.nan)


def proc_status(pid: int | str = "self") -> dict[str, float]:
    """VmRSS and VmHWM (peak) of a process in MB; empty when it has gone."""
    out: dict[str, float] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(rest.split()[0]) / 1024
    except OSError:
        pass
    return out


def children(pid: int) -> list[int]:
    """Every descendant of `pid` (Sanic workers, multiprocessing helpers)."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                kids = (task / "children").read_text().split()
            except OSError:
                continue
            for kid in kids:
                if int(kid) not in found:
                    found.append(int(kid))
                    todo.append(int(kid))
    return found


def peak_rss_mb(pid: int) -> dict[str, float]:
    """VmHWM of a process and, separately, the sum over its descendants (MB)."""
    own = proc_status(pid)
    kids = [proc_status(k) for k in children(pid)]
    return {
        "hwm_mb": own.get("VmHWM", math.nan),
        "rss_mb": own.get("VmRSS", math.nan),
        "children": len(kids),
        "children_hwm_mb": sum(k.get("VmHWM", 0.0) for k in kids),
    }


def emit_json(result: object, path: str | None) -> None:
    """A benchmark's figures: to `path` when given (bench/run.py reads them back), else to stdout."""
    import json

    text = json.dumps(result, indent=2)
    if path:
        Path(path).write_text(text, encoding="utf-8")
    else:
        print(text)
