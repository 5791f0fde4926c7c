"""The directory suite's database fixtures (tests/directory/conftest.py), for other suites that need a
real seeded database: loaded under another module name so both can run in one pytest session."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

CONFTEST = Path(__file__).resolve().parent / "directory" / "conftest.py"


def fixtures() -> ModuleType:
    spec = importlib.util.spec_from_file_location("directory_suite_fixtures", CONFTEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
