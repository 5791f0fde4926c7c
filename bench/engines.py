"""Our search engine against SQLite FTS5 and PostgreSQL full text, same services, same queries.

    python -m bench.engines                       # 1k, 10k, 100k; each size in its own subprocess
    python -m bench.engines --one 10000           # one size in this process
    python -m bench.engines --one 100000 --only ours --passes 5   # what `bench.profiling` samples

Per size: bench.search generates the services (same seed), the baselines get
rows made from the same docs (bench/forms.py), and three query sets run
through every engine, interleaved query by query so that a busy moment on the
shared machine hits all engines alike:

- "recommend": bench.search's 200 recommend queries. Ours is
  `engine.recommend(...)` whole (parsing, radius widening included); the
  baselines get the equivalent form (parsed before timing) and run one SQL
  statement that returns the first 5 rows;
- "search": bench.search's 200 /services parameter sets. Ours is the index
  call on the `Query` the API builds; the baselines run the same filters with
  the `search` text as their keyword phrase, first 20 rows;
- "judged": bench/judged.json, for precision@5 (bench/relevance.py), through
  ours twice (the sentence as the bot sends it, and the form as the baselines
  get it) and through each baseline.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import forms, relevance
from bench import search as gen
from bench.stats import emit_json, load_average, proc_status, summary_ms

ROOT = Path(__file__).resolve().parents[1]
RESULT_MARK = "ENGINES-RESULT "
ENGINES = ("ours", "sqlite", "postgres")


def _timed(call: Callable[[], list[str]]) -> tuple[float, list[str], str | None]:
    t0 = time.perf_counter()
    try:
        ids = call()
    except Exception as exc:  # noqa: BLE001 - a failing query is counted, the run goes on
        return time.perf_counter() - t0, [], f"{type(exc).__name__}: {str(exc)[:200]}"
    return time.perf_counter() - t0, ids, None


def _ours_recommend(engine, kw: dict) -> Callable[[], list[str]]:
    return lambda: [h.doc.id for h in engine.recommend(now=gen.NOW, **kw).hits]


def _ours_search(engine, query) -> Callable[[], list[str]]:
    return lambda: [h.doc.id for h in engine.index.search(query).hits]


def _baseline(db, form: forms.Form) -> Callable[[], list[str]]:
    return lambda: [row[0] for row in db.search(form)]


def run_set(calls: list[dict[str, Callable[[], list[str]]]], labels: list[str]) -> dict:
    """Run query i on every engine before query i+1, rotating which engine goes first."""
    names = list(calls[0]) if calls else []
    times: dict[str, list[float]] = {n: [] for n in names}
    found: dict[str, int] = dict.fromkeys(names, 0)
    errors: dict[str, list[str]] = {n: [] for n in names}
    slowest: dict[str, list[tuple[float, str]]] = {n: [] for n in names}
    for i, per_engine in enumerate(calls):
        order = names[i % len(names):] + names[:i % len(names)]
        for name in order:
            seconds, ids, error = _timed(per_engine[name])
            times[name].append(seconds)
            found[name] += bool(ids)
            slowest[name].append((seconds, labels[i]))
            if error:
                errors[name].append(f"{labels[i]}: {error}")
    return {
        name: {
            **summary_ms(times[name]),
            "with_results": found[name],
            "errors": errors[name][:10],
            "error_count": len(errors[name]),
            "slowest": [(round(s * 1000, 2), q) for s, q in sorted(slowest[name], reverse=True)[:5]],
        }
        for name in names
    }


def ratios(latency: dict) -> dict:
    """Baseline time over ours, per percentile: 5.0 means ours is five times faster."""
    ours = latency.get("ours")
    out = {}
    for name, figures in latency.items():
        if name == "ours" or ours is None:
            continue
        out[name] = {p: figures[p] / ours[p] if ours[p] else float("nan") for p in ("p50", "p95", "p99")}
    return out


def judged_runs(engine, dbs: dict, judged: list[dict], judge: relevance.Judge) -> dict:
    """precision@5 per engine on the judged queries, with the per-query figures."""
    from directory.geo import PlaceNotFound

    per_query: dict[str, dict[str, float | None]] = {}
    sizes: dict[str, int] = {}
    kinds = {e["id"]: e["kind"] for e in judged}
    for entry in judged:
        j = judge.judge(entry)
        sizes[entry["id"]] = len(j.relevant)
        f = entry["form"]
        runners: dict[str, Callable[[], list[str]]] = {
            "ours_text": lambda e=entry, f=f: [h.doc.id for h in engine.recommend(
                q=e["text"], radius_km=f.get("radius_km"), now=gen.NOW, limit=relevance.K).hits],
            "ours_form": lambda f=f: [h.doc.id for h in engine.recommend(
                interests=f.get("keywords"), age=f.get("age"), near=f.get("near"), free=bool(f.get("free")),
                day=f.get("day"), radius_km=f.get("radius_km"), now=gen.NOW, limit=relevance.K).hits],
        }
        form = forms.from_judged(engine, f, limit=relevance.K)
        for name, db in dbs.items():
            runners[name] = _baseline(db, form)
        scores = {}
        for name, run in runners.items():
            try:
                ids = run()
            except PlaceNotFound:
                ids = []
            scores[name] = j.precision(ids)
        per_query[entry["id"]] = scores
    names = list(next(iter(per_query.values()))) if per_query else []
    return {
        "summary": {n: relevance.summarise({q: s[n] for q, s in per_query.items()}, kinds) for n in names},
        "per_query": per_query,
        "relevant_counts": sizes,
    }


def open_baselines(only: tuple[str, ...], log) -> tuple[dict, dict[str, str]]:
    from bench.postgres_fts import PostgresFts, available
    from bench.sqlite_fts import SqliteFts

    dbs: dict = {}
    skipped: dict[str, str] = {}
    if "sqlite" in only:
        dbs["sqlite"] = SqliteFts()
    if "postgres" in only:
        problem = available()
        if problem is None:
            dbs["postgres"] = PostgresFts()
        else:
            skipped["postgres"] = problem
            log(f"PostgreSQL not reachable, baseline skipped: {problem}")
    return dbs, skipped


def run_comparison(size: int, queries: int = gen.DEFAULT_QUERIES, seed: int = gen.SEED, *,
                   warmup: int = gen.WARMUP_QUERIES, only: tuple[str, ...] = ENGINES, passes: int = 1,
                   judged: list[dict] | None = None, log=None) -> dict:
    log = log or (lambda *_: None)
    load_start = load_average()
    terms, _leaves, taxonomy_id = gen.load_taxonomy()
    docs, _factory = gen.generate(size, seed)
    rows = forms.rows_from_docs(docs) if set(only) - {"ours"} else None
    t0 = time.perf_counter()
    engine = gen.build_engine(docs, terms, taxonomy_id)
    build = {"ours": time.perf_counter() - t0}
    rss_ours = proc_status().get("VmRSS")
    dbs, skipped = open_baselines(only, log)
    try:
        for name, db in dbs.items():
            db.load(rows)
            build[name] = db.load_s
            log(f"[{size}] {db.name} loaded in {db.load_s:.1f}s")
        del rows
        gc.collect()

        rec_kw = gen.recommend_queries(queries, seed)
        search_params = gen.search_params(queries, seed)
        warm_kw = gen.recommend_queries(len(gen.TEXT_QUERIES) + len(gen.STRUCTURED_QUERIES) + warmup,
                                        seed + 7)[-warmup:]
        warm_params = gen.search_params(warmup, seed + 7)

        def recommend_calls(kws: list[dict]) -> list[dict]:
            out = []
            for kw in kws:
                calls: dict[str, Callable[[], list[str]]] = {}
                if "ours" in only:
                    calls["ours"] = _ours_recommend(engine, kw)
                if dbs:
                    form = forms.from_recommend(engine, kw)
                    calls.update({name: _baseline(db, form) for name, db in dbs.items()})
                out.append(calls)
            return out

        def search_calls(params: list[dict]) -> list[dict]:
            out = []
            for p in params:
                calls: dict[str, Callable[[], list[str]]] = {}
                if "ours" in only:
                    calls["ours"] = _ours_search(engine, gen.search_query(engine, p))
                if dbs:
                    form = forms.from_search(engine, p)
                    calls.update({name: _baseline(db, form) for name, db in dbs.items()})
                out.append(calls)
            return out

        run_set(recommend_calls(warm_kw), [str(k) for k in warm_kw])
        run_set(search_calls(warm_params), [str(p) for p in warm_params])
        rec_calls, search_calls_ = recommend_calls(rec_kw), search_calls(search_params)
        latency: dict = {}
        for _ in range(passes):
            latency = {
                "recommend": run_set(rec_calls, [str(k) for k in rec_kw]),
                "search": run_set(search_calls_, [str(p) for p in search_params]),
            }
        judged = relevance.load_judged() if judged is None else judged
        judge = relevance.Judge([d for d in engine.index.docs if d is not None], engine)
        quality = judged_runs(engine, dbs, judged, judge) if judged else {}
    finally:
        for db in dbs.values():
            db.close()
    return {
        "size": size,
        "queries": queries,
        "seed": seed,
        "build_s": build,
        "rss_after_ours_build_mb": rss_ours,
        "latency": latency,
        "ratio": {kind: ratios(figures) for kind, figures in latency.items()},
        "relevance": quality,
        "skipped": skipped,
        "load_average": {"start": load_start, "end": load_average()},
    }


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_sizes(sizes: list[int], queries: int, seed: int, log=_log) -> list[dict]:
    """Each size in a fresh interpreter, so that one size's memory and caches don't colour the next."""
    results = []
    for size in sizes:
        cmd = [sys.executable, "-m", "bench.engines", "--one", str(size), "--queries", str(queries),
               "--seed", str(seed)]
        log(f"-- engines at {size:,} services: {' '.join(cmd[1:])}")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, check=False)
        found = [line for line in proc.stdout.splitlines() if line.startswith(RESULT_MARK)]
        if proc.returncode != 0 or not found:
            raise RuntimeError(f"bench.engines --one {size} failed (exit {proc.returncode})")
        results.append(json.loads(found[-1][len(RESULT_MARK):]))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.engines", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in gen.DEFAULT_SIZES))
    parser.add_argument("--queries", type=int, default=gen.DEFAULT_QUERIES)
    parser.add_argument("--seed", type=int, default=gen.SEED)
    parser.add_argument("--one", type=int, metavar="SIZE", help="run one size in this process")
    parser.add_argument("--only", default=",".join(ENGINES), help="engines to run (default %(default)s)")
    parser.add_argument("--passes", type=int, default=1, help="time the query sets this many times")
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)
    if args.one is not None:
        # A stopped run still drops its PostgreSQL database: SIGTERM unwinds through the finally blocks.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        only = tuple(e for e in args.only.split(",") if e)
        result = run_comparison(args.one, args.queries, args.seed, only=only, passes=args.passes,
                                judged=None if args.passes == 1 else [], log=_log)
        print(RESULT_MARK + json.dumps(result), flush=True)
        return 0
    results = run_sizes([int(s) for s in args.sizes.split(",") if s.strip()], args.queries, args.seed)
    emit_json(results, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
