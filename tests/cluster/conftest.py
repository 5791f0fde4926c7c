"""A real cluster on loopback: 2 directory replicas on one PostgreSQL database, 2 action
servers, and 2 Rasa servers (2 Sanic workers each) sharing a SQL tracker store on
PostgreSQL and a Redis lock store. Needs the PostgreSQL (127.0.0.1:5432) and Redis
(127.0.0.1:6379) servers: without them these tests say so and skip, unless
REQUIRE_POSTGRES=1 or REQUIRE_REDIS=1 make that a failure."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

E2E = Path(__file__).resolve().parents[1] / "e2e"
sys.path.insert(0, str(E2E))

from servers import RASA_VENV_BIN, ROOT, Server, directory_python, free_port, start  # noqa: E402

PG = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
TOKEN = secrets.token_hex(16)


def pytest_configure(config: pytest.Config) -> None:
    for line in ("ignore::DeprecationWarning", "ignore::PendingDeprecationWarning"):
        config.addinivalue_line("filterwarnings", line)


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=3):
            return True
    except OSError:
        return False


def need_servers() -> None:
    for name, port, flag in (("PostgreSQL", 5432, "REQUIRE_POSTGRES"), ("Redis", 6379, "REQUIRE_REDIS")):
        if not _reachable("127.0.0.1", port):
            message = f"the cluster tests need {name} on 127.0.0.1:{port}"
            if os.environ.get(flag) == "1":
                pytest.fail(message + f" ({flag}=1)")
            pytest.skip(message)


def admin_sql(statement: str) -> None:
    import psycopg2

    conn = psycopg2.connect(PG)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(statement)
    conn.close()


@dataclass
class Cluster:
    directories: list[Server]
    actions: list[Server]
    rasas: list[Server]
    directory_db: str
    env: dict[str, str]
    tmp: Path
    token: str = TOKEN

    def start_actions(self, i: int) -> Server:
        port = int(self.actions[i].url.rsplit(":", 1)[1])
        self.actions[i] = start_action_server(self.tmp / f"actions{i}-again", self.directories[i].url, port)
        return self.actions[i]

    def start_rasa(self, i: int) -> Server:
        port = int(self.rasas[i].url.rsplit(":", 1)[1])
        self.rasas[i] = start_rasa(self.tmp / f"rasa{i}-again", self.actions[i].url, self.env, port)
        return self.rasas[i]


def start_directory(tmp: Path, env: dict[str, str]) -> Server:
    tmp.mkdir(parents=True, exist_ok=True)
    port = free_port()
    return start("directory", [directory_python(), "-m", "directory", "serve", "--port", str(port), "--no-seed"],
                 f"http://127.0.0.1:{port}", "/health", tmp, env=env)


def start_action_server(tmp: Path, directory_url: str, port: int | None = None) -> Server:
    tmp.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    return start("actions", [str(RASA_VENV_BIN / "rasa"), "run", "actions", "--port", str(port), "--actions",
                             "actions"], f"http://127.0.0.1:{port}", "/health", tmp,
                 env={"DIRECTORY_API_URL": directory_url, "PYTHONPATH": str(ROOT)})


def start_rasa(tmp: Path, action_url: str, env: dict[str, str], port: int | None = None) -> Server:
    tmp.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    model = Path(os.environ.get("FYP_MODEL") or ROOT / "models" / "current.tar.gz")
    return start(
        "rasa",
        [str(RASA_VENV_BIN / "rasa"), "run", "--enable-api", f"--auth-token={TOKEN}", "--port", str(port),
         "--interface", "127.0.0.1", "--model", str(model), "--endpoints", str(ROOT / "endpoints.cluster.yml"),
         "--credentials", str(ROOT / "credentials.yml")],
        f"http://127.0.0.1:{port}", "/", tmp,
        env={**env, "ACTION_SERVER_URL": f"{action_url}/webhook", "PYTHONPATH": str(ROOT)},
        timeout_s=900.0,
    )


@pytest.fixture(scope="session")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    need_servers()
    tmp = tmp_path_factory.mktemp("cluster")
    suffix = secrets.token_hex(4)
    dir_db, chat_db = f"fyp_cluster_dir_{suffix}", f"fyp_cluster_chat_{suffix}"
    base = PG.rsplit("/", 1)[0]
    for name in (dir_db, chat_db):
        admin_sql(f'CREATE DATABASE "{name}"')
    directory_url = f"{base}/{dir_db}"
    env = {
        "DIRECTORY_DATABASE_URL": directory_url, "DIRECTORY_INDEX_POLL_SECONDS": "2",
        "TRACKER_STORE_TYPE": "sql", "TRACKER_STORE_URL": f"{base}/{chat_db}", "LOCK_STORE_TYPE": "redis",
        "REDIS_HOST": "127.0.0.1", "REDIS_LOCK_DB": "3", "SANIC_WORKERS": "2",
        "DIRECTORY_REDIS_URL": "redis://127.0.0.1:6379/5",
    }
    seeded = subprocess.run([directory_python(), "-m", "directory", "seed", "--quiet"], cwd=ROOT,
                            env={**os.environ, **env}, capture_output=True, text=True, timeout=300)
    assert seeded.returncode == 0, seeded.stderr
    started: list[Server] = []
    try:
        directories = [start_directory(tmp / f"directory{i}", env) for i in range(2)]
        started += directories
        actions = [start_action_server(tmp / f"actions{i}", directories[i].url) for i in range(2)]
        started += actions
        # Both Rasa servers load their models at the same time: that is most of the wait.
        with ThreadPoolExecutor(2) as pool:
            rasas = list(pool.map(lambda i: start_rasa(tmp / f"rasa{i}", actions[i].url, env), range(2)))
        started += rasas
        cluster = Cluster(directories, actions, rasas, directory_url, env, tmp)
        yield cluster
        started = cluster.directories + cluster.actions + cluster.rasas
    finally:
        for server in reversed(started):
            server.stop()
        for name in (dir_db, chat_db):
            admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
