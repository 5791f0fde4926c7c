"""Real servers on loopback for the bot suite (PostgreSQL, Redis): skipped when absent, a failure when
REQUIRE_POSTGRES=1 / REQUIRE_REDIS=1 says they must be there (CI sets both)."""

from __future__ import annotations

import os
import socket

import pytest


def reachable(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def need(port: int, name: str, env: str) -> None:
    if not reachable(port):
        if os.environ.get(env) == "1":
            pytest.fail(f"{name} is required ({env}=1) but not reachable on 127.0.0.1:{port}")
        pytest.skip(f"{name} not reachable on 127.0.0.1:{port}")
