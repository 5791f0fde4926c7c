"""HTTP: /recommendations and /services under 1, 10 and 50 concurrent clients.

    python -m bench.http_api [--size 10000] [--seconds 10] [--json PATH]
                             [--db PATH] [--endpoint /services] [--clients 10] [--workers 2]

A real `python -m directory serve` (started by tests/e2e/servers.py, on a free
loopback port) over a SQLite database that a real `python -m directory seed`
filled with bench.search's synthetic services. The requests are bench.search's
query sets as URLs (only those the server answers 200 are kept; the others are
counted). The load comes from bench/loadgen.py, in this process: on this
2-core machine the client takes CPU from the server, and the report says so.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

from bench import loadgen, synthetic_hsds
from bench import search as gen
from bench.stats import children, emit_json, load_average, peak_rss_mb, summary_ms

ROOT = Path(__file__).resolve().parents[1]
CONCURRENCY = (1, 10, 50)
DEFAULT_SIZE = 10_000
DEFAULT_SECONDS = 10.0
TARGET_RPS, TARGET_P99_MS = 1000.0, 50.0


def servers_module():
    """tests/e2e/servers.py: the launcher the end-to-end tests use (free port, wait for ready, log file)."""
    sys.path.insert(0, str(ROOT / "tests" / "e2e"))
    try:
        import servers
    finally:
        sys.path.pop(0)
    return servers


def recommendation_paths(n: int) -> list[str]:
    out = []
    for kw in gen.recommend_queries(n):
        params = {k: v for k, v in kw.items() if k != "interests"}
        if kw.get("interests"):
            params["interests"] = ",".join(kw["interests"])
        if params.get("free"):
            params["free"] = "true"
        out.append("/recommendations?" + urlencode(params))
    return out


def services_paths(n: int) -> list[str]:
    out = []
    for p in gen.search_params(n):
        params = {k: v for k, v in p.items() if k != "radius_km"}
        if p.get("radius_km"):
            params["proximity"] = int(p["radius_km"] * 1000)
        if params.get("free"):
            params["free"] = "true"
        out.append("/services?" + urlencode(params))
    return out


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process and its live children (the workers of `serve --workers N`), in seconds."""
    total = 0.0
    for one in (pid, *children(pid)):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def start_server(servers, tmp: Path, workers: int):
    """`python -m directory serve` as `make run` starts it (tests/e2e/servers.py), or with --workers N;
    then wait until every worker has built its index (the first one to answer /health may be alone)."""
    if workers <= 1:
        return servers.start_directory(tmp)
    port = servers.free_port()
    server = servers.start(
        "directory",
        [servers.directory_python(), "-m", "directory", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers)],
        f"http://127.0.0.1:{port}", "/health", tmp, env={"DIRECTORY_DATABASE_URL": f"sqlite:///{tmp / 'directory.db'}"},
    )
    deadline = time.monotonic() + 180
    while server.log.read_text(errors="replace").count("search index built") < workers:
        if time.monotonic() > deadline:
            raise RuntimeError("workers did not all build their index:\n" + server.tail())
        time.sleep(0.5)
    return server


def keep_answered(base: str, paths: list[str]) -> tuple[list[str], dict[str, int]]:
    """Each path once, in order: keep those answered 200, count the rest by status."""
    kept, other = [], {}
    with httpx.Client(base_url=base, timeout=30.0) as client:
        for path in paths:
            status = client.get(path).status_code
            if status == 200:
                kept.append(path)
            else:
                other[str(status)] = other.get(str(status), 0) + 1
    return kept, other


def measure(base: str, pid: int, paths: list[str], concurrency: int, seconds: float) -> dict:
    host, _port = loadgen.loopback_address(base)
    requests = [loadgen.get(host, p) for p in paths]
    cpu0, wall0, load0 = cpu_seconds(pid), time.perf_counter(), load_average()
    result = loadgen.run_load(base, requests, concurrency, seconds)
    cpu1, wall1 = cpu_seconds(pid), time.perf_counter()
    return {
        "concurrency": concurrency,
        "seconds": result.elapsed_s,
        "requests": len(result.latencies),
        "rps": result.requests_per_s,
        **{k: v for k, v in summary_ms(result.latencies).items() if k != "n"},
        "statuses": {str(k): v for k, v in result.statuses.items()},
        "errors": dict(result.errors),
        "server_cpu": (cpu1 - cpu0) / (wall1 - wall0),  # 1.0 = one core busy all the time
        # The server's CPU time per request: unlike req/s, hardly moved by other work on the machine.
        "server_cpu_ms_per_request": 1000 * (cpu1 - cpu0) / max(1, len(result.latencies)),
        "load_average": {"start": load0, "end": load_average()},
    }


def seed_database(tmp: Path, size: int) -> dict:
    """The synthetic services through the product's own loader (`python -m directory seed`)."""
    seed_file = tmp / "synthetic.json"
    t0 = time.perf_counter()
    synthetic_hsds.write_seed(seed_file, size)
    written = time.perf_counter() - t0
    env = {**os.environ, "DIRECTORY_DATABASE_URL": f"sqlite:///{tmp / 'directory.db'}",
           "DIRECTORY_SEED_FILE": str(seed_file), "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "directory", "seed", "--quiet"], cwd=ROOT,
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {"services": size, "write_json_s": written, "seed_s": time.perf_counter() - t0}


def prepare_database(tmp: Path, size: int, keep: Path | None, log) -> dict:
    """Seed a fresh database in `tmp`, or reuse (and fill once) `keep`: seeding 10k services takes
    minutes, and measuring one change after another does not need a new database each time."""
    if keep is not None and keep.exists():
        shutil.copyfile(keep, tmp / "directory.db")
        log(f"http: reusing {keep}")
        return {"services": size, "reused": str(keep)}
    figures = seed_database(tmp, size)
    log(f"http: {size:,} synthetic services seeded in {figures['seed_s']:.0f}s")
    if keep is not None:
        shutil.copyfile(tmp / "directory.db", keep)
    return figures


def run(size: int = DEFAULT_SIZE, seconds: float = DEFAULT_SECONDS, concurrency=CONCURRENCY, queries: int = 200,
        profile_dir: Path | None = None, log=None, keep_db: Path | None = None,
        endpoint_names: tuple[str, ...] = ("/recommendations", "/services"), workers: int = 1) -> dict:
    log = log or (lambda *_: None)
    servers = servers_module()
    out: dict = {"size": size, "seconds_per_run": seconds, "targets": {"rps": TARGET_RPS, "p99_ms": TARGET_P99_MS},
                 "workers": workers}
    with tempfile.TemporaryDirectory(prefix="fyp-bench-http-") as tmp_name:
        tmp = Path(tmp_name)
        out["database"] = prepare_database(tmp, size, keep_db, log)
        t0 = time.perf_counter()
        server = start_server(servers, tmp, workers)
        try:
            out["server_start_s"] = time.perf_counter() - t0
            health = httpx.get(server.url + "/health", timeout=10).json()
            out["services_indexed"] = health.get("services_indexed")
            endpoints = {}
            sets = {"/recommendations": recommendation_paths, "/services": services_paths}
            for name in endpoint_names:
                paths = sets[name](queries)
                kept, other = keep_answered(server.url, paths)
                endpoints[name] = {"paths": len(paths), "answered_200": len(kept), "other_statuses": other,
                                   "runs": []}
                for c in concurrency:
                    figures = measure(server.url, server.process.pid, kept, c, seconds)
                    endpoints[name]["runs"].append(figures)
                    log(f"http {name} x{c}: {figures['rps']:.0f} req/s, p50 {figures['p50']:.1f} ms, "
                        f"p99 {figures['p99']:.1f} ms, server CPU {figures['server_cpu']:.2f} cores "
                        f"({figures['server_cpu_ms_per_request']:.2f} ms/request), "
                        f"load {figures['load_average']['start'][0]:.1f} -> {figures['load_average']['end'][0]:.1f}")
                if profile_dir is not None and missed(endpoints[name]["runs"]):
                    endpoints[name]["profile"] = profile_under_load(server, kept, profile_dir, name, log)
            out["endpoints"] = endpoints
            out["server_rss"] = peak_rss_mb(server.process.pid)
        finally:
            server.stop()
    return out


def missed(runs: list[dict]) -> bool:
    return any(r["rps"] < TARGET_RPS or r["p99"] > TARGET_P99_MS for r in runs if r["concurrency"] >= 10)


ENDPOINT_FUNCTIONS = {"/recommendations": "recommendations (", "/services": "list_services ("}


def profile_under_load(server, paths: list[str], profile_dir: Path, name: str, log) -> dict:
    """py-spy samples the server (the thread holding the GIL) while 10 clients load it: how much of the
    server's CPU goes to the endpoint's own code, and where the rest goes."""
    from bench import profiling

    host, _port = loadgen.loopback_address(server.url)
    requests = [loadgen.get(host, p) for p in paths]
    out = profile_dir / ("http" + name.replace("/", "_") + ".txt")
    with profiling.sample(server.process.pid, out, seconds=8.0) as sampler:
        loadgen.run_load(server.url, requests, 10, 8.0, warmup_s=0.5)
    if sampler.error:
        return {"error": sampler.error}
    summary = profiling.summarise(sampler.path)
    inside = profiling.summarise(sampler.path, within=ENDPOINT_FUNCTIONS[name])
    summary["endpoint"] = inside
    summary["endpoint_share"] = inside.get("samples", 0) / summary["samples"] if summary.get("samples") else None
    log(f"http {name}: profiled, {summary.get('samples', 0)} samples")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.http_api", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE)
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS)
    parser.add_argument("--profile-dir", type=Path)
    parser.add_argument("--json", metavar="PATH")
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="keep the seeded SQLite database here and reuse it on later runs (same --size)")
    parser.add_argument("--endpoint", action="append", choices=("/recommendations", "/services"),
                        help="only this endpoint (repeatable); both by default")
    parser.add_argument("--workers", type=int, default=1, help="serve --workers N (default 1, as make run)")
    parser.add_argument("--clients", type=int, action="append", help=f"concurrent clients (repeatable); {CONCURRENCY}")
    args = parser.parse_args(argv)
    result = run(args.size, args.seconds, concurrency=tuple(args.clients or CONCURRENCY), profile_dir=args.profile_dir,
                 log=lambda m: print(m, file=sys.stderr, flush=True), keep_db=args.db,
                 endpoint_names=tuple(args.endpoint or ("/recommendations", "/services")), workers=args.workers)
    emit_json(result, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
