"""End-to-end fixtures: the real directory, action server and Rasa server on
free loopback ports, talking REST, with the trained model.

The model is FYP_MODEL if set, else models/current.tar.gz (make train builds
it). Tests marked `stops_services` run last: they stop the directory, then
the action server, to check what still works.
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chat import Chat
from servers import ROOT, Server, start_action_server, start_directory, start_rasa

TOKEN = secrets.token_hex(16)
# Where the stack keeps conversations when Redis is there: a database of their own, so tests can read it raw.
REDIS_TRACKER_DB = 13


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "stops_services: stops the directory or action server; runs last")
    for line in ("ignore::DeprecationWarning", "ignore::PendingDeprecationWarning"):
        config.addinivalue_line("filterwarnings", line)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Stable sort: everything else first, service-stopping tests last, in order.
    items.sort(key=lambda item: item.get_closest_marker("stops_services") is not None)


def model_path() -> Path:
    path = Path(os.environ.get("FYP_MODEL") or ROOT / "models" / "current.tar.gz")
    if not path.is_file():
        pytest.fail(f"no trained model at {path}: run `make train` (or set FYP_MODEL)")
    return path


def tracker_store_env() -> dict[str, str]:
    """Conversations go to Redis when it runs (CI requires it), so the REST tests read what a shared store
    really keeps; without it, the stack keeps them in memory, as `make run` does by default."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=2).close()
    except OSError:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail("Redis is required (REQUIRE_REDIS=1) but not reachable on 127.0.0.1:6379")
        return {}
    return {"TRACKER_STORE_TYPE": "redis", "REDIS_TRACKER_DB": str(REDIS_TRACKER_DB)}


@dataclass
class Stack:
    directory: Server
    actions: Server
    rasa: Server
    tracker_env: dict[str, str] = field(default_factory=dict)
    token: str = TOKEN
    stopped: set[str] = field(default_factory=set)

    def logs(self) -> str:
        return "\n".join(s.log.read_text(errors="replace") for s in (self.actions, self.rasa))

    def stop(self, name: str) -> None:
        {"directory": self.directory, "actions": self.actions, "rasa": self.rasa}[name].stop()
        self.stopped.add(name)


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    model = model_path()
    tmp = tmp_path_factory.mktemp("e2e")
    started: list[Server] = []
    try:
        directory = start_directory(tmp)
        started.append(directory)
        actions = start_action_server(tmp, directory.url)
        started.append(actions)
        tracker_env = tracker_store_env()
        rasa = start_rasa(tmp, model, actions.url, TOKEN, tracker_env)
        started.append(rasa)
        yield Stack(directory, actions, rasa, tracker_env)
    finally:
        for server in reversed(started):
            server.stop()


@pytest.fixture()
def chat(stack: Stack) -> Chat:
    return Chat(stack.rasa.url)
