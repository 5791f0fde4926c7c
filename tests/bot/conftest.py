"""Fixtures for the bot's action tests: the real directory service, started
once per session on a free port with a fresh SQLite file (it migrates and
loads the seed directory itself)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from servers import start_directory


def pytest_configure(config: pytest.Config) -> None:
    # Rasa 3.6, TensorFlow and SQLAlchemy 1.4 warn about their own deprecated
    # internals on import; those are not ours to fix. Our own code still runs
    # under the project's "warnings are errors" setting otherwise.
    for line in (
        "ignore::DeprecationWarning",
        "ignore::PendingDeprecationWarning",
        "ignore::FutureWarning",
        "ignore::ResourceWarning:tensorflow.*",
        # Rasa raises this on every domain load (its own CLI hides it).
        "ignore:Slot auto-fill has been removed:UserWarning",
    ):
        config.addinivalue_line("filterwarnings", line)


@pytest.fixture(scope="session")
def directory_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server = start_directory(tmp_path_factory.mktemp("directory"))
    try:
        yield server.url
    finally:
        server.stop()
