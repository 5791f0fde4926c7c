"""Help contacts from data/crisis_contacts.yml, the only checked source.

Used when the bot cannot do what was asked (the directory is down) and when
it signposts support: it never types a number itself, it reads them here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "crisis_contacts.yml"

# Shown when the bot apologises: people anyone can reach, any time.
APOLOGY_CONTACTS = ("childline", "samaritans", "shout", "nhs_111_mental_health")


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    phone: str | None
    text: str | None
    url: str | None
    hours: str | None
    who: str | None

    def line(self) -> str:
        """ "Childline: 0800 1111 (24/7, anyone under 19)"."""
        how = self.phone or self.text or self.url or ""
        extras = ", ".join(part for part in (self.hours, self.who) if part)
        return f"{self.name}: {how}" + (f" ({extras})" if extras else "")


@dataclass(frozen=True)
class Resource:
    name: str
    url: str
    about: str


def _path() -> Path:
    return Path(os.environ.get("CRISIS_CONTACTS_PATH") or DEFAULT_PATH)


@lru_cache(maxsize=4)
def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def contacts() -> dict[str, Contact]:
    data = _load(_path())
    return {
        c["id"]: Contact(
            id=c["id"],
            name=c["name"],
            phone=c.get("phone"),
            text=c.get("text"),
            url=c.get("url"),
            hours=c.get("hours"),
            who=c.get("who"),
        )
        for c in data["contacts"]
    }


def pick(ids: tuple[str, ...] | list[str]) -> list[Contact]:
    known = contacts()
    return [known[i] for i in ids if i in known]


def resources() -> dict[str, Resource]:
    """The real, non-crisis resources (Liverpool CAMHS, Kooth, Place2Be, MYA)."""
    data = _load(_path())
    return {r["name"]: Resource(r["name"], r["url"], r["about"]) for r in data.get("resources") or []}
