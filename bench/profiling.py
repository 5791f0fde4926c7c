"""py-spy (bench/requirements.txt) for the figures that miss their target: sample a running server
under load, or a benchmark command, and boil the samples down to where the time goes.

py-spy samples from outside the process (no code changes, little overhead);
`--nonblocking` leaves the process running while it reads its stacks. Python
3.10 compatible: bench/bot.py uses it from .venv-rasa.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RATE_HZ = 200
FRAME = re.compile(r"^(?P<func>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")


def py_spy() -> str | None:
    here = ROOT / ".venv" / "bin" / "py-spy"
    return str(here) if here.exists() else shutil.which("py-spy")


class Sampler:
    def __init__(self, path: Path):
        self.path = path
        self.process: subprocess.Popen | None = None
        self.error: str | None = None


@contextlib.contextmanager
def sample(pid: int, out: Path, seconds: float, gil: bool = True) -> Iterator[Sampler]:
    """Sample process `pid` for `seconds` while the body runs; the raw stacks go to `out`. With `gil`, only
    the thread holding the GIL is sampled: where the CPU goes, not which threads are waiting for it."""
    sampler = Sampler(out)
    exe = py_spy()
    if exe is None:
        sampler.error = "py-spy is not installed: pip install -r bench/requirements.txt"
        yield sampler
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    argv = [exe, "record", "--pid", str(pid), "--format", "raw", "--output", str(out), "--rate", str(RATE_HZ),
            "--duration", str(max(1, round(seconds))), "--nonblocking"]
    if gil:
        argv.append("--gil")
    sampler.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield sampler
    finally:
        try:
            _out, err = sampler.process.communicate(timeout=seconds + 60)
        except subprocess.TimeoutExpired:
            sampler.process.kill()
            _out, err = sampler.process.communicate()
        if sampler.process.returncode != 0:
            lines = (err or "").strip().splitlines()
            sampler.error = lines[-1] if lines else "py-spy failed"


def record(argv: Sequence[str], out: Path, timeout_s: float = 600) -> str | None:
    """Run a command under py-spy; None on success, else what went wrong."""
    exe = py_spy()
    if exe is None:
        return "py-spy is not installed: pip install -r bench/requirements.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([exe, "record", "--format", "raw", "--output", str(out), "--rate", str(RATE_HZ), "--",
                           *argv], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          timeout=timeout_s, check=False)
    return None if proc.returncode == 0 and out.exists() else (proc.stderr.strip().splitlines() or ["failed"])[-1]


def _short(file: str) -> str:
    for marker in ("site-packages/", "/lib/python3."):
        if marker in file:
            tail = file.split(marker, 1)[1]
            return tail.split("/", 1)[1] if marker.startswith("/lib") and "/" in tail else tail
    with contextlib.suppress(ValueError):
        return str(Path(file).resolve().relative_to(ROOT))
    return file


def function_of(frame: str) -> str:
    m = FRAME.match(frame.strip())
    return f"{m['func']} ({_short(m['file'])})" if m else frame.strip()


def _line_of(frame: str) -> str:
    m = re.match(r"^(?P<func>.*) \((?P<file>[^()]*?):(?P<line>\d+)\)$", frame.strip())
    return f"{m['func']} ({_short(m['file'])}:{m['line']})" if m else function_of(frame)


PROJECT = ("(directory/", "(bot/", "(actions/", "(bench/")
PLUMBING = ("<module>", "_run_module_as_main", "_run_code", "run (", "_run (", "main (", "Thread._bootstrap",
            "WorkerThread.run", "BaseEventLoop.", "Runner.run", "Handle._run", "asyncio_run", "Server.run",
            "Server.serve", "cmd_serve")


def summarise(path: Path, within: str | None = None, top: int = 12, without: str | None = None) -> dict:
    """Own time and total time per function, as shares of the samples. `within`: keep only stacks with a
    frame containing this text (e.g. the query function, to leave out the set-up); `without`: drop them."""
    own: Counter = Counter()
    lines_own: Counter = Counter()
    total: Counter = Counter()
    samples = 0
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError as exc:
        return {"samples": 0, "error": str(exc)}
    for line in lines:
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        frames = stack.split(";")
        if within and not any(within in f for f in frames):
            continue
        if without and any(without in f for f in frames):
            continue
        count = int(count_text)
        samples += count
        funcs = [function_of(f) for f in frames]
        own[funcs[-1]] += count
        lines_own[_line_of(frames[-1])] += count
        for func in set(funcs):
            total[func] += count
    if not samples:
        return {"samples": 0}
    return {
        "samples": samples,
        "own": [(f, round(100.0 * c / samples, 1)) for f, c in own.most_common(top)],
        # The same by source line: numpy's C work shows up as the Python line that called it.
        "lines": [(f, round(100.0 * c / samples, 1)) for f, c in lines_own.most_common(top)],
        # Inclusive time of the project's own functions, then of everything but the event loop and runners.
        "project": [(f, round(100.0 * c / samples, 1)) for f, c in total.most_common()
                    if any(m in f for m in PROJECT) and not f.startswith(PLUMBING)][:top],
        "total": [(f, round(100.0 * c / samples, 1)) for f, c in total.most_common()
                  if not f.startswith(PLUMBING)][:top],
        # Every function's inclusive share down to 0.5%, for the report's "where the time goes" rows.
        "functions": {f: round(100.0 * c / samples, 1) for f, c in total.items() if c * 200 >= samples},
    }
