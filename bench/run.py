"""`python -m bench` (`make bench`): every benchmark in one run, then bench/REPORT.md, printed.

    python -m bench                      # everything (about 15-25 minutes on 2 cores)
    python -m bench --skip-bot --skip-http --sizes 1000,10000   # a quick look at the search part

Order: search engine (ours alone, then against the baselines, then a profile
if ours misses its target), HTTP, bot. Raw figures go to var/bench/figures.json
as each part finishes, so a failing part still leaves the others' figures, and
the report is written from whatever was measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

from bench import engines, profiling, report
from bench import search as gen
from bench.stats import load_average

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "var" / "bench"
REPORT = Path(__file__).with_name("REPORT.md")
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
SEARCH_P95_TARGET_MS = 5.0


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def env_with_root() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}


def search_standalone(sizes: str, queries: int) -> list[dict]:
    """`make bench-search` as it is (one process per size): ours alone, with its memory figures."""
    path = OUT / "search.json"
    subprocess.run([sys.executable, "-m", "bench.search", "--sizes", sizes, "--queries", str(queries),
                    "--json", str(path)], cwd=ROOT, env=env_with_root(), check=True, stdout=subprocess.DEVNULL)
    return json.loads(path.read_text())


def search_profile(size: int) -> dict:
    """py-spy over ours' timed query loop at `size` services, five passes for enough samples."""
    out = OUT / "profiles" / f"search_{size}.txt"
    error = profiling.record([sys.executable, "-m", "bench.engines", "--one", str(size), "--only", "ours",
                              "--passes", "5"], out)
    return {"error": error} if error else profiling.summarise(out, within="run_set")


def bot(seconds: float, train: bool) -> dict:
    if not RASA_PYTHON.exists():
        return {"error": f"{RASA_PYTHON} is missing: run `make train` (it creates .venv-rasa)"}
    path = OUT / "bot.json"
    argv = [str(RASA_PYTHON), "-m", "bench.bot", "--seconds", str(seconds), "--json", str(path),
            "--profile-dir", str(OUT / "profiles" / "bot")]
    if not train:
        argv.append("--no-train")
    proc = subprocess.run(argv, cwd=ROOT, env=env_with_root(), check=False)
    if proc.returncode != 0 or not path.exists():
        return {"error": f"bench.bot exited with {proc.returncode}; its log is above"}
    return json.loads(path.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in gen.DEFAULT_SIZES))
    parser.add_argument("--queries", type=int, default=gen.DEFAULT_QUERIES)
    parser.add_argument("--http-size", type=int, default=10_000)
    parser.add_argument("--http-seconds", type=float, default=10.0)
    parser.add_argument("--bot-seconds", type=float, default=12.0)
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--skip-bot", action="store_true")
    parser.add_argument("--no-train", action="store_true", help="skip timing a full `rasa train`")
    parser.add_argument("--report", type=Path, default=REPORT)
    parser.add_argument("--render-only", action="store_true",
                        help="measure nothing: rewrite the report from the last run's var/bench/figures.json")
    args = parser.parse_args(argv)
    if args.render_only:
        text = report.render(json.loads((OUT / "figures.json").read_text(encoding="utf-8")))
        args.report.write_text(text, encoding="utf-8")
        print(text)
        return 0

    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    figures: dict = {"meta": {
        "started": dt.datetime.now().isoformat(timespec="seconds"), "cpus": os.cpu_count(),
        "memory_gb": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9,
        "python": f"Python {platform.python_version()} (directory), Rasa in .venv-rasa",
    }}
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    def save() -> None:
        figures["meta"]["minutes"] = (time.perf_counter() - t0) / 60
        (OUT / "figures.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")

    def part(name: str, run) -> None:
        log(f"== {name}")
        before = load_average()
        try:
            figures[name] = run()
        except Exception as exc:  # noqa: BLE001 - one failing part must not lose the others' figures
            traceback.print_exc()
            figures[name] = {"error": f"{type(exc).__name__}: {exc}"}
        figures.setdefault("load_average", {})[name] = {"start": before, "end": load_average()}
        save()

    part("search_standalone", lambda: search_standalone(args.sizes, args.queries))
    part("engines", lambda: engines.run_sizes(sizes, args.queries, gen.SEED, log=log))
    largest = next((e for e in figures.get("engines") or [] if isinstance(e, dict) and e["size"] == max(sizes)), None)
    if largest and max(largest["latency"]["recommend"]["ours"]["p95"],
                       largest["latency"]["search"]["ours"]["p95"]) > SEARCH_P95_TARGET_MS:
        part("search_profile", lambda: search_profile(max(sizes)))
    if not args.skip_http:
        from bench import http_api

        # Seeded once in this run, then shared by both server configurations.
        db = OUT / f"http-{args.http_size}.db"
        db.unlink(missing_ok=True)
        part("http", lambda: http_api.run(args.http_size, args.http_seconds, profile_dir=OUT / "profiles", log=log,
                                          keep_db=db))
        # The same server with one uvicorn worker per core (`serve --workers 2`): the HTTP target is "on 2 cores".
        part("http_workers2", lambda: http_api.run(args.http_size, args.http_seconds, log=log, keep_db=db, workers=2))
    if not args.skip_bot:
        part("bot", lambda: bot(args.bot_seconds, not args.no_train))

    save()
    text = report.render(figures)
    args.report.write_text(text, encoding="utf-8")
    print(text)
    log(f"wrote {args.report} in {figures['meta']['minutes']:.1f} minutes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
