"""bench/REPORT.md from one run's figures (var/bench/figures.json): targets next to every figure."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

FINDINGS = Path(__file__).with_name("FINDINGS.md")
ENGINE_NAMES = {"ours": "ours (in memory)", "sqlite": "SQLite FTS5", "postgres": "PostgreSQL FTS",
                "ours_text": "ours, the sentence (bot)", "ours_form": "ours, the form"}


def num(value, digits: int = 1, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}{unit}"


def mark(ok: bool | None) -> str:
    return "–" if ok is None else ("✓" if ok else "✗")


def loads(la: dict | None) -> str:
    if not la:
        return "–"
    return f"{la['start'][0]:.1f} → {la['end'][0]:.1f}"


def table(head: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Headline
# --------------------------------------------------------------------------------------------


def _by_size(engines: list[dict], size: int) -> dict | None:
    return next((e for e in engines if e["size"] == size), None)


def _run(runs: list[dict], concurrency: int) -> dict:
    return next((r for r in runs if r["concurrency"] == concurrency), {})


def headline(f: dict) -> list[list[str]]:
    rows = []
    engines = f.get("engines") or []
    big = _by_size(engines, 100_000) or (engines[-1] if engines else None)
    alone = next((r for r in f.get("search_standalone") or [] if big and r["size"] == big["size"]), None)
    if big:
        ours = big["latency"]["recommend"]["ours"], big["latency"]["search"]["ours"]
        text = (f"interleaved with the baselines: recommend {num(ours[0]['p95'], 2)} ms, /services query "
                f"{num(ours[1]['p95'], 2)} ms")
        worst = max(ours[0]["p95"], ours[1]["p95"])
        if alone:
            worst = max(alone["recommend"]["p95"], alone["search"]["p95"])
            text = (f"alone (bench.search): recommend {num(alone['recommend']['p95'], 2)} ms, /services query "
                    f"{num(alone['search']['p95'], 2)} ms; " + text)
        rows.append([f"Search p95 at {big['size']:,} services", "≤ 5 ms", text, mark(worst <= 5.0)])
        parts, lowest_big = [], math.inf
        for e in engines:
            pairs = [(r[p], kind, base, p) for kind in ("recommend", "search")
                     for base, r in e["ratio"][kind].items() for p in ("p50", "p95")]
            if not pairs:
                continue
            low = min(pairs)
            parts.append(f"{e['size']:,}: at least {num(low[0])}× (lowest: {low[1]} {low[3]} vs "
                         f"{ENGINE_NAMES[low[2]]})")
            if e is big:
                lowest_big = low[0]
        if parts:
            rows.append(["Search speed vs both baselines (p50 and p95, both query sets)", "≥ 5× faster",
                         "; ".join(parts) + f". Met is judged at {big['size']:,}.", mark(lowest_big >= 5.0)])
    mid = _by_size(engines, 10_000) or big
    if mid and mid.get("relevance"):
        s = mid["relevance"]["summary"]
        ours = min(s["ours_text"]["p_at_5"], s["ours_form"]["p_at_5"])
        base = max((v["p_at_5"] for k, v in s.items() if not k.startswith("ours")), default=math.nan)
        text = ", ".join(f"{ENGINE_NAMES[k]} {num(v['p_at_5'], 2)}" for k, v in s.items())
        rows.append([f"Precision@5 ({mid['size']:,} services, {s['ours_text']['judged']} judged queries)",
                     "no worse than either baseline", text, mark(ours >= base) if not math.isnan(base) else "–"])
    for key, label in HTTP_CONFIGS:
        http = f.get(key)
        if not http:
            continue
        parts, ok = [], True
        for name, e in http["endpoints"].items():
            # The best run that keeps p99 within the target, else the fastest one.
            within = [r for r in e["runs"] if r["p99"] <= 50]
            r = max(within or e["runs"], key=lambda r: r["rps"])
            parts.append(f"{name} {num(r['rps'], 0)} req/s at {r['concurrency']} clients (p99 {num(r['p99'])} ms)")
            ok = ok and r["rps"] >= 1000 and r["p99"] <= 50
        rows.append([f"HTTP, 2 cores, {label}", "≥ 1,000 req/s with p99 ≤ 50 ms", "; ".join(parts), mark(ok)])
    bot = f.get("bot")
    if bot and bot.get("configs"):
        cfg = {c["name"]: c for c in bot["configs"]}
        seq = {n: _run(c["runs"], 1) for n, c in cfg.items()}
        c20 = {n: _run(c["runs"], 20) for n, c in cfg.items()}
        rows.append(["Bot p50, sequential", "≤ 80 ms",
                     ", ".join(f"{n} {num(r.get('p50'), 0)} ms" for n, r in seq.items()),
                     mark(seq.get("ours", {}).get("p50", math.inf) <= 80)])
        rows.append(["Bot at 20 concurrent conversations", "≥ 30 turns/s, p95 ≤ 1 s",
                     ", ".join(f"{n} {num(r.get('turns_per_s'))} turns/s, p95 {num(r.get('p95'), 0)} ms"
                               for n, r in c20.items()),
                     mark(c20.get("ours", {}).get("turns_per_s", 0) >= 30
                          and c20.get("ours", {}).get("p95", math.inf) <= 1000)])
    if bot and bot.get("training"):
        t = bot["training"]
        rows.append(["Training", "≤ 4 min", f"{num(t['seconds'] / 60, 1)} min ({num(t['seconds'], 0)} s"
                     + (f", exit {t['exit']}" if t["exit"] else "") + ")", mark(t["seconds"] <= 240 and not t["exit"])])
    if bot and bot.get("configs"):
        cold = {c["name"]: c["cold_start_s"] for c in bot["configs"]}
        rows.append(["Cold start (launch to answering)", "≤ 45 s",
                     ", ".join(f"{n} {num(s)} s" for n, s in cold.items()), mark(cold.get("ours", math.inf) <= 45)])
    search = f.get("search_standalone")
    if search:
        big_s = next((r for r in search if r["size"] == 100_000), None)
        if big_s:
            rows.append(["RSS, directory at 100k services", "≤ 400 MB",
                         f"{num(big_s['rss_after_build_mb'], 0)} MB after build, peak {num(big_s['hwm_mb'], 0)} MB "
                         "(bench.search, index alone)", mark(big_s["hwm_mb"] <= 400)])
    if bot and bot.get("configs"):
        rss = {c["name"]: c["rasa_rss"]["hwm_mb"] for c in bot["configs"]}
        rows.append(["RSS, Rasa", "≤ 1.5 GB", ", ".join(f"{n} {num(v, 0)} MB" for n, v in rss.items()),
                     mark(rss.get("ours", math.inf) <= 1500)])
    return rows


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------


def search_section(f: dict) -> str:
    engines = f.get("engines") or []
    out = ["## 1. Search engine: ours against SQLite FTS5 and PostgreSQL full text", ""]
    if not engines:
        return "\n".join(out + ["Not run."])
    for kind, title in (("recommend", "recommend: 200 bot/widget queries (free text with typos, interest + age + "
                                      "place, postcode + radius, free only, days, open now), first 5"),
                        ("search", "/services: 200 keyword searches with filters, first 20")):
        out += [f"### {title}", ""]
        rows = []
        for e in engines:
            lat, ratio = e["latency"][kind], e["ratio"][kind]
            for name, v in lat.items():
                r = ratio.get(name)
                rows.append([f"{e['size']:,}", ENGINE_NAMES[name], num(e["build_s"].get(name), 1),
                             num(v["p50"], 2), num(v["p95"], 2), num(v["p99"], 2), num(v["max"], 1),
                             f"{num(r['p50'])}× / {num(r['p95'])}×" if r else "1×",
                             f"{v['with_results']}/{v['n']}", str(v["error_count"]), loads(e.get("load_average"))])
        out += [table(["services", "engine", "build/load (s)", "p50 (ms)", "p95 (ms)", "p99 (ms)", "max (ms)",
                       "slower than ours (p50 / p95)", "with results", "errors", "load avg"], rows), ""]
    for e in engines:
        for name, why in (e.get("skipped") or {}).items():
            out += [f"- {e['size']:,} services: {ENGINE_NAMES[name]} was skipped: {why}", ""]
    out += ["### Relevance: precision@5 on bench/judged.json", ""]
    rows = []
    for e in engines:
        rel = e.get("relevance") or {}
        for name, s in (rel.get("summary") or {}).items():
            rows.append([f"{e['size']:,}", ENGINE_NAMES[name], num(s["p_at_5"], 2), num(s.get("clean"), 2),
                         num(s.get("synonym"), 2), num(s.get("typo"), 2), f"{s['judged']} ({s['no_relevant']})"])
    out += [table(["services", "engine", "P@5 all", "clean words", "synonyms and slang", "typos",
                   "queries scored (with nothing relevant)"], rows), ""]
    standalone = f.get("search_standalone")
    if standalone:
        la = (f.get("load_average") or {}).get("search_standalone")
        out += ["### Ours alone (`make bench-search`, one process per size, memory included; load avg "
                f"{loads(la)})", ""]
        rows = [[f"{r['size']:,}", num(r["build_s"], 2), num(r["rss_after_build_mb"], 0), num(r["hwm_mb"], 0),
                 f"{num(r['recommend']['p50'], 2)} / {num(r['recommend']['p95'], 2)} / {num(r['recommend']['p99'], 2)}",
                 f"{num(r['search']['p50'], 2)} / {num(r['search']['p95'], 2)} / {num(r['search']['p99'], 2)}"]
                for r in standalone]
        out += [table(["services", "build (s)", "RSS after build (MB)", "peak VmHWM (MB)",
                       "recommend p50 / p95 / p99 (ms)", "search p50 / p95 / p99 (ms)"], rows), ""]
    return "\n".join(out)


HTTP_CONFIGS = (("http", "1 worker (`make run`)"), ("http_workers2", "`serve --workers 2`"))


def http_section(f: dict) -> str:
    out = ["## 2. HTTP: the directory service under load", ""]
    configs = [(key, label, f[key]) for key, label in HTTP_CONFIGS if f.get(key)]
    if not configs:
        return "\n".join(out + ["Not run."])
    http = configs[0][2]
    db = http["database"]
    out += [f"`python -m directory serve` (uvicorn with uvloop and httptools), SQLite, {http['size']:,} synthetic "
            f"services loaded by `python -m directory seed` in {num(db['seed_s'], 0)} s; started and indexed in "
            f"{num(http.get('server_start_s'))} s; {num(http['seconds_per_run'], 0)} s per run after 1 s of warm-up; "
            "load from bench/loadgen.py (keep-alive HTTP/1.1) on the same 2 cores. Server CPU: cores' worth of "
            "CPU the server's processes used during the run (1.00 = one core flat out). Each `--workers` process "
            "holds its own index; a write reaches the other worker's recommendations at its next index poll, "
            "while `/services` checks each service's version in the database on every request.", ""]
    rows = []
    for _key, label, h in configs:
        for name, e in h["endpoints"].items():
            for r in e["runs"]:
                bad = sum(v for k, v in r["statuses"].items() if k != "200") + sum(r["errors"].values())
                rows.append([label, name, str(r["concurrency"]), num(r["rps"], 0), num(r["p50"], 1), num(r["p99"], 1),
                             num(r["max"], 0), num(r["server_cpu"], 2), str(bad), loads(r["load_average"])])
    out += [table(["server", "endpoint", "clients", "req/s", "p50 (ms)", "p99 (ms)", "max (ms)", "server CPU",
                   "errors", "load avg"], rows), ""]
    for name, e in http["endpoints"].items():
        if e["other_statuses"]:
            out.append(f"- {name}: {e['answered_200']}/{e['paths']} query URLs answered 200 and were used; the others "
                       f"answered {e['other_statuses']} (an unknown place gives 422 by design).")
    for _key, label, h in configs:
        rss = h.get("server_rss") or {}
        kids = (f" + {rss['children']} child processes {num(rss['children_hwm_mb'], 0)} MB (the workers, each with its "
                "own index)") if rss.get("children") else ""
        out.append(f"- Peak RSS of the server ({label}) with {h['size']:,} services: "
                   f"{num(rss.get('hwm_mb'), 0)} MB{kids}.")
    return "\n".join(out + [""])


def bot_section(f: dict) -> str:
    bot = f.get("bot")
    out = ["## 3. Bot: turn latency through the REST channel, directory and action server in the loop", ""]
    if not bot:
        return "\n".join(out + ["Not run."])
    if bot.get("error"):
        return "\n".join(out + [f"Failed: {bot['error']}"])
    out += [f"Model: {bot.get('model')}. Each client runs scripted conversations (activity form in one message "
            "and step by step, refinements, parent help, what-is questions) one after another, "
            f"{num(bot['seconds_per_run'], 0)} s per run. A conversation is *intact* when every turn that should "
            "bring services did.", ""]
    rows = []
    for c in bot.get("configs", []):
        for r in c["runs"]:
            rows.append([c["name"], str(r["concurrency"]), num(r["turns_per_s"], 1), num(r["p50"], 0),
                         num(r["p95"], 0), num(r["p99"], 0), str(r["failed_turns"]),
                         f"{r['conversations_intact']}/{r['conversations']}", loads(r["load_average"])])
    out += [table(["config", "conversations at once", "turns/s", "p50 (ms)", "p95 (ms)", "p99 (ms)",
                   "failed turns", "intact", "load avg"], rows), ""]
    w = bot.get("sanic_workers_2")
    if w:
        fresh, kept = w["fresh_connection_per_turn"], w["keep_alive"]
        out += ["### SANIC_WORKERS=2 with in-memory stores", "",
                f"Rasa started {w['processes']} processes (a main process and its Sanic workers), because it "
                "allows several workers whenever the lock store's endpoint type is not `in_memory`, and ours is "
                "`bot.stores.EnvLockStore` (in memory by default). Each worker then has its own in-memory "
                "tracker store. The step-by-step form (\"find me something to do\" → \"football\" → \"12\" → "
                "\"anfield\", services expected at the end), each turn on a new connection: "
                f"{fresh['conversations_intact']}/{fresh['conversations']} conversations ended with services "
                f"({fresh['failed_turns']} failed turns). The same with keep-alive connections, where a "
                f"conversation stays on one worker: {kept['conversations_intact']}/{kept['conversations']}. "
                "With one worker (the runs above) every conversation is intact.", ""]
    checks = bot.get("sanic_workers_2_checks") or {}
    if checks and not w:
        out += ["### SANIC_WORKERS=2", ""]
        mem = checks.get("in_memory") or {}
        if mem.get("refused"):
            out += [f"With in-memory stores Rasa refuses to start ({num(mem['seconds'], 0)} s), and its log "
                    f"{'names' if mem.get('explained') else 'does NOT name'} the settings to use "
                    "(bot/stores.py: each worker would otherwise keep its own copy of every conversation).", ""]
        shared = checks.get("shared")
        if shared:
            fresh, kept, c20 = shared["fresh_connection_per_turn"], shared["keep_alive"], shared["c20"]
            out += [f"With Redis for both stores ({shared['processes']} processes): the step-by-step form with a "
                    f"new connection per turn kept {fresh['conversations_intact']}/{fresh['conversations']} "
                    f"conversations intact, with keep-alive {kept['conversations_intact']}/{kept['conversations']}. "
                    f"At 20 conversations: {num(c20['turns_per_s'], 1)} turns/s, p50 {num(c20['p50'], 0)} ms, "
                    f"p95 {num(c20['p95'], 0)} ms, {c20['failed_turns']} failed turns, load avg "
                    f"{loads(c20['load_average'])}. On 2 cores a second worker competes with the first for the "
                    "same CPU; it pays on a machine with more cores.", ""]
    return "\n".join(out)


def cost_section(f: dict) -> str:
    out = ["## 4. Cost: training, cold start, memory", ""]
    bot = f.get("bot") or {}
    rows = []
    t = bot.get("training")
    if t:
        rows.append(["`rasa train --force` (own empty cache)", f"{num(t['seconds'], 0)} s", "≤ 240 s",
                     f"peak RSS {num(t['peak_rss_mb'], 0)} MB, load avg {loads(t['load_average'])}"])
    for c in bot.get("configs", []):
        rows.append([f"Rasa cold start, {c['name']}", f"{num(c['cold_start_s'])} s", "≤ 45 s",
                     f"first turn after ready {num(c['first_turn_s'] * 1000, 0)} ms"])
    out += [table(["what", "time", "target", "notes"], rows), ""] if rows else []
    rows = []
    for s in f.get("search_standalone") or []:
        rows.append([f"directory index, {s['size']:,} services (bench.search)", num(s["hwm_mb"], 0), "≤ 400 at 100k"])
    if f.get("http"):
        rows.append([f"directory server, {f['http']['size']:,} services, after load",
                     num(f["http"]["server_rss"]["hwm_mb"], 0), ""])
    if bot.get("directory_rss"):
        rows.append(["directory server, sample directory (bot run)", num(bot["directory_rss"]["hwm_mb"], 0), ""])
    for c in bot.get("configs", []):
        extra = f" (+{c['rasa_rss']['children']} children {num(c['rasa_rss']['children_hwm_mb'], 0)} MB)" \
            if c["rasa_rss"]["children"] else ""
        rows.append([f"Rasa server, {c['name']}", num(c["rasa_rss"]["hwm_mb"], 0) + extra, "≤ 1,500"])
    shared = (bot.get("sanic_workers_2_checks") or {}).get("shared")
    if shared:
        r = shared["rss"]
        rows.append(["Rasa server, SANIC_WORKERS=2, Redis stores",
                     f"{num(r['hwm_mb'], 0)} + {r['children']} children {num(r['children_hwm_mb'], 0)}", ""])
    if bot.get("sanic_workers_2"):
        r = bot["sanic_workers_2"]["rss"]
        rows.append(["Rasa server, SANIC_WORKERS=2",
                     f"{num(r['hwm_mb'], 0)} + {r['children']} children {num(r['children_hwm_mb'], 0)}", ""])
    if bot.get("actions_rss"):
        rows.append(["action server", num(bot["actions_rss"]["hwm_mb"], 0), ""])
    out += ["Peak RSS (VmHWM from /proc/<pid>/status):", "", table(["process", "peak RSS (MB)", "target (MB)"], rows)]
    return "\n".join(out) + "\n"


# What to look for in each profile: (what it means, function as py-spy names it).
RASA_TURN = [
    ("a turn, end to end (Rasa's message handling)", "handle_message (rasa/core/processor.py)"),
    ("NLU: parse the message (DIET and the pipeline, safety layer included)", "parse_message (rasa/core/processor.py)"),
    ("dialogue policies: predict the next action (TED, rules, memo)",
     "_predict_next_with_tracker (rasa/core/processor.py)"),
    ("run actions, calls to the action server included", "_run_action (rasa/core/processor.py)"),
    ("... validating each action server reply with jsonschema",
     "_validate_action_result (rasa/core/actions/action.py)"),
    ("... ... of which jsonschema checking the schema itself, every time", "check_schema (jsonschema/validators.py)"),
    ("... the HTTP call to the action server (aiohttp)", "request (rasa/utils/endpoints.py)"),
    ("TensorFlow eager ops (inference)", "quick_execute (tensorflow/python/eager/execute.py)"),
    ("tracker store: retrieve (our EnvTrackerStore; stock uses Rasa's own)", "retrieve (bot/stores.py)"),
]
ACTIONS_TURN = [
    ("an action server request", "webhook (rasa_sdk/endpoint.py)"),
    ("calls to the directory (bot/directory_client.py)", "_get (bot/directory_client.py)"),
    ("... a new httpx client per call: building its SSL context", "create_default_context (ssl.py)"),
    ("... /recommendations", "recommendations (bot/directory_client.py)"),
    ("... /places/resolve", "resolve_place (bot/directory_client.py)"),
    ("... /interests/resolve", "resolve_interests (bot/directory_client.py)"),
]
COLD_START = [
    ("loading the model (load_agent)", "load_agent (rasa/core/agent.py)"),
    ("... TensorFlow models: Rasa builds each by tracing a training step", "load (rasa/utils/tensorflow/models.py)"),
    ("... ... DIETClassifier", "load (rasa/nlu/classifiers/diet_classifier.py)"),
    ("... ... ... of which DIET's entity (CRF) loss", "_batch_loss_entities (rasa/nlu/classifiers/diet_classifier.py)"),
    ("... ... TEDPolicy", "load (rasa/core/policies/ted_policy.py)"),
    ("Python imports", "_find_and_load (<frozen importlib._bootstrap>)"),
]


def focus_rows(summary: dict, focus: list[tuple[str, str]]) -> list[list[str]]:
    functions = summary.get("functions") or {}
    return [[f"{num(functions.get(name, 0.0), 1)}%", what, f"`{name}`"] for what, name in focus]


def profile_block(title: str, summary: dict | None, focus: list[tuple[str, str]] | None = None,
                  lines: bool = False) -> list[str]:
    if not summary:
        return []
    if summary.get("error"):
        return [f"**{title}**: not profiled ({summary['error']})", ""]
    if not summary.get("samples"):
        return [f"**{title}**: no samples", ""]
    out = [f"**{title}** ({summary['samples']} samples)", ""]
    if focus:
        out += [table(["share of samples", "where", "function"], focus_rows(summary, focus)), ""]
    out += [table(["own time", "function"], [[f"{p}%", f"`{fn}`"] for fn, p in summary["own"][:6]]), ""]
    if lines and summary.get("lines"):
        out += [table(["own time", "source line (numpy's C work counts on the line that called it)"],
                      [[f"{p}%", f"`{fn}`"] for fn, p in summary["lines"][:6]]), ""]
    project = [(fn, p) for fn, p in summary.get("project", []) if not fn.startswith(("run_set", "run_comparison",
                                                                                      "_timed"))]
    if project and not focus:
        out += [table(["total time", "project function (and what it calls)"],
                      [[f"{p}%", f"`{fn}`"] for fn, p in project[:6]]), ""]
    return out


def profiles_section(f: dict) -> str:
    out = ["## Profiles of the missed targets (py-spy, this run)", "",
           "Shares are of the samples py-spy took of that process while it worked (idle time is not sampled); "
           "raw stacks are in var/bench/profiles/.", ""]
    any_profile = False
    if f.get("search_profile"):
        out += profile_block("Search at 100k, ours, the timed query loop only", f["search_profile"], lines=True)
        any_profile = True
    for name, e in ((f.get("http") or {}).get("endpoints") or {}).items():
        prof = e.get("profile")
        if prof:
            out += profile_block(f"HTTP {name}, server under 10 clients, thread holding the GIL", prof)
            if prof.get("endpoint_share") is not None:
                out += [f"{num(100 * prof['endpoint_share'], 0)}% of those samples were inside the endpoint "
                        "function itself; the rest is uvicorn, the Starlette/FastAPI routing and middleware, and "
                        "(for a sync endpoint) the hand-off to a worker thread.", ""]
                out += profile_block(f"HTTP {name}, inside the endpoint function only", prof.get("endpoint"))
            any_profile = True
    for c in (f.get("bot") or {}).get("configs", []):
        for label, s in (c.get("profile") or {}).items():
            focus = COLD_START if label == "cold start" else ACTIONS_TURN if label == "actions" else RASA_TURN
            what = label if " " in label else f"{label} process under 20 conversations"
            out += profile_block(f"Bot ({c['name']}), {what}", s, focus=focus)
            any_profile = True
    if not any_profile:
        out.append("No target was missed, or profiling was off.")
    return "\n".join(out)


PARTS = ("search_standalone", "engines", "search_profile", "http", "http_workers2", "bot")


def render(figures: dict) -> str:
    # A part that failed keeps its error; the report says so and renders the rest.
    failed = {k: v["error"] for k, v in figures.items()
              if k in PARTS and isinstance(v, dict) and v.get("error") and k != "search_profile"}
    f = {k: v for k, v in figures.items() if k not in failed}
    meta = f.get("meta", {})
    started = meta.get("started", dt.datetime.now().isoformat(timespec="seconds"))
    parts = [
        "# Benchmarks: Find Your Place against what people would otherwise use",
        "",
        f"Written by `make bench` (`python -m bench`) on {started}, all figures from this one run "
        f"({num(meta.get('minutes'), 1)} minutes). Machine: {meta.get('cpus', '?')} cores, "
        f"{num(meta.get('memory_gb'), 0)} GB RAM, {meta.get('python', '')}; shared with other work, so the load "
        "average (1-minute, at the start → end of each measurement) sits next to the figures: above 2 means "
        "other processes were competing for the 2 cores. Raw figures: var/bench/figures.json; "
        "profiles: var/bench/profiles/.",
        "",
        *(f"**{k} failed in this run:** {v}" for k, v in failed.items()),
        "",
        "## Headline (targets from issue 7; benchmark figures, never test assertions)",
        "",
        table(["figure", "target", "measured", "met"], headline(f)),
        "",
        search_section(f),
        http_section(f),
        bot_section(f),
        cost_section(f),
        profiles_section(f),
    ]
    if FINDINGS.exists():
        parts += ["", FINDINGS.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(parts).rstrip() + "\n"
