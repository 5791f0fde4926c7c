"""Start the real processes the bot tests need, on free loopback ports.

Used by tests/bot/conftest.py (the directory) and tests/e2e/conftest.py
(directory, action server, Rasa). Each process logs to a file under the
test's tmp dir; on a failed start the tail of that log is in the error.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
RASA_VENV_BIN = Path(sys.executable).parent


def directory_python() -> str:
    """The directory runs in the main venv (.venv), never in .venv-rasa."""
    return os.environ.get("DIRECTORY_PYTHON") or str(ROOT / ".venv" / "bin" / "python")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    url: str
    log: Path

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start(
    name: str,
    argv: Sequence[str],
    url: str,
    ready_path: str,
    log_dir: Path,
    env: Mapping[str, str] | None = None,
    timeout_s: float = 180.0,
) -> Server:
    """Start `argv` and wait until GET url+ready_path answers 200."""
    log = log_dir / f"{name}.log"
    with log.open("w") as handle:
        # The child keeps its own copy of the file descriptor.
        process = subprocess.Popen(
            list(argv), cwd=ROOT, env={**os.environ, **(env or {})}, stdout=handle, stderr=subprocess.STDOUT
        )
    server = Server(name, process, url, log)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}:\n{server.tail()}")
        try:
            if httpx.get(url + ready_path, timeout=2.0).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    server.stop()
    raise RuntimeError(f"{name} did not become ready in {timeout_s:.0f}s:\n{server.tail()}")


def start_directory(tmp: Path) -> Server:
    port = free_port()
    return start(
        "directory",
        [directory_python(), "-m", "directory", "serve", "--host", "127.0.0.1", "--port", str(port)],
        f"http://127.0.0.1:{port}",
        "/health",
        tmp,
        env={"DIRECTORY_DATABASE_URL": f"sqlite:///{tmp / 'directory.db'}"},
    )


def start_action_server(tmp: Path, directory_url: str) -> Server:
    port = free_port()
    return start(
        "actions",
        [str(RASA_VENV_BIN / "rasa"), "run", "actions", "--port", str(port), "--actions", "actions"],
        f"http://127.0.0.1:{port}",
        "/health",
        tmp,
        env={"DIRECTORY_API_URL": directory_url, "PYTHONPATH": str(ROOT)},
    )


def start_rasa(
    tmp: Path, model: Path, action_url: str, token: str, extra_env: Mapping[str, str] | None = None
) -> Server:
    """Rasa with the REST channel and the HTTP API behind an auth token,
    using a copy of endpoints.yml that points at `action_url`."""
    port = free_port()
    endpoints = tmp / "endpoints.yml"
    text = (ROOT / "endpoints.yml").read_text()
    endpoints.write_text(text.replace("http://127.0.0.1:5055/webhook", f"{action_url}/webhook"))
    return start(
        "rasa",
        [
            str(RASA_VENV_BIN / "rasa"),
            "run",
            "--enable-api",
            "--auth-token",
            token,
            "--port",
            str(port),
            "--interface",
            "127.0.0.1",
            "--model",
            str(model),
            "--endpoints",
            str(endpoints),
            "--credentials",
            str(ROOT / "credentials.yml"),
        ],
        f"http://127.0.0.1:{port}",
        "/",
        tmp,
        env={"PYTHONPATH": str(ROOT), **(extra_env or {})},
        # Loading the model takes 40-80 s on a quiet machine; a busy shared one can take several times that.
        timeout_s=600.0,
    )
