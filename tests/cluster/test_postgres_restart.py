"""PostgreSQL restarts under a running directory: the directory must come back by itself, without a
restart of its own (pool_pre_ping in directory/db.py throws away the dead connections).

The machine's PostgreSQL is shared with other work, so this test runs a private instance of its own:
initdb into a temporary directory and pg_ctl on a free loopback port."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import start_directory
from servers import ROOT, directory_python, free_port

RECOVERY_S = 30.0


def unavailable(reason: str) -> None:
    message = f"no private PostgreSQL for the restart test: {reason}"
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(message + " (REQUIRE_POSTGRES=1)")
    pytest.skip(message)


def postgres_bin() -> Path | None:
    candidates = [os.environ.get("PG_BINDIR", "")]
    if pg_config := shutil.which("pg_config"):
        candidates.append(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    if initdb := shutil.which("initdb"):
        candidates.append(str(Path(initdb).parent))
    return next((Path(c) for c in candidates if c and (Path(c) / "initdb").exists()), None)


class PrivatePostgres:
    def __init__(self, bindir: Path, home: Path, port: int, as_user: list[str]) -> None:
        self.bindir, self.home, self.port, self.as_user = bindir, home, port, as_user
        self.data = home / "data"
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        self.options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"

    def start(self) -> None:
        self.pg_ctl("-o", self.options, "-l", str(self.home / "postgres.log"), "start")

    def restart(self) -> None:
        # Without -l the new postmaster would log to our pipe and keep it open.
        self.pg_ctl("-m", "fast", "-l", str(self.home / "postgres.log"), "restart")

    def pg_ctl(self, *args: str) -> None:
        done = subprocess.run([*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", *args],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr + self.log()

    def log(self) -> str:
        try:
            return "\n".join((self.home / "postgres.log").read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return ""


@pytest.fixture
def private_postgres() -> Iterator[PrivatePostgres]:
    bindir = postgres_bin()
    if bindir is None:
        unavailable("no initdb found (set PG_BINDIR, or install the PostgreSQL server package)")
    home = Path(tempfile.mkdtemp(prefix="fyp-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        # initdb will not run as root: hand the instance to the postgres user.
        import pwd

        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(home)
            unavailable("running as root and there is no postgres user to run initdb as")
        os.chown(home, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    pg = PrivatePostgres(bindir, home, free_port(), as_user)
    made = subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(pg.data), "-U", "postgres", "-A", "trust",
                           "-E", "UTF8", "--no-sync"], capture_output=True, text=True, timeout=300)
    if made.returncode != 0:
        shutil.rmtree(home, ignore_errors=True)
        unavailable(f"initdb failed: {made.stderr.strip()[-500:]}")
    try:
        pg.start()
        yield pg
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(pg.data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(home, ignore_errors=True)


def probe(url: str, paths: list[str]) -> list[int]:
    statuses = []
    for path in paths:
        try:
            statuses.append(httpx.get(url + path, timeout=10).status_code)
        except httpx.HTTPError:
            statuses.append(0)
    return statuses


def recover(url: str, paths: list[str]) -> tuple[float, list[int]]:
    """Time until every path answers 200, and the failed statuses seen on the way."""
    start, failed = time.monotonic(), []
    while True:
        statuses = probe(url, paths)
        if all(s == 200 for s in statuses):
            return time.monotonic() - start, failed
        failed += [s for s in statuses if s != 200]
        assert time.monotonic() - start < RECOVERY_S, f"not recovered in {RECOVERY_S:.0f} s: {failed[-10:]}"
        time.sleep(0.2)


def test_the_directory_reconnects_after_postgresql_restarts(private_postgres: PrivatePostgres,
                                                            tmp_path: Path) -> None:
    env = {"DIRECTORY_DATABASE_URL": private_postgres.url}
    seeded = subprocess.run([directory_python(), "-m", "directory", "seed", "--quiet"], cwd=ROOT,
                            env={**os.environ, **env}, capture_output=True, text=True, timeout=300)
    assert seeded.returncode == 0, seeded.stderr[-2000:]
    server = start_directory(tmp_path, env)
    try:
        first = httpx.get(f"{server.url}/services", params={"per_page": 50}, timeout=30).json()["contents"]
        # Reads that go to the database on every request, not only to the in-memory index.
        paths = ["/health", f"/services/{first[0]['id']}", "/organizations", "/taxonomy_terms",
                 "/services?search=football"]
        # Fill the pool with connections that the restart will kill.
        assert probe(server.url, paths * 4) == [200] * len(paths) * 4
        pid = server.process.pid

        private_postgres.restart()
        restart_s, restart_failed = recover(server.url, paths)
        assert probe(server.url, paths * 4) == [200] * len(paths) * 4

        private_postgres.pg_ctl("-m", "fast", "stop")
        while_down = probe(server.url, paths)
        private_postgres.start()
        start_s, start_failed = recover(server.url, paths)
        assert probe(server.url, paths * 4) == [200] * len(paths) * 4

        assert server.process.poll() is None and server.process.pid == pid, "the directory restarted"
        print(f"\n[pg restart] after `pg_ctl restart -m fast`: {len(restart_failed)} failed requests "
              f"{restart_failed}, all {len(paths)} endpoints 200 again after {restart_s:.2f} s")
        print(f"[pg restart] while stopped: statuses {dict(zip(paths, while_down, strict=True))}; after start: "
              f"{len(start_failed)} failed requests {start_failed}, recovered in {start_s:.2f} s; "
              "same directory process throughout")
        # A client can tell "try again" from a bug: 503 with Retry-After on every route, never 500.
        assert while_down == [503] * len(paths), "every route must say 503 while PostgreSQL is down"
    finally:
        server.stop()
