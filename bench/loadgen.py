"""A small HTTP/1.1 keep-alive load generator on asyncio streams, for loopback servers only.

Why not httpx: at a thousand requests a second httpx's own per-request work
would take most of a core on this 2-core machine and we would measure the
client. This client writes pre-built request bytes and reads the status line,
headers and body, nothing else. Python 3.10 compatible (bench/bot.py runs it
in .venv-rasa).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def loopback_address(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    if parts.hostname not in LOOPBACK:
        raise ValueError(f"load is only ever sent to this machine, not to {parts.hostname}")
    return parts.hostname, parts.port or 80


def get(host: str, path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode()


def post_json(host: str, path: str, body: object) -> bytes:
    data = json.dumps(body).encode()
    head = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\n\r\n").encode()
    return head + data


class Connection:
    """One keep-alive connection; reconnects after the server closes it."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def send(self, raw: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(raw)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("server closed the connection")
        status = int(status_line.split()[1])
        length, chunked, close = None, False, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            key, _, value = line.partition(b":")
            key = key.strip().lower()
            if key == b"content-length":
                length = int(value)
            elif key == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif key == b"connection" and b"close" in value.lower():
                close = True
        if chunked:
            body = await self._chunks()
        elif length is not None:
            body = await self.reader.readexactly(length)
        else:
            body, close = await self.reader.read(), True
        if close:
            await self.close()
        return status, body

    async def _chunks(self) -> bytes:
        assert self.reader is not None
        parts = []
        while True:
            size = int((await self.reader.readline()).split(b";")[0], 16)
            if size == 0:
                await self.reader.readline()
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readline()

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except (ConnectionError, OSError):
                pass
        self.reader = self.writer = None


@dataclass
class Load:
    concurrency: int
    duration_s: float
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    elapsed_s: float = 0.0

    @property
    def requests_per_s(self) -> float:
        return len(self.latencies) / self.elapsed_s if self.elapsed_s else 0.0


async def _load(url: str, requests: list[bytes], concurrency: int, duration_s: float, warmup_s: float) -> Load:
    host, port = loopback_address(url)
    result = Load(concurrency, duration_s)
    counter = iter(range(10**12))
    start = time.perf_counter()
    measure_from = start + warmup_s
    stop_at = measure_from + duration_s

    async def worker() -> None:
        conn = Connection(host, port)
        try:
            while True:
                now = time.perf_counter()
                if now >= stop_at:
                    return
                raw = requests[next(counter) % len(requests)]
                try:
                    status, _body = await conn.send(raw)
                except (ConnectionError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                    result.errors[type(exc).__name__] += 1
                    await conn.close()
                    continue
                done = time.perf_counter()
                if now >= measure_from and done <= stop_at:
                    result.latencies.append(done - now)
                    result.statuses[status] += 1
        finally:
            await conn.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.elapsed_s = min(time.perf_counter(), stop_at) - measure_from
    return result


def run_load(url: str, requests: list[bytes], concurrency: int, duration_s: float, warmup_s: float = 1.0) -> Load:
    """`concurrency` clients, each sending the next request as soon as its last answer is in, for
    `duration_s` after `warmup_s`. Latencies and statuses count only requests that started and ended in the
    measured window."""
    return asyncio.run(_load(url, requests, concurrency, duration_s, warmup_s))


async def run_sessions(url: str, session: Callable[[Connection, Callable[[float, bool], None]], object],
                       concurrency: int, duration_s: float) -> tuple[list[tuple[float, bool]], float]:
    """`concurrency` clients, each running `session(conn, record)` again and again until the time is up.
    `record(seconds, ok)` is called by the session per request. Returns the records and the elapsed time."""
    host, port = loopback_address(url)
    records: list[tuple[float, bool]] = []
    start = time.perf_counter()
    stop_at = start + duration_s

    async def worker() -> None:
        conn = Connection(host, port)
        try:
            while time.perf_counter() < stop_at:
                await session(conn, lambda seconds, ok: records.append((seconds, ok)))
        finally:
            await conn.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return records, time.perf_counter() - start
