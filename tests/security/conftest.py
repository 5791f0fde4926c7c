"""Fixtures for the security checks (run in .venv): the directory app on its own seeded SQLite
database with real staff keys, and a real Rasa server with its HTTP API behind a token.

The database helpers are the directory suite's own (tests/directory/conftest.py), loaded under
another module name so both suites can run in one pytest session. Rasa is started the way the
browser suite starts it (tests/browser/stack.py), from .venv-rasa, without an action server: the
HTTP API's token check does not need one.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine

from directory import migrate
from directory.auth import create_key, revoke_key
from directory.db import session_factory
from directory.importers.hsds_json import seed
from directory.settings import Settings
from tests import directory_suite
from tests.browser import stack as processes

RASA_READY_S = 300.0


_fixtures = directory_suite.fixtures()
make_database = _fixtures.make_database
settings = _fixtures.settings


@dataclass
class Keys:
    engine: Engine
    admin: str
    editor: str
    revoked: str


@pytest.fixture(scope="session")
def keys(make_database, settings: Settings) -> Keys:
    """A seeded database with an admin key, an editor key and a key that was revoked."""
    _db, engine = make_database("sqlite")
    migrate.upgrade(engine)
    with session_factory(engine)() as session:
        seed(session, settings.taxonomy_file, settings.seed_file)
        admin = create_key(session, "security-admin", "admin")
        editor = create_key(session, "security-editor", "editor")
        revoked = create_key(session, "security-revoked", "admin")
        revoke_key(session, "security-revoked")
        session.commit()
    return Keys(engine, admin, editor, revoked)


@dataclass
class Rasa:
    url: str
    token: str


@pytest.fixture(scope="session")
def rasa(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rasa]:
    model = processes.latest_model()
    if model is None:
        pytest.fail("no trained Rasa model in models/: run `make train`")
    if not processes.RASA_BIN.exists():
        pytest.fail(f"{processes.RASA_BIN} is missing: create .venv-rasa (make test sets it up)")
    log_dir = tmp_path_factory.mktemp("security-rasa")
    token = secrets.token_hex(16)
    dead_actions = processes.ClosedPort()  # no action server: nothing here runs an action
    server = processes.start_rasa(
        log_dir, processes.free_port(), model, f"http://127.0.0.1:{dead_actions.port}", "http://127.0.0.1", token
    )
    try:
        server.wait_http("/", RASA_READY_S)
        yield Rasa(server.url, token)
    finally:
        server.stop()
        dead_actions.close()
