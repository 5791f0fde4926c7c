"""Fixtures for the fuzz suite.

Each suite fuzzes an app on its own seeded SQLite database: the admin fuzzer's writes land there
and nowhere else, and the Open Referral UK suite reads a pristine copy. The database helpers are
the directory suite's own (tests/directory/conftest.py), loaded under another module name so both
suites can run in one pytest session.
"""

from __future__ import annotations

import pytest
from fuzz_targets import STATS, FuzzStats, FuzzTarget, seeded_target

from directory.settings import Settings
from tests import directory_suite

_fixtures = directory_suite.fixtures()
make_database = _fixtures.make_database
settings = _fixtures.settings


@pytest.fixture(scope="session")
def fuzz_target(make_database, settings: Settings) -> FuzzTarget:
    """Our own API, public and admin: written to by the fuzzer."""
    return seeded_target(make_database, settings)


@pytest.fixture(scope="session")
def oruk_target(make_database, settings: Settings) -> FuzzTarget:
    """Read only: the seeded sample directory exactly as `make run` serves it."""
    return seeded_target(make_database, settings)


@pytest.fixture(scope="session")
def fuzz_stats() -> FuzzStats:
    return STATS


def pytest_terminal_summary(terminalreporter) -> None:
    for suite, by_op in STATS.cases.items():
        seconds = sum(STATS.seconds[suite].values())
        terminalreporter.write_sep("-", f"fuzz {suite}: {sum(by_op.values())} cases, {seconds:.1f}s in requests")
        for op, n in sorted(by_op.items(), key=lambda kv: -STATS.seconds[suite][kv[0]]):
            codes = STATS.statuses.get(suite, {}).get(op, {})
            if n < 5 and not op.startswith("GET"):
                continue  # the coverage phase's one-off "is this method refused?" probes
            spread = " ".join(f"{code}x{count}" for code, count in sorted(codes.items()))
            terminalreporter.write_line(f"  {n:5d} cases {STATS.seconds[suite][op]:6.2f}s  {op:40s} {spread}")
