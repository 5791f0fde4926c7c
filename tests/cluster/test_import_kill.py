"""kill -9 the directory in the middle of a large all-or-nothing import: nothing of it may be left
behind, the database must still be sound, and after a restart the same import must go through.

Runs on a fresh PostgreSQL database (needs 127.0.0.1:5432) and on a fresh SQLite file."""

from __future__ import annotations

import json
import os
import secrets
import signal
import sqlite3
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest
from conftest import PG, _reachable, admin_sql, start_directory
from servers import ROOT, Server, directory_python

# Each row is a service with its own organization, location, address, phone, schedule and so on, about
# ten rows in all. An import writes some 10-40 services a second here, so the retry after the kill
# costs most of this test's time: raise the size with FYP_IMPORT_KILL_ROWS for a longer run.
ROWS = int(os.environ.get("FYP_IMPORT_KILL_ROWS", "1000"))
# Long enough after the first uncommitted write for many rows to be in the transaction, and far
# short of the whole import.
KILL_AFTER_S = 4.0


def need_postgres() -> None:
    if not _reachable("127.0.0.1", 5432):
        message = "the import kill test on PostgreSQL needs PostgreSQL on 127.0.0.1:5432"
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(message + " (REQUIRE_POSTGRES=1)")
        pytest.skip(message)


def import_file(rows: int, tag: str) -> tuple[bytes, list[str]]:
    """NDJSON of `rows` new services copied from the sample data, every id left out but the
    service's own, so each row makes a new organization, location, phones and so on."""
    seed = json.loads((ROOT / "data" / "directory" / "services.json").read_text())["services"]

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("id", "link_id", "last_modified")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    lines, ids = [], []
    for i in range(rows):
        service = strip(seed[i % len(seed)])
        service["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{tag}-{i}"))
        service["name"] = f"{service['name']} {tag} {i}"
        ids.append(service["id"])
        lines.append(json.dumps(service))
    return "\n".join(lines).encode(), ids


def run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([directory_python(), "-m", "directory", *args], cwd=ROOT, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class Backend:
    """What the test needs to know of one database: its URL, row counts and integrity."""

    url: str

    def counts(self) -> dict[str, int]:
        raise NotImplementedError

    def present(self, ids: list[str], tag: str) -> int:
        raise NotImplementedError

    def writing(self) -> bool:
        """True while some connection holds an uncommitted write."""
        raise NotImplementedError

    def settled(self) -> bool:
        """True once no connection of the killed server is left."""
        return True

    def check(self) -> list[str]:
        """Integrity problems, empty when sound."""
        raise NotImplementedError

    def notes(self) -> str:
        return ""


class Postgres(Backend):
    def __init__(self, name: str) -> None:
        import psycopg2

        self.name, self.url = name, f"{PG.rsplit('/', 1)[0]}/{name}"
        self.psycopg2 = psycopg2
        self.amcheck = ""

    def query(self, sql: str, args: tuple = ()) -> list[tuple]:
        conn = self.psycopg2.connect(self.url)
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(sql, args)
                return cur.fetchall() if cur.description else []
        finally:
            conn.close()

    def tables(self) -> list[str]:
        return [r[0] for r in self.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]

    def counts(self) -> dict[str, int]:
        return {t: self.query(f'SELECT count(*) FROM "{t}"')[0][0] for t in self.tables()}

    def present(self, ids: list[str], tag: str) -> int:
        by_id = self.query("SELECT count(*) FROM service WHERE id = ANY(%s)", (ids,))[0][0]
        by_name = self.query("SELECT count(*) FROM service WHERE name LIKE %s", (f"% {tag} %",))[0][0]
        return by_id + by_name

    def server_backends(self) -> list[tuple]:
        # The test's own connection is the only other one on this database.
        return self.query("SELECT pid, backend_xid FROM pg_stat_activity WHERE datname = %s "
                          "AND pid <> pg_backend_pid()", (self.name,))

    def writing(self) -> bool:
        return any(xid is not None for _pid, xid in self.server_backends())

    def settled(self) -> bool:
        return not self.server_backends()

    def service_inserts(self) -> int:
        """Rows ever inserted into service, committed or not: the killed import's show up once its
        backend has ended."""
        return self.query("SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'service'")[0][0]

    def check(self) -> list[str]:
        problems = []
        try:
            self.query("CREATE EXTENSION IF NOT EXISTS amcheck")
            indexes = self.query(
                "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND am.amname = 'btree' ORDER BY 1")
            for (index,) in indexes:
                # heapallindexed: every heap tuple must also be in the index, not only a sound B-tree.
                self.query("SELECT bt_index_check(%s::regclass, true)", (index,))
            self.amcheck = f"amcheck bt_index_check(heapallindexed) passed on {len(indexes)} indexes"
        except self.psycopg2.errors.UndefinedFile as exc:
            self.amcheck = f"amcheck unavailable ({str(exc).strip()}); B-tree check not run"
        except self.psycopg2.Error as exc:
            problems.append(f"amcheck: {str(exc).strip()}")
        foreign_keys = self.query(
            "SELECT con.conname, con.conrelid::regclass::text, con.confrelid::regclass::text, "
            "ARRAY(SELECT attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a "
            "ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY o), "
            "ARRAY(SELECT attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a "
            "ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY o) "
            "FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace "
            "WHERE con.contype = 'f' AND n.nspname = 'public'")
        for name, child, parent, cols, pcols in foreign_keys:
            present = " AND ".join(f'c."{c}" IS NOT NULL' for c in cols)
            joined = " AND ".join(f'p."{p}" = c."{c}"' for c, p in zip(cols, pcols, strict=True))
            orphans = self.query(f"SELECT count(*) FROM {child} c WHERE {present} "
                                 f"AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {joined})")[0][0]
            if orphans:
                problems.append(f"{orphans} rows of {child} break {name}")
        self.amcheck += f"; {len(foreign_keys)} foreign keys have no orphans" if not problems else ""
        return problems

    def notes(self) -> str:
        return self.amcheck


class Sqlite(Backend):
    def __init__(self, path: Path) -> None:
        self.path, self.url = path, f"sqlite:///{path}"
        self.wal_at_kill = 0

    def connect(self, timeout: float = 30.0) -> closing[sqlite3.Connection]:
        return closing(sqlite3.connect(self.path, timeout=timeout, isolation_level=None))

    def counts(self) -> dict[str, int]:
        with self.connect() as conn:
            tables = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1")]
            return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}

    def present(self, ids: list[str], tag: str) -> int:
        with self.connect() as conn:
            by_name = conn.execute("SELECT count(*) FROM service WHERE name LIKE ?", (f"% {tag} %",)).fetchone()[0]
            by_id = sum(conn.execute("SELECT count(*) FROM service WHERE id = ?", (i,)).fetchone()[0] for i in ids)
        return by_id + by_name

    def writing(self) -> bool:
        # SQLite has one writer: if we cannot take the write lock, the import holds it.
        with self.connect(timeout=0) as conn:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:
                return True
            conn.execute("ROLLBACK")
            return False

    def check(self) -> list[str]:
        wal = self.path.with_name(self.path.name + "-wal")
        self.wal_at_kill = wal.stat().st_size if wal.exists() else 0
        with self.connect() as conn:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
        problems = [] if integrity == ["ok"] else [f"integrity_check: {integrity[:5]}"]
        if orphans:
            problems.append(f"foreign_key_check: {len(orphans)} orphans, e.g. {orphans[:3]}")
        return problems

    def notes(self) -> str:
        return (f"PRAGMA integrity_check ok, foreign_key_check empty; the WAL file was {self.wal_at_kill // 1024} KiB "
                "after the kill")


@pytest.fixture(params=["postgresql", "sqlite"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        yield Sqlite(tmp_path / "directory.db")
        return
    need_postgres()
    name = f"fyp_import_kill_{secrets.token_hex(4)}"
    admin_sql(f'CREATE DATABASE "{name}"')
    try:
        yield Postgres(name)
    finally:
        admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_for(condition: Callable[[], bool], timeout_s: float, what: str) -> float:
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < timeout_s, f"{what}: not within {timeout_s:.0f} s"
        time.sleep(0.05)
    return time.monotonic() - start


def post_import(server: Server, key: str, body: bytes, timeout: float = 600.0) -> httpx.Response:
    return httpx.post(f"{server.url}/admin/import", params={"allow_duplicates": "true"}, content=body,
                      headers={"Authorization": f"Bearer {key}", "Content-Type": "application/x-ndjson"},
                      timeout=timeout)


def test_kill_9_during_a_large_import_leaves_nothing_behind(backend: Backend, tmp_path: Path) -> None:
    env = {"DIRECTORY_DATABASE_URL": backend.url}
    run(["seed", "--quiet"], env)
    key = run(["create-key", "--name", "importer", "--role", "admin"], env).strip().splitlines()[-1]
    tag = f"kt{secrets.token_hex(3)}"
    body, ids = import_file(ROWS, tag)
    before = backend.counts()
    inserted_before = backend.service_inserts() if isinstance(backend, Postgres) else 0

    server = start_directory(tmp_path / "first", env)
    listed_before = httpx.get(f"{server.url}/services", timeout=30).json()["total_items"]
    outcome: dict[str, object] = {}

    def send() -> None:
        try:
            outcome["response"] = post_import(server, key, body)
        except httpx.HTTPError as exc:
            outcome["error"] = exc

    sender = threading.Thread(target=send, daemon=True)
    started = time.monotonic()
    sender.start()
    try:
        to_first_write = wait_for(backend.writing, 120, "the import never began writing")
        time.sleep(KILL_AFTER_S)
        # The import runs off the event loop: the same replica still answers the public API meanwhile.
        answered = httpx.get(f"{server.url}/services", params={"search": "football"}, timeout=120)
        assert answered.status_code == 200
        assert backend.writing() and sender.is_alive(), f"the import ended before the kill: {outcome}"
        os.kill(server.process.pid, signal.SIGKILL)
        killed_at = time.monotonic() - started
        server.process.wait(timeout=30)
    finally:
        server.stop()
    sender.join(timeout=60)
    assert "error" in outcome, f"the client got an answer from a killed server: {outcome}"
    wait_for(backend.settled, 60, "the killed server's database sessions did not end")

    problems = backend.check()
    after = backend.counts()
    left = backend.present(ids, tag)
    rolled_back = ""
    if isinstance(backend, Postgres):
        # Statistics of a backend that ended are published shortly after it exits.
        deadline = time.monotonic() + 10
        while backend.service_inserts() == inserted_before and time.monotonic() < deadline:
            time.sleep(0.2)
        rolled_back = f"; {backend.service_inserts() - inserted_before} service rows it had inserted were rolled back"
    print(f"\n[{type(backend).__name__}] import of {ROWS} services ({len(body) // 1024} KiB NDJSON): first "
          f"uncommitted write {to_first_write:.1f} s after the POST, kill -9 at {killed_at:.1f} s"
          f"{rolled_back}; client saw {type(outcome['error']).__name__}")
    print(f"[{type(backend).__name__}] after the kill: {left} of the import's services present, counts "
          f"{'unchanged' if after == before else 'CHANGED'} ({sum(after.values())} rows in {len(after)} tables); "
          f"{backend.notes()}")
    assert not problems, problems
    assert left == 0
    assert after == before, {t: (before.get(t), after.get(t)) for t in set(before) | set(after)
                             if before.get(t) != after.get(t)}

    server = start_directory(tmp_path / "again", env)
    try:
        assert httpx.get(f"{server.url}/health", timeout=30).status_code == 200
        listed = httpx.get(f"{server.url}/services", timeout=30)
        assert listed.status_code == 200 and listed.json()["total_items"] == listed_before
        began = time.monotonic()
        retried = post_import(server, key, body)
        took = time.monotonic() - began
        assert retried.status_code == 200, retried.text[:2000]
        report = retried.json()
        assert report["committed"] and report["created"] == ROWS and not report["errors"], {
            k: v for k, v in report.items() if k not in ("duplicates", "errors")}
        assert backend.counts()["service"] == before["service"] + ROWS
        assert httpx.get(f"{server.url}/services/{ids[-1]}", timeout=30).status_code == 200
        # Copies of sample services that are not listed (inactive ones, say) are not listed either.
        total = httpx.get(f"{server.url}/services", timeout=30).json()["total_items"]
        assert total > listed_before
        print(f"[{type(backend).__name__}] restarted; the retried import committed {report['created']} services "
              f"in {took:.1f} s (so the kill came about {min(1.0, (killed_at - to_first_write) / took):.0%} of "
              "the way through its writing)")
    finally:
        server.stop()
