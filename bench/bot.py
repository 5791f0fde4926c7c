"""The bot: training time, cold start, turn latency and memory, ours against stock Rasa settings.

    .venv-rasa/bin/python -m bench.bot [--seconds 12] [--train | --no-train] [--json PATH]

Runs in .venv-rasa (tests/e2e/servers.py starts the action server and Rasa
from the interpreter's own venv). Steps, each bounded in time:

1. training: `rasa train` into a temporary folder with --force and its own
   cache folder, so nothing is reused: the full cost on this machine;
2. the directory (seeded with the sample directory, as `make run` has it) and
   the action server, started once by tests/e2e/servers.py;
3. per configuration, a Rasa server is started (cold start = launch to the
   server answering; then the first turn), and conversations run through the
   REST channel: one client, then 10, then 20 concurrent conversations, each
   client starting a new conversation as soon as one ends, for a fixed time.
   Configurations:
   - "ours": as `make run` starts it (Procfile): HTTP API on with a token,
     endpoints.yml with our env-driven tracker and lock stores (in memory);
   - "stock": plain `rasa run` on the same model with an endpoints file that
     names only the action server: Rasa's defaults (1 Sanic worker, in-memory
     tracker and lock stores);
   - "ours + SANIC_WORKERS=2": a correctness check, not a speed run (see
     `sanic_workers_check`): with in-memory stores Rasa must refuse to
     start; with shared stores (Redis, when one answers) conversations must
     stay intact across workers;
4. peak RSS (VmHWM) of the Rasa server, the action server and the directory.
Where a target is missed, py-spy samples the Rasa server and the action server
under 20 concurrent conversations.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import loadgen
from bench.stats import children, emit_json, load_average, peak_rss_mb, summary_ms

ROOT = Path(__file__).resolve().parents[1]
RASA_BIN = Path(sys.executable).parent / "rasa"
MODEL = ROOT / "models" / "current.tar.gz"
CONCURRENCY = (1, 10, 20)
DEFAULT_SECONDS = 12.0
TURN_TIMEOUT_S = 30.0
TARGETS = {"seq_p50_ms": 80.0, "c20_turns_per_s": 30.0, "c20_p95_ms": 1000.0, "train_s": 240.0,
           "cold_start_s": 45.0, "rasa_rss_mb": 1500.0}

# What people say, turn by turn. `services` marks the turns whose reply must carry a services payload:
# a conversation that lost its state (a form that forgot its slots) fails there.
CONVERSATIONS: tuple[tuple[tuple[str, bool], ...], ...] = (
    (("hiya", False), ("im 14 from walton and i like drama", True), ("something free", False),
     ("show me more", False), ("thanks bye", False)),
    (("find me something to do", False), ("football", False), ("12", False), ("anfield", True),
     ("cheers", False)),
    (("my 10 year old daughter is being bullied, we live in Kirkby", True), ("what is camhs", False),
     ("thank you", False)),
    (("what's kooth", False), ("is there any boxing near everton for a 15 year old", True), ("bye", False)),
)


# A conversation that needs its state: the form asks one thing at a time, and only the last turn can bring
# services if the earlier answers were remembered.
STEP_BY_STEP = (("find me something to do", False), ("football", False), ("12", False), ("anfield", True))


def servers_module():
    sys.path.insert(0, str(ROOT / "tests" / "e2e"))
    try:
        import servers
    finally:
        sys.path.pop(0)
    return servers


# --------------------------------------------------------------------------------------------
# Conversations under load
# --------------------------------------------------------------------------------------------


def has_services(replies: list) -> bool:
    return any(isinstance(r.get("custom"), dict) and r["custom"].get("type") == "services" for r in replies)


class Conversations:
    """Runs the scripted conversations round-robin; records (seconds, ok) per turn and per conversation."""

    def __init__(self, host: str, fresh_connection_per_turn: bool = False, scripts=CONVERSATIONS):
        self.host = host
        self.fresh = fresh_connection_per_turn
        self.scripts = scripts
        self.next = 0
        self.done: list[bool] = []  # per finished conversation: did every `services` turn carry services?

    async def __call__(self, conn: loadgen.Connection, record) -> None:
        script = self.scripts[self.next % len(self.scripts)]
        self.next += 1
        sender = "bench-" + secrets.token_hex(6)
        intact = True
        for text, wants_services in script:
            if self.fresh:
                await conn.close()
            raw = loadgen.post_json(self.host, "/webhooks/rest/webhook", {"sender": sender, "message": text})
            t0 = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(conn.send(raw), TURN_TIMEOUT_S)
                replies = json.loads(body) if status == 200 else []
                ok = status == 200 and bool(replies)
            except (asyncio.TimeoutError, ConnectionError, OSError, ValueError, asyncio.IncompleteReadError):
                await conn.close()
                replies, ok = [], False
            record(time.perf_counter() - t0, ok)
            if wants_services and not has_services(replies):
                intact = False
            if not ok:
                intact = False
                break
        self.done.append(intact)


def converse(url: str, concurrency: int, seconds: float, fresh: bool = False, scripts=CONVERSATIONS) -> dict:
    host, _port = loadgen.loopback_address(url)
    conversations = Conversations(host, fresh, scripts)
    load0 = load_average()
    records, elapsed = asyncio.run(loadgen.run_sessions(url, conversations, concurrency, seconds))
    ok = [s for s, good in records if good]
    return {
        "concurrency": concurrency,
        "seconds": elapsed,
        "turns": len(records),
        "failed_turns": len(records) - len(ok),
        "turns_per_s": len(ok) / elapsed if elapsed else 0.0,
        **{k: v for k, v in summary_ms(ok).items() if k != "n"},
        "conversations": len(conversations.done),
        "conversations_intact": sum(conversations.done),
        "load_average": {"start": load0, "end": load_average()},
    }


def first_turn(url: str) -> float:
    import httpx

    t0 = time.perf_counter()
    httpx.post(url + "/webhooks/rest/webhook", json={"sender": "bench-warm", "message": "hi"},
               timeout=120).raise_for_status()
    return time.perf_counter() - t0


# --------------------------------------------------------------------------------------------
# Servers
# --------------------------------------------------------------------------------------------


def stock_endpoints(tmp: Path, action_url: str) -> Path:
    """Only the action server: Rasa's own defaults for everything else."""
    path = tmp / "endpoints.stock.yml"
    path.write_text(f'action_endpoint:\n  url: "{action_url}/webhook"\n', encoding="utf-8")
    return path


def start_ours(servers, tmp: Path, model: Path, action_url: str, extra_env: dict | None = None):
    return servers.start_rasa(tmp, model, action_url, secrets.token_hex(16),
                              extra_env={"LOG_LEVEL": "INFO", **(extra_env or {})})


def start_stock(servers, tmp: Path, model: Path, action_url: str):
    port = servers.free_port()
    argv = [str(RASA_BIN), "run", "--port", str(port), "--interface", "127.0.0.1", "--model", str(model),
            "--endpoints", str(stock_endpoints(tmp, action_url)), "--credentials", str(ROOT / "credentials.yml")]
    return servers.start("rasa-stock", argv, f"http://127.0.0.1:{port}", "/", tmp,
                         env={"PYTHONPATH": str(ROOT), "LOG_LEVEL": "INFO"}, timeout_s=300.0)


def start_stock_profiled(servers, tmp: Path, model: Path, action_url: str, out: Path):
    """Stock Rasa launched under py-spy (non-blocking, 50 Hz: under 1% of a core), so that its cold start
    is profiled from the first import. Returns the server (whose process is py-spy) and Rasa's pid."""
    from bench import profiling

    exe = profiling.py_spy()
    if exe is None:
        server = start_stock(servers, tmp, model, action_url)
        return server, server.process.pid
    out.parent.mkdir(parents=True, exist_ok=True)
    port = servers.free_port()
    argv = [exe, "record", "--nonblocking", "--format", "raw", "--rate", "50", "--output", str(out), "--",
            str(RASA_BIN), "run", "--port", str(port), "--interface", "127.0.0.1", "--model", str(model),
            "--endpoints", str(stock_endpoints(tmp, action_url)), "--credentials", str(ROOT / "credentials.yml")]
    server = servers.start("rasa-stock", argv, f"http://127.0.0.1:{port}", "/", tmp,
                           env={"PYTHONPATH": str(ROOT), "LOG_LEVEL": "INFO"}, timeout_s=300.0)
    kids = children(server.process.pid)
    return server, kids[0] if kids else server.process.pid


def stop_profiled(server, rasa_pid: int) -> None:
    """SIGINT makes py-spy write its samples and end the Rasa it started; make sure of the latter."""
    if server.process.poll() is None and rasa_pid != server.process.pid:
        server.process.send_signal(signal.SIGINT)
        try:
            server.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            pass
    server.stop()
    if rasa_pid != server.process.pid and Path(f"/proc/{rasa_pid}").exists():
        os.kill(rasa_pid, signal.SIGTERM)


def timed_start(start, *args, **kwargs):
    t0 = time.perf_counter()
    server = start(*args, **kwargs)
    return server, time.perf_counter() - t0


def bench_config(name: str, server, rasa_pid: int, started_s: float, seconds: float, actions,
                 profile_dir: Path | None, log) -> dict:
    out: dict = {"name": name, "cold_start_s": started_s, "first_turn_s": first_turn(server.url), "runs": []}
    for c in CONCURRENCY:
        figures = converse(server.url, c, seconds)
        out["runs"].append(figures)
        log(f"bot {name} x{c}: {figures['turns_per_s']:.1f} turns/s, p50 {figures['p50']:.0f} ms, "
            f"p95 {figures['p95']:.0f} ms, {figures['failed_turns']} failed, "
            f"{figures['conversations_intact']}/{figures['conversations']} conversations intact")
    out["rasa_rss"] = peak_rss_mb(rasa_pid)
    if profile_dir is not None and rasa_pid == server.process.pid and missed(out):
        out["profile"] = profile(server, actions, profile_dir / name, seconds, log)
    return out


def missed(config: dict) -> bool:
    by_c = {r["concurrency"]: r for r in config["runs"]}
    return (by_c[1]["p50"] > TARGETS["seq_p50_ms"] or by_c[20]["turns_per_s"] < TARGETS["c20_turns_per_s"]
            or by_c[20]["p95"] > TARGETS["c20_p95_ms"])


def profile(server, actions, folder: Path, seconds: float, log) -> dict:
    """py-spy on the Rasa server and the action server while 20 conversations run."""
    from bench import profiling

    # All threads, not only the GIL holder: TensorFlow's work runs outside the GIL.
    with profiling.sample(server.process.pid, folder / "rasa.txt", seconds, gil=False) as rasa_s, \
            profiling.sample(actions.process.pid, folder / "actions.txt", seconds, gil=False) as actions_s:
        converse(server.url, 20, seconds)
    out = {}
    for label, sampler in (("rasa", rasa_s), ("actions", actions_s)):
        out[label] = {"error": sampler.error} if sampler.error else profiling.summarise(sampler.path)
    log(f"bot profiled: rasa {out['rasa'].get('samples', 0)} samples, actions {out['actions'].get('samples', 0)}")
    return out


def workers_intact(server, log, label: str) -> dict:
    """The step-by-step form, each turn on a new connection (as browsers behind a proxy do, so turns reach
    different workers), and again with keep-alive connections (each conversation then stays on one worker)."""
    first_turn(server.url)
    pids = [server.process.pid, *children(server.process.pid)]
    fresh = converse(server.url, 3, 20.0, fresh=True, scripts=(STEP_BY_STEP,))
    kept = converse(server.url, 3, 8.0, fresh=False, scripts=(STEP_BY_STEP,))
    log(f"bot SANIC_WORKERS=2, {label}: {len(pids)} processes; new connection per turn: "
        f"{fresh['conversations_intact']}/{fresh['conversations']} intact; keep-alive: "
        f"{kept['conversations_intact']}/{kept['conversations']} intact")
    return {"processes": len(pids), "fresh_connection_per_turn": fresh, "keep_alive": kept}


def redis_reachable(host: str = "127.0.0.1", port: int = 6379) -> bool:
    import socket

    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((host, port)) == 0


def sanic_workers_check(servers, tmp: Path, model: Path, action_url: str, log) -> dict:
    """SANIC_WORKERS=2. Rasa allows more than one worker only with a multi-worker lock store, and judges
    that by the endpoint's `type`: our bot.stores.EnvLockStore is not "in_memory", so Rasa starts the
    workers whatever the stores are. With in-memory stores each worker would keep its own copy of every
    conversation, and one whose turns reach different workers would forget its form, so bot/stores.py
    refuses that configuration: checked here (`in_memory`). With shared stores (Redis for both, when a
    Redis answers on 127.0.0.1:6379) the workers must keep conversations intact (`shared`), and the
    throughput at 20 conversations is measured as for the other configurations.

    `in_memory`: {"refused": bool, "explained": bool (the error names the settings to use), "seconds"};
    when Rasa does start (a regression) also the figures of `workers_intact`."""
    out: dict = {}
    t0 = time.perf_counter()
    try:
        server = start_ours(servers, tmp, model, action_url, {"SANIC_WORKERS": "2"})
    except RuntimeError:
        text = (tmp / "rasa.log").read_text(errors="replace")
        out["in_memory"] = {"refused": True, "seconds": time.perf_counter() - t0,
                            "explained": all(s in text for s in ("LOCK_STORE_TYPE=redis", "TRACKER_STORE_TYPE"))}
        log(f"bot SANIC_WORKERS=2, in-memory stores: Rasa refused to start "
            f"({'with' if out['in_memory']['explained'] else 'WITHOUT'} the settings to use) "
            f"in {out['in_memory']['seconds']:.1f}s")
    else:
        started = time.perf_counter() - t0
        try:
            out["in_memory"] = {"refused": False, "seconds": started, "cold_start_s": started,
                                **workers_intact(server, log, "in-memory stores (should have been refused)"),
                                "rss": peak_rss_mb(server.process.pid)}
        finally:
            server.stop()
    if not redis_reachable():
        log("bot SANIC_WORKERS=2, shared stores: skipped (no Redis on 127.0.0.1:6379)")
        return out
    # Databases of their own, flushed by nobody else: the tests use 3, 14 and 15.
    shared = {"SANIC_WORKERS": "2", "LOCK_STORE_TYPE": "redis", "TRACKER_STORE_TYPE": "redis",
              "REDIS_HOST": "127.0.0.1", "REDIS_TRACKER_DB": "10", "REDIS_LOCK_DB": "11"}
    server, started = timed_start(start_ours, servers, tmp, model, action_url, shared)
    try:
        figures = workers_intact(server, log, "shared stores (Redis)")
        c20 = converse(server.url, 20, DEFAULT_SECONDS)
        log(f"bot SANIC_WORKERS=2, shared stores x20: {c20['turns_per_s']:.1f} turns/s, p50 {c20['p50']:.0f} ms, "
            f"p95 {c20['p95']:.0f} ms, {c20['failed_turns']} failed")
        out["shared"] = {"cold_start_s": started, **figures, "c20": c20, "rss": peak_rss_mb(server.process.pid)}
    finally:
        server.stop()
        forget_bench_conversations(shared)
    return out


def forget_bench_conversations(env: dict) -> None:
    """The bench's conversations would otherwise sit in Redis for the retention period (a day)."""
    import redis

    for db in (env["REDIS_TRACKER_DB"], env["REDIS_LOCK_DB"]):
        client = redis.Redis(host=env["REDIS_HOST"], db=int(db))
        try:
            for key in client.scan_iter(match="*bench-*"):
                client.delete(key)
        finally:
            client.close()


# --------------------------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------------------------


def train(tmp: Path, log) -> dict:
    """A full `rasa train` (as the Makefile's), into a temporary folder, with its own empty cache."""
    out_dir = tmp / "models"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_CACHE_DIRECTORY": str(tmp / "cache"),
           "LOG_LEVEL": "INFO", "TF_CPP_MIN_LOG_LEVEL": "2"}
    argv = [str(RASA_BIN), "train", "--fixed-model-name", "bench", "--out", str(out_dir),
            "--force"]
    load0 = load_average()
    t0 = time.perf_counter()
    with (tmp / "train.log").open("w") as handle:
        proc = subprocess.run(argv, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, timeout=900,
                              check=False)
    seconds = time.perf_counter() - t0
    model = out_dir / "bench.tar.gz"
    log(f"bot: training took {seconds:.0f}s (exit {proc.returncode})")
    return {"seconds": seconds, "exit": proc.returncode, "model": str(model) if model.exists() else None,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "load_average": {"start": load0, "end": load_average()}}


# --------------------------------------------------------------------------------------------


def run(seconds: float = DEFAULT_SECONDS, do_train: bool = True, profile_dir: Path | None = None,
        log=None) -> dict:
    log = log or (lambda *_: None)
    servers = servers_module()
    out: dict = {"seconds_per_run": seconds, "targets": TARGETS}
    with tempfile.TemporaryDirectory(prefix="fyp-bench-bot-") as tmp_name:
        tmp = Path(tmp_name)
        model = tmp / "model.tar.gz"
        if do_train:
            out["training"] = train(tmp, log)
        trained = out.get("training", {}).get("model")
        # The freshly trained model when there is one (today's data), else the project's current model.
        shutil.copy(trained or MODEL, model)
        out["model"] = "trained in this run" if trained else str(MODEL.relative_to(ROOT))
        started = []
        try:
            directory = servers.start_directory(tmp)
            started.append(directory)
            actions = servers.start_action_server(tmp, directory.url)
            started.append(actions)
            configs = []
            server, cold = timed_start(start_ours, servers, tmp, model, actions.url)
            log(f"bot ours: ready in {cold:.1f}s")
            try:
                configs.append(bench_config("ours", server, server.process.pid, cold, seconds, actions,
                                            profile_dir, log))
            finally:
                server.stop()
            # Stock runs under py-spy when there is a profile folder: its cold start is profiled too.
            samples = profile_dir / "stock" / "rasa_lifetime.txt" if profile_dir is not None else None
            t0 = time.perf_counter()
            if samples is not None:
                server, rasa_pid = start_stock_profiled(servers, tmp, model, actions.url, samples)
            else:
                server = start_stock(servers, tmp, model, actions.url)
                rasa_pid = server.process.pid
            cold = time.perf_counter() - t0
            log(f"bot stock: ready in {cold:.1f}s")
            try:
                configs.append(bench_config("stock", server, rasa_pid, cold, seconds, actions, profile_dir, log))
            finally:
                stop_profiled(server, rasa_pid)
            if samples is not None and samples.exists():
                from bench import profiling

                configs[-1]["profile"] = {
                    "cold start": profiling.summarise(samples, without="connection_task"),
                    "rasa (whole run, turns only)": profiling.summarise(samples, within="connection_task"),
                }
            out["configs"] = configs
            workers = sanic_workers_check(servers, tmp, model, actions.url, log)
            out["sanic_workers_2_checks"] = workers
            if not workers["in_memory"]["refused"]:
                # What the report has described so far: several workers on in-memory stores.
                out["sanic_workers_2"] = workers["in_memory"]
            out["actions_rss"] = peak_rss_mb(actions.process.pid)
            out["directory_rss"] = peak_rss_mb(directory.process.pid)
        finally:
            for server in reversed(started):
                server.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bot", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS)
    parser.add_argument("--no-train", action="store_true", help="skip the training measurement")
    parser.add_argument("--profile-dir", type=Path)
    parser.add_argument("--json", metavar="PATH")
    args = parser.parse_args(argv)
    result = run(args.seconds, not args.no_train, args.profile_dir,
                 log=lambda m: print(m, file=sys.stderr, flush=True))
    emit_json(result, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
