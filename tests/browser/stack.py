"""The real processes behind the widget: directory, action server and Rasa, on free loopback ports.

Each process runs in its own process group (so stopping it also stops its workers) and logs to a
file; when a start fails, the error carries the tail of that log.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[2]
MAIN_PYTHON = ROOT / ".venv" / "bin" / "python"
RASA_BIN = ROOT / ".venv-rasa" / "bin" / "rasa"
PR_SET_PDEATHSIG = 1  # linux/prctl.h

# A service with a script-injection name, served by the real directory: football, at the
# Anfield ward centroid (data/geo/liverpool_places.csv), so "football near Anfield" finds it.
XSS_NAME = "<img src=x onerror=alert(1)>"
FOOTBALL_TERM_ID = "3aa01187-0b43-530e-b0e2-6662f9ff6534"  # data/directory/taxonomy.json, code "football"
XSS_SERVICE = {
    "id": "b0b0b0b0-0000-4000-8000-000000000001",
    "name": XSS_NAME,
    "description": "Test-only listing whose name is markup; the widget must show it as text. (Sample listing.)",
    # Not http(s): the widget must show it as text, never as a link.
    "url": "javascript:alert(document.domain)",
    "status": "active",
    "minimum_age": 5,
    "maximum_age": 25,
    "fees_description": "Free.",
    "organization": {
        "id": "b0b0b0b0-0000-4000-8000-000000000002",
        "name": "Widget test organisation (sample)",
        "description": "Sample organisation for the browser tests.",
    },
    "service_at_locations": [
        {
            "id": "b0b0b0b0-0000-4000-8000-000000000003",
            "location": {
                "id": "b0b0b0b0-0000-4000-8000-000000000004",
                "location_type": "physical",
                "name": "Sample venue near Anfield",
                "latitude": 53.43397,
                "longitude": -2.95527,
                "addresses": [
                    {
                        "id": "b0b0b0b0-0000-4000-8000-000000000005",
                        "address_1": "<b>Sample venue</b>, Anfield",
                        "city": "Liverpool",
                        "state_province": "Merseyside",
                        "postal_code": "L4",
                        "country": "GB",
                        "address_type": "physical",
                    }
                ],
            },
        }
    ],
    "phones": [{"id": "b0b0b0b0-0000-4000-8000-000000000009", "number": "0151 496 0999 <img src=x onerror=alert(6)>"}],
    "schedules": [
        {
            "id": "b0b0b0b0-0000-4000-8000-000000000006",
            "freq": "WEEKLY",
            "byday": "WE",
            "opens_at": "17:00",
            "closes_at": "18:30",
            "description": "Wednesdays 5pm to 6:30pm",
        }
    ],
    "cost_options": [{"id": "b0b0b0b0-0000-4000-8000-000000000007", "option": "Free", "currency": "GBP", "amount": 0}],
    "attributes": [
        {
            "id": "b0b0b0b0-0000-4000-8000-000000000008",
            "link_type": "service",
            "link_id": "b0b0b0b0-0000-4000-8000-000000000001",
            "taxonomy_term_id": FOOTBALL_TERM_ID,
        }
    ],
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ClosedPort:
    """A loopback port that is bound but never listens: connecting to it is refused at once,
    and no other process can take it while this object lives. This is how "the bot is down"."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self.port: int = self._sock.getsockname()[1]

    def close(self) -> None:
        self._sock.close()


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path
    url: str
    ready: bool = field(default=False)

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def wait_until(self, check: Callable[[], bool], timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.popen.returncode}; log tail:\n{self.tail()}")
            try:
                if check():
                    self.ready = True
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} was not ready after {timeout_s:.0f}s; log tail:\n{self.tail()}")

    def wait_http(self, path: str, timeout_s: float) -> None:
        if not self.ready:
            self.wait_until(lambda: httpx.get(self.url + path, timeout=2.0).status_code == 200, timeout_s)

    def stop(self) -> None:
        if self.popen.poll() is None:
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)  # our own group: started with start_new_session
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
            except ProcessLookupError:
                self.popen.wait(timeout=10)


def _die_with_parent() -> None:
    """Runs in the child before exec: if the test run is killed before its teardown (a timeout,
    Ctrl-C twice), the kernel sends this process SIGTERM instead of leaving it running."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def spawn(name: str, argv: Sequence[str], url: str, log_dir: Path, env: Mapping[str, str]) -> Process:
    log = log_dir / f"{name}.log"
    with log.open("w") as handle:
        popen = subprocess.Popen(
            list(argv),
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=handle,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
    return Process(name, popen, log, url)


def prepare_database(db_path: Path) -> str:
    """Migrate and seed a fresh SQLite file with the sample directory, then add the XSS service
    through the directory's own importer. Returns the SQLAlchemy URL."""
    url = f"sqlite:///{db_path}"
    subprocess.run(
        [str(MAIN_PYTHON), "-m", "directory", "seed", "--quiet"],
        cwd=ROOT,
        env={**os.environ, "DIRECTORY_DATABASE_URL": url},
        check=True,
        capture_output=True,
    )
    from directory.db import make_engine, session_factory
    from directory.importers.hsds_json import upsert_services

    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            upsert_services(session, [json.loads(json.dumps(XSS_SERVICE))])
            session.commit()
    finally:
        engine.dispose()
    return url


def start_directory(name: str, log_dir: Path, database_url: str, bot_url: str) -> Process:
    port = free_port()
    return spawn(
        name,
        [str(MAIN_PYTHON), "-m", "directory", "serve", "--host", "127.0.0.1", "--port", str(port), "--no-seed"],
        f"http://127.0.0.1:{port}",
        log_dir,
        {"DIRECTORY_DATABASE_URL": database_url, "DIRECTORY_BOT_URL": bot_url},
    )


def latest_model() -> Path | None:
    models = sorted((ROOT / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def start_action_server(log_dir: Path, port: int, directory_url: str) -> Process:
    return spawn(
        "actions",
        [str(RASA_BIN), "run", "actions", "--port", str(port), "--actions", "actions"],
        f"http://127.0.0.1:{port}",
        log_dir,
        {"PYTHONPATH": str(ROOT), "DIRECTORY_API_URL": directory_url},
    )


def start_rasa(log_dir: Path, port: int, model: Path, action_url: str, widget_origins: str, token: str) -> Process:
    """Rasa with the project's endpoints.yml, except that the action server is ours. `widget_origins` is what
    WIDGET_ORIGINS holds (origins separated by spaces), passed to --cors split into words as the Procfile's
    shell does."""
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text(encoding="utf-8")) or {}
    endpoints["action_endpoint"] = {"url": f"{action_url}/webhook"}
    endpoints_file = log_dir / "endpoints.yml"
    endpoints_file.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    argv = [
        str(RASA_BIN), "run", "--enable-api", f"--auth-token={token}", "--cors", *widget_origins.split(),
        "--interface", "127.0.0.1", "--port", str(port), "--model", str(model), "--endpoints", str(endpoints_file),
    ]  # fmt: skip
    if (ROOT / "credentials.yml").exists():
        argv += ["--credentials", str(ROOT / "credentials.yml")]
    return spawn("rasa", argv, f"http://127.0.0.1:{port}", log_dir, {"PYTHONPATH": str(ROOT)})
