"""Writes reach the index of another directory process (another replica) within 10 seconds."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from directory import auth, migrate, models
from directory.app import create_app
from directory.db import session_factory
from directory.importers.hsds_json import seed

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def two_replicas(backend, make_database, settings, tmp_path_factory):
    db, engine = make_database(backend)
    migrate.upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        seed(s, settings.taxonomy_file, settings.seed_file)
        key = auth.create_key(s, "writer", "editor")
        football = s.scalar(select(models.TaxonomyTerm.id).where(models.TaxonomyTerm.code == "football"))
        s.commit()
    port = free_port()
    log = open(tmp_path_factory.mktemp("replica") / "replica.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "directory", "serve", "--port", str(port), "--no-seed"], cwd=ROOT, stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "DIRECTORY_DATABASE_URL": db.url, "DIRECTORY_INDEX_POLL_SECONDS": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("the second directory process did not start")
    with TestClient(create_app(settings.model_copy(update={"index_poll_seconds": 3600}), engine)) as writer:
        yield writer, base, {"Authorization": f"Bearer {key}"}, football
    proc.terminate()
    proc.wait(timeout=10)
    log.close()
    # What people search for is theirs: it never reaches the server's log.
    assert "zorbing" not in Path(log.name).read_text().lower()


def wait_for(check, seconds: float = 10.0) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if check():
            return time.monotonic() - start
        time.sleep(0.2)
    raise AssertionError(f"not seen within {seconds} s")


def test_a_write_reaches_the_other_replica_within_ten_seconds(two_replicas):
    writer, other, headers, football = two_replicas
    body = {
        "name": "Zorbing for Beginners", "description": "Roll down a hill in a big ball. (Sample listing.)",
        "organization": {"name": "Sample Zorb Org", "description": "Sample organisation (fictional)."},
        "minimum_age": 12, "maximum_age": 18, "attributes": [{"taxonomy_term_id": football}],
        "service_at_locations": [{"location": {"name": "Sample hill", "latitude": 53.43, "longitude": -2.96}}],
    }
    r = writer.post("/admin/services", json=body, headers=headers)
    assert r.status_code == 201
    sid, etag = r.json()["id"], r.headers["etag"]

    def visible() -> bool:
        return any(s["id"] == sid for s in httpx.get(f"{other}/services", params={"search": "zorbing"}).json()[
            "contents"])

    took = wait_for(visible)
    print(f"new service visible in the other process after {took:.1f} s")
    r = writer.patch(f"/admin/services/{sid}", json={"status": "inactive"}, headers={**headers, "If-Match": etag})
    assert r.status_code == 200
    wait_for(lambda: not visible())
