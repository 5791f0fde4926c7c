"""Places: resolve what people type ("anfeild", "L4 0TH", "old swan") to a point.

Data: data/geo/liverpool_places.csv and data/geo/uk_outcodes.csv (see
data/geo/NOTICE.md for sources and licences). A full postcode is reduced to its
district before anything else sees it, so no full postcode is kept or returned.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

LIVERPOOL_CENTRE = (53.4106, -2.9779)
# Beyond this a place is outside the area our directory covers (the city region).
AREA_RADIUS_KM = 35.0

FULL_POSTCODE = re.compile(r"^([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})$")
PARTIAL_POSTCODE = re.compile(r"^([a-z]{1,2}\d[a-z\d]?)\s+\d[a-z]?$")
OUTCODE = re.compile(r"^[a-z]{1,2}\d[a-z\d]?$")
SPOKEN_DISTRICT = re.compile(r"^liverpool\s+(\d{1,2})$")
POSTCODE_IN_TEXT = re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)(?:\s*(\d[a-z]{2}))?\b")

# Names people use that the gazetteer lacks, mapped onto rows it has
# (data/README.md "Known gaps"). Keys are normalised.
ALIASES: dict[str, str] = {
    "kensington": "Kensington & Fairfield",
    "fairfield": "Kensington & Fairfield",
    "tuebrook": "Tuebrook and Stoneycroft",
    "city centre": "Central",
    "town centre": "Central",
    "liverpool city centre": "Central",
    "town": "Central",
    "the city centre": "Central",
    "centre": "Central",
    "dovecot": "Knotty Ash & Dovecot Park",
    "hunts cross": "Much Woolton & Hunts Cross",
    "croxteth park": "Croxteth Country Park",
    "the dingle": "Dingle",
    "fazak": "Fazakerley",
    "scottie road": "Vauxhall",
    "scotty road": "Vauxhall",
    # Local names: "Crocky" is Croxteth, "Kenny" Kensington.
    "crocky": "Croxteth",
    "kenny": "Kensington & Fairfield",
    "tocky": "Toxteth",
    "toxy": "Toxteth",
    # City-centre landmarks people give as where they are.
    "liverpool one": "Central",
    "bold street": "City Centre South",
    "scotland road": "Vauxhall",
    "lpool": "Liverpool",
    "liverpool city": "Liverpool",
    "woolton": "Woolton",
    "st michaels": "St Michaels",
    "sefton park": "Sefton Park",
    "penny lane": "Penny Lane",
}

# "Clubmoor East": a ward split by compass point, and the name it was split from.
SPLIT_WARD = re.compile(r"^(.+?) (?:North|South|East|West)$")
# Names that are also everyday words: only taken from free text after a cue ("near church").
AMBIGUOUS = {"church", "county", "central", "town", "centre", "upton", "riverside", "liverpool"}
CUE_WORDS = ("near", "in", "around", "round", "from", "at", "by", "nr", "close to", "live in", "based in")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    text = re.sub(r"\bsaint\b", "st", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # ward | district | neighbourhood | town | postcode_district
    latitude: float
    longitude: float
    outcode: str
    query: str = ""

    @property
    def citywide(self) -> bool:
        return self.kind == "town" and self.name == "Liverpool"

    @property
    def in_area(self) -> bool:
        return haversine_km(self.latitude, self.longitude, *LIVERPOOL_CENTRE) <= AREA_RADIUS_KM

    def as_dict(self) -> dict:
        return {
            "query": self.query,
            "name": self.name,
            "kind": self.kind,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "outcode": self.outcode,
            "in_area": self.in_area,
        }


class PlaceNotFound(LookupError):
    def __init__(self, query: str, suggestions: list[str]):
        self.query = query
        self.suggestions = suggestions
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"I couldn't find a place called '{query}' in or near Liverpool.{hint}")


class Gazetteer:
    def __init__(self, places: list[Place], outcodes: dict[str, tuple[float, float]]):
        self.outcodes = outcodes
        self.by_name: dict[str, Place] = {}
        # Wards first so that a ward wins over an older district of the same name.
        order = {"ward": 0, "district": 1, "town": 2, "neighbourhood": 3}
        for place in sorted(places, key=lambda p: order.get(p.kind, 9)):
            self.by_name.setdefault(normalise(place.name), place)
        for alias, target in ALIASES.items():
            self.by_name.setdefault(alias, self.by_name[normalise(target)])
        # Wards split by compass point answer to their old name: "clubmoor" is Clubmoor East and West.
        self._add_split_wards(places)
        self._choices = list(self.by_name)
        self.local_outcodes = {
            code for code, (lat, lon) in outcodes.items() if haversine_km(lat, lon, *LIVERPOOL_CENTRE) <= AREA_RADIUS_KM
        }

    def _add_split_wards(self, places: list[Place]) -> None:
        parts: dict[str, list[Place]] = {}
        for place in places:
            if place.kind == "ward" and (m := SPLIT_WARD.match(place.name)):
                parts.setdefault(m.group(1), []).append(place)
        for name, wards in parts.items():
            key = normalise(name)
            if key in self.by_name or key in AMBIGUOUS:
                continue
            latitude = sum(w.latitude for w in wards) / len(wards)
            longitude = sum(w.longitude for w in wards) / len(wards)
            self.by_name[key] = Place(name, "neighbourhood", round(latitude, 5), round(longitude, 5), wards[0].outcode)

    @classmethod
    def from_dir(cls, geo_dir: Path) -> Gazetteer:
        with open(geo_dir / "liverpool_places.csv", newline="", encoding="utf-8") as fh:
            places = [
                Place(r["name"], r["kind"], float(r["latitude"]), float(r["longitude"]), r["outcode"])
                for r in csv.DictReader(fh)
            ]
        with open(geo_dir / "uk_outcodes.csv", newline="", encoding="utf-8") as fh:
            outcodes = {r["outcode"].upper(): (float(r["latitude"]), float(r["longitude"])) for r in csv.DictReader(fh)}
        return cls(places, outcodes)

    @property
    def wards(self) -> list[Place]:
        return [p for p in set(self.by_name.values()) if p.kind == "ward"]

    def district(self, code: str, query: str = "") -> Place | None:
        code = code.upper().replace(" ", "")
        point = self.outcodes.get(code)
        if point is None:
            return None
        return Place(code, "postcode_district", point[0], point[1], code, query)

    def resolve(self, text: str) -> Place:
        """Resolve a place name or postcode; raise PlaceNotFound with suggestions otherwise."""
        query = text.strip()
        key = normalise(query)
        key = re.sub(r"^(near|in|around|round|from|at|the area of)\s+", "", key)
        if not key:
            raise PlaceNotFound(query, [])
        compact = key.replace(" ", "")
        for pattern in (FULL_POSTCODE, PARTIAL_POSTCODE):
            if m := pattern.match(key):
                # The query is echoed back: keep only the district of a full postcode.
                if place := self.district(m.group(1), m.group(1).upper()):
                    return place
                raise PlaceNotFound(query, [])
        if OUTCODE.match(compact) and any(c.isdigit() for c in compact):
            if place := self.district(compact, compact.upper()):
                return place
            raise PlaceNotFound(query, self._outcode_suggestions(compact))
        if m := SPOKEN_DISTRICT.match(key):
            if place := self.district("L" + m.group(1), "L" + m.group(1)):
                return place
        if key in self.by_name:
            return _with_query(self.by_name[key], query)
        key = re.sub(r"\s+(area|way|side|end|liverpool)$", "", key)
        if key in self.by_name:
            return _with_query(self.by_name[key], query)
        # Typos: accept only a close match, never a loose guess that could be far away.
        best = process.extractOne(key, self._choices, scorer=fuzz.ratio, score_cutoff=80 if len(key) > 5 else 86)
        if best:
            return _with_query(self.by_name[best[0]], query)
        # "old swan west side" or "anfield road": a known name as the first words.
        words = key.split()
        for n in range(len(words) - 1, 0, -1):
            head = " ".join(words[:n])
            if head in self.by_name and head not in AMBIGUOUS:
                return _with_query(self.by_name[head], query)
        raise PlaceNotFound(query, self.suggest(key))

    def suggest(self, key: str, limit: int = 3) -> list[str]:
        found = process.extract(key, self._choices, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60)
        names: list[str] = []
        for choice, _score, _ in found:
            name = self.by_name[choice].name
            if name not in names:
                names.append(name)
        return names[:limit]

    def _outcode_suggestions(self, code: str) -> list[str]:
        prefix = re.match(r"[a-z]+", code)
        if not prefix:
            return []
        letters = prefix.group(0).upper()
        near = sorted(c for c in self.local_outcodes if re.match(rf"{letters}\d", c))
        return near[:5]

    def find_in_text(self, text: str) -> tuple[Place | None, str]:
        """Find a place mentioned in a sentence. Returns (place, the words it used)."""
        norm = normalise(text)
        for m in POSTCODE_IN_TEXT.finditer(norm):
            outcode, inward = m.group(1), m.group(2)
            # A bare "l4" is a district; "12" or "a1" inside words are not postcodes.
            if not re.match(r"^(l|ch|wa|pr)\d", outcode) and not inward:
                continue
            if place := self.district(outcode, outcode.upper()):
                return place, m.group(0)
        if m := re.search(r"\bliverpool\s+(\d{1,2})\b", norm):
            if place := self.district("L" + m.group(1), "L" + m.group(1)):
                return place, m.group(0)
        words = norm.split()
        cue_positions = {
            i + len(c.split())
            for i in range(len(words))
            for c in CUE_WORDS
            if words[i : i + len(c.split())] == c.split()
        }
        # Longest exact n-gram first, so "west derby" beats "derby".
        for n in range(4, 0, -1):
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i : i + n])
                if gram in self.by_name and (gram not in AMBIGUOUS or i in cue_positions):
                    return _with_query(self.by_name[gram], gram), gram
        # Typos only right after a cue word: "near anfeild", "in tuebrok".
        for i in sorted(cue_positions):
            for n in (3, 2, 1):
                gram = " ".join(words[i : i + n])
                if len(gram) < 5 or i + n > len(words):
                    continue
                best = process.extractOne(gram, self._choices, scorer=fuzz.ratio, score_cutoff=82)
                if best and best[0] not in AMBIGUOUS:
                    return _with_query(self.by_name[best[0]], gram), gram
        return None, ""


def _with_query(place: Place, query: str) -> Place:
    return Place(place.name, place.kind, place.latitude, place.longitude, place.outcode, query)


@lru_cache(maxsize=4)
def load_gazetteer(geo_dir: Path) -> Gazetteer:
    return Gazetteer.from_dir(geo_dir)
