"""Related interests (data/directory/related_interests.yml): neighbours of a group or a kind of support,
offered nearby when the exact thing is further away. Activities have their taxonomy family for that."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from directory.settings import DATA_DIR

RELATED_FILE = DATA_DIR / "directory" / "related_interests.yml"


@lru_cache
def related_codes(path: Path = RELATED_FILE) -> dict[str, tuple[str, ...]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(code): tuple(str(c) for c in (others or ())) for code, others in data.items()}
