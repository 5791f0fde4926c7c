"""The apps the fuzz suite sends its requests to, each on its own seeded SQLite database, and the
tally of what was sent. (A uniquely named module: several test folders have a conftest.py.)"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import FastAPI
from sqlalchemy import Engine

from directory import migrate
from directory.app import create_app
from directory.auth import create_key
from directory.db import session_factory
from directory.importers.hsds_json import seed
from directory.settings import Settings


@dataclass
class FuzzTarget:
    app: FastAPI
    engine: Engine
    admin_key: str
    editor_key: str


def seeded_target(make_database: Callable, settings: Settings) -> FuzzTarget:
    _db, engine = make_database("sqlite")
    migrate.upgrade(engine)
    with session_factory(engine)() as session:
        seed(session, settings.taxonomy_file, settings.seed_file)
        admin = create_key(session, "fuzzer-admin", "admin")
        editor = create_key(session, "fuzzer-editor", "editor")
        session.commit()
    # The fuzzer sends thousands of requests from one client: failed-key limiting would turn its
    # deliberate bad keys into 429s for every later admin case. tests/security checks the limiter.
    app = create_app(
        settings.model_copy(update={"index_poll_seconds": 3600, "auth_failures_per_minute": 10**9}), engine
    )
    return FuzzTarget(app, engine, admin, editor)


@dataclass
class FuzzStats:
    """Cases sent and seconds spent, per suite and operation: printed at the end of the run."""

    cases: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: dict[str, dict[str, float]] = field(default_factory=dict)
    statuses: dict[str, dict[str, dict[int, int]]] = field(default_factory=dict)

    def record(self, suite: str, operation: str, seconds: float, status: int | None) -> None:
        by_op = self.cases.setdefault(suite, {})
        by_op[operation] = by_op.get(operation, 0) + 1
        times = self.seconds.setdefault(suite, {})
        times[operation] = times.get(operation, 0.0) + seconds
        if status is not None:
            codes = self.statuses.setdefault(suite, {}).setdefault(operation, {})
            codes[status] = codes.get(status, 0) + 1

    def status_count(self, suite: str, operation: str, status: int) -> int:
        return self.statuses.get(suite, {}).get(operation, {}).get(status, 0)

    def total(self, suite: str) -> int:
        return sum(self.cases.get(suite, {}).values())


STATS = FuzzStats()
