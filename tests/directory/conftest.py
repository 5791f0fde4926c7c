"""Fixtures: the whole directory suite runs on SQLite and on PostgreSQL.

Each backend gets a fresh database, migrated and seeded once per session.
Tests that write use `session`, which rolls back through a savepoint.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from directory import data_status, migrate
from directory.app import create_app
from directory.db import make_engine, session_factory
from directory.geo import Gazetteer, load_gazetteer
from directory.importers.hsds_json import seed
from directory.search.interests import InterestMatcher, Term
from directory.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _pg_available() -> str | None:
    import psycopg

    try:
        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        return str(exc).strip().splitlines()[0]


def pg_or_skip() -> None:
    problem = _pg_available()
    if problem is None:
        return
    message = f"PostgreSQL at {PG_ADMIN_URL} is not reachable: {problem}"
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(message + " (REQUIRE_POSTGRES=1)")
    pytest.skip(message)


class TempDatabase:
    """A throwaway database on either backend."""

    def __init__(self, backend: str, tmp: Path):
        self.backend = backend
        if backend == "sqlite":
            self.url = f"sqlite:///{tmp / f'dir-{uuid.uuid4().hex[:8]}.db'}"
            self.name = None
        else:
            pg_or_skip()
            self.name = f"fyp_test_{uuid.uuid4().hex[:10]}"
            self._admin(f'CREATE DATABASE "{self.name}"')
            self.url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + self.name

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(sql)

    def drop(self, engine: Engine | None = None) -> None:
        if engine is not None:
            engine.dispose()
        if self.name:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def make_database(tmp_path_factory) -> Iterator:
    made: list[tuple[TempDatabase, list[Engine]]] = []

    def _make(backend: str) -> tuple[TempDatabase, Engine]:
        db = TempDatabase(backend, tmp_path_factory.mktemp(backend))
        engine = make_engine(db.url)
        made.append((db, [engine]))
        return db, engine

    yield _make
    for db, engines in made:
        for engine in engines:
            engine.dispose()
        db.drop()


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def db_engine(backend, make_database, settings) -> Engine:
    _db, engine = make_database(backend)
    migrate.upgrade(engine)
    with session_factory(engine)() as session:
        seed(session, settings.taxonomy_file, settings.seed_file)
        session.commit()
    return engine


@pytest.fixture(scope="session")
def client(db_engine, settings) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"index_poll_seconds": 3600}), db_engine)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def session(db_engine) -> Iterator[Session]:
    """A session whose commits are savepoints inside one transaction that is rolled back."""
    with db_engine.connect() as conn:
        outer = conn.begin()
        with Session(bind=conn, join_transaction_mode="create_savepoint") as s:
            yield s
        outer.rollback()


@pytest.fixture(scope="session")
def seed_doc(settings) -> dict:
    return json.loads(Path(settings.seed_file).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def taxonomy_doc(settings) -> dict:
    return json.loads(Path(settings.taxonomy_file).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_term_id(taxonomy_doc) -> str:
    """The data-status term that marks a fictional listing (directory/data_status.py)."""
    (term,) = [t for t in taxonomy_doc["status_taxonomy"]["terms"] if t["code"] == data_status.SAMPLE_DATA]
    return term["id"]


@pytest.fixture(scope="session")
def matcher() -> InterestMatcher:
    """The interest matcher over the committed taxonomy, without a database."""
    doc = json.loads((ROOT / "data/directory/taxonomy.json").read_text())
    ids = {t["code"]: t["id"] for t in doc["terms"]}
    return InterestMatcher(
        [
            Term(
                t["id"], t["code"], t["name"], t.get("kind"), ids.get(t.get("parent_code") or ""), tuple(t["synonyms"])
            )
            for t in doc["terms"]
        ]
    )


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load_gazetteer(ROOT / "data" / "geo")
