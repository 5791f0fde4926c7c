"""End-to-end fixtures: the real directory, action server and Rasa server on
free loopback ports, talking REST, with the trained model.

The model is FYP_MODEL if set, else models/current.tar.gz (make train builds
it). Tests marked `stops_services` run last: they stop the directory, then
the action server, to check what still works.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chat import Chat
from servers import ROOT, Server, start_action_server, start_directory, start_rasa

TOKEN = secrets.token_hex(16)


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


@dataclass
class Stack:
    directory: Server
    actions: Server
    rasa: Server
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
        rasa = start_rasa(tmp, model, actions.url, TOKEN)
        started.append(rasa)
        yield Stack(directory, actions, rasa)
    finally:
        for server in reversed(started):
            server.stop()


@pytest.fixture()
def chat(stack: Stack) -> Chat:
    return Chat(stack.rasa.url)
