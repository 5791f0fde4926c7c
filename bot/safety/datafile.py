"""Read the safety layer's data files (data/rules.yml, data/word_classes.yml, data/concepts.yml).

PyYAML, as everywhere else in the project; it is installed in both
virtualenvs and pulls in nothing heavy. A file that is not valid YAML, or
repeats a key, is refused with its name and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class DataFileError(ValueError):
    """A data file that cannot be used; the message names the file and where."""


class _UniqueKeys(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice (PyYAML keeps the last one silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load(path: Path) -> Any:
    return parse(path.read_text(encoding="utf-8"), path.name)


def parse(text: str, source: str = "<string>") -> Any:
    try:
        return yaml.load(text, Loader=_UniqueKeys)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(f"{source}, {where}{problem}") from exc


def joined(value: Any) -> str | None:
    """Text written whole or as a list of pieces joined end to end (a list may hold
    another list through an alias); None if `value` is neither."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value:
        parts = [joined(v) for v in value]
        if all(p is not None for p in parts):
            return "".join(parts)  # type: ignore[arg-type]
    return None
