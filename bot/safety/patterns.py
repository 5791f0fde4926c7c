"""Word-class macros for the rules, and the compiler that expands them.

A rule is written as a regex over the canonical text (see normalise.py) with
{NAME} placeholders for word classes, so "{PERSON} {ADV}{HIT} {ME}" covers
"my step dad beats me", "he literally punched us" and "me da batters me".
The word classes are data, in data/word_classes.yml, loaded and checked here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from bot.safety.datafile import DataFileError, joined, load

WORD_CLASSES_FILE = Path(__file__).parent / "data" / "word_classes.yml"
_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_NAME = re.compile(r"[A-Z][A-Z0-9_]*")

_MACROS: dict[str, str] = {}


class UnknownMacro(KeyError):
    """A {NAME} placeholder with no word class of that name."""

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown macro {name}")
        self.name = name


def macro(name: str, body: str) -> None:
    _MACROS[name] = body


def expand(pattern: str, macros: Mapping[str, str] | None = None) -> str:
    """Replace {NAME} placeholders, recursively, with their bodies as groups
    (the word classes loaded below, unless `macros` is given)."""
    table = _MACROS if macros is None else macros

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in table:
            raise UnknownMacro(name)
        return "(?:" + expand(table[name], table) + ")"
    return _PLACEHOLDER.sub(sub, pattern)


def compile_rule(pattern: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + expand(pattern) + r")\b")


def words(spec: str) -> str:
    """'a b|c d' style alternation from a whitespace-free, '|' separated list."""
    return "|".join(spec.split("|"))


# Up to n filler words, for n from 1 to 8: made here rather than written out eight
# times in word_classes.yml, where near-identical lines would only hide a typo.
FILLERS = {f"F{n}": rf"(?:[a-z0-9]+ ){{0,{n}}}" for n in range(1, 9)}


def load_word_classes(path: Path = WORD_CLASSES_FILE) -> dict[str, str]:
    """NAME -> body from a word-class file, checked: the names, the bodies, every {NAME}
    a body uses, and that each class expands and compiles."""
    data = load(path)
    if not isinstance(data, dict) or not data:
        raise DataFileError(f"{path.name}: expected word classes, one `NAME: body` each")
    classes: dict[str, str] = {}
    for name, body in data.items():
        if not _NAME.fullmatch(name):
            raise DataFileError(f"{path.name}: word class {name!r}: a name is capital letters, digits and '_'")
        if name in FILLERS:
            raise DataFileError(f"{path.name}: word class {name}: F1 to F8 are made in patterns.py")
        text = joined(body)
        if not text:
            raise DataFileError(f"{path.name}: word class {name}: the body must be a string or a list of strings")
        classes[name] = text
    for name, body in classes.items():
        for used in _PLACEHOLDER.findall(body):
            if used not in classes and used not in FILLERS:
                raise DataFileError(f"{path.name}: word class {name} uses unknown word class {{{used}}}")
    table = {**FILLERS, **classes}
    for name in classes:
        try:
            re.compile(expand("{" + name + "}", table))
        except RecursionError:
            raise DataFileError(f"{path.name}: word class {name} contains itself") from None
        except re.error as e:
            raise DataFileError(f"{path.name}: word class {name} does not compile: {e}") from None
    return classes


for _name, _body in {**FILLERS, **load_word_classes()}.items():
    macro(_name, _body)
