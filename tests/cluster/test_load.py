"""Load on the cluster with locust (headless, bounded, loopback only): chat users on the REST
channel of both Rasa servers, and search users on both directory replicas. The figures are
printed, not asserted: the machine running the tests sets them. What is asserted is that no
request failed. Locust runs from the directory's venv (.venv) as a subprocess."""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path

import httpx
import pytest
from conftest import Cluster
from servers import ROOT, directory_python

HERE = Path(__file__).resolve().parent


def locust(cluster: Cluster, name: str, users: int, rate: int, duration: str, env: dict[str, str],
           host: str) -> list[dict[str, str]]:
    """Run one locustfile headless; its per-request-name stats rows, the aggregate last."""
    binary = Path(directory_python()).parent / "locust"
    if not binary.exists():
        pytest.skip(f"locust is not installed in {binary.parent} (pip install -r requirements.txt)")
    prefix = cluster.tmp / f"locust-{name}"
    done = subprocess.run(
        [str(binary), "-f", str(HERE / f"locustfile_{name}.py"), "--headless", "-u", str(users), "-r", str(rate),
         "-t", duration, "--host", host, "--csv", str(prefix), "--only-summary", "--stop-timeout", "20",
         "--loglevel", "WARNING"],
        cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=600,
    )
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with open(f"{prefix}_failures.csv", newline="") as handle:
        failures = list(csv.DictReader(handle))
    report(name, users, duration, rows, failures)
    assert rows and int(rows[-1]["Request Count"]) > 0, done.stderr[-3000:]
    assert int(rows[-1]["Failure Count"]) == 0, failures[:10]
    assert done.returncode == 0, done.stderr[-3000:]
    return rows


def report(name: str, users: int, duration: str, rows: list[dict[str, str]], failures: list[dict[str, str]]) -> None:
    print(f"\n[load {name}] {users} users for {duration}")
    print(f"  {'request':<22} {'requests':>8} {'failures':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    for row in rows:
        print(f"  {row['Name']:<22} {row['Request Count']:>8} {row['Failure Count']:>8} "
              f"{float(row['Requests/s']):>7.2f} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7}")
    for failure in failures:
        print(f"  failed: {failure['Name']} x{failure['Occurrences']}: {failure['Error'][:200]}")


def test_50_chat_users_for_2_minutes(cluster: Cluster) -> None:
    urls = ",".join(r.url for r in cluster.rasas)
    locust(cluster, "chat", 50, 10, "2m", {"FYP_RASA_URLS": urls}, cluster.rasas[0].url)


def test_200_search_users_for_1_minute(cluster: Cluster) -> None:
    directory = cluster.directories[0].url
    listed = httpx.get(f"{directory}/services", params={"per_page": 50}, timeout=30).json()["contents"]
    env = {"FYP_DIRECTORY_URLS": ",".join(d.url for d in cluster.directories),
           "FYP_SERVICE_IDS": ",".join(s["id"] for s in listed)}
    locust(cluster, "search", 200, 50, "1m", env, directory)
