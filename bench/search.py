"""Search latency and memory at 1k / 10k / 100k services (`make bench-search`).

    python -m bench.search                               # 1k, 10k and 100k, 200 queries each
    python -m bench.search --sizes 1000,10000 --queries 50
    python -m bench.search --one 100000 --profile query  # one size in this process, cProfile the queries

Each size runs in its own subprocess (`--one SIZE`) so that the memory figures
belong to that size alone. A run:

1. generates synthetic services deterministically (fixed seed): names like
   "Anfield Junior Football Club", 1-3 leaf terms of the real taxonomy
   (data/directory/taxonomy.json), ages, free/paid, weekly schedules, and
   locations jittered up to 1.5 km around the rows of
   data/geo/liverpool_places.csv; about 5% online only, 3% inactive and 2%
   expired. They are built as `ServiceDoc`s directly: no database involved;
2. builds a `SearchIndex` by upserting every doc (the "build" time) and puts
   it in a `SearchEngine` whose interest matcher is loaded from the same
   taxonomy file (as `SearchEngine.load_terms` does from the database);
3. warms up on a separate set of queries, then times a fixed set of
   realistic queries (`time.perf_counter_ns`, one call each):
   - "recommend": `engine.recommend(...)`, free text with typos ("footy nr
     anfeild"), interests + age + place, postcode + radius, free only, days,
     "open now";
   - "search": `engine.index.search(Query(...))` as the public `/services`
     endpoint builds it (`search=` text plus optional age, free, postcode +
     proximity, taxonomy term and day filters). The query objects are built
     before timing; only the index call is timed;
4. reads VmRSS (after the build) and VmHWM (peak) from /proc/self/status.

The issue's targets (p95 <= 10 ms and RSS <= 400 MB at 100k services) are
printed next to the figures; nothing is asserted here.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import gc
import itertools
import json
import math
import os
import random
import subprocess
import sys
import time
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = 20261122
DEFAULT_SIZES = (1_000, 10_000, 100_000)
DEFAULT_QUERIES = 200
WARMUP_QUERIES = 30
LONDON = ZoneInfo("Europe/London")
# A fixed "now" (a Wednesday, early evening) so that "open now", days and expiry are reproducible.
NOW = dt.datetime(2026, 11, 18, 17, 30, tzinfo=LONDON)
TARGET_P95_MS = 10.0
TARGET_RSS_MB = 400.0
RESULT_MARK = "BENCH-RESULT "
JITTER_KM = 1.5
KM_PER_DEG = 111.195

# --------------------------------------------------------------------------------------------
# Synthetic services
# --------------------------------------------------------------------------------------------

# How services name their activity, per leaf term code (taxonomy.json); the term name otherwise.
ACTIVITY_WORDS: dict[str, tuple[str, ...]] = {
    "football": ("Football", "Junior Football", "Footy", "Five-a-side", "Soccer School", "Girls Football"),
    "basketball": ("Basketball", "Hoops", "Streetball"),
    "boxing": ("Boxing", "Amateur Boxing", "Boxing Gym", "Boxercise"),
    "swimming": ("Swimming", "Learn to Swim", "Swim Squad"),
    "rugby": ("Rugby League", "Tag Rugby", "Rugby"),
    "cricket": ("Cricket", "Street Cricket", "Junior Cricket"),
    "netball": ("Netball", "Back to Netball"),
    "martial_arts": ("Karate", "Judo", "Taekwondo", "Martial Arts", "Kickboxing"),
    "climbing": ("Climbing", "Bouldering"),
    "skating": ("Skatepark", "Skateboarding", "Roller Skating"),
    "cycling": ("Cycling", "BMX", "Bike Workshop"),
    "gymnastics": ("Gymnastics", "Trampolining", "Parkour", "Cheerleading"),
    "athletics": ("Athletics", "Running", "Junior Running"),
    "fitness": ("Fitness", "Teen Gym", "Fit Club"),
    "dance": ("Dance", "Street Dance", "Ballet", "Dance Crew", "Hip Hop Dance"),
    "drama": ("Drama", "Youth Theatre", "Performing Arts", "Acting"),
    "music": ("Music", "Beats", "Rock School", "Choir", "Music Production", "Band"),
    "art": ("Art", "Young Artists", "Drawing and Painting", "Art Studio"),
    "photography": ("Photography", "Camera"),
    "film": ("Film", "Film Making", "Media"),
    "writing": ("Creative Writing", "Poetry", "Spoken Word"),
    "crafts": ("Crafts", "Sewing", "Makers"),
    "gaming": ("Gaming", "Esports", "Games"),
    "coding": ("Coding", "Code", "Tech", "Robotics"),
    "cooking": ("Cooking", "Baking", "Cook and Eat"),
    "homework_club": ("Homework", "Study"),
    "languages": ("ESOL", "English Conversation", "Languages"),
    "chess": ("Chess", "Board Games"),
    "careers": ("Careers", "Jobs and Skills", "Work Ready"),
    "nature": ("Nature", "Forest School", "Gardening", "Outdoors"),
    "duke_of_edinburgh": ("Duke of Edinburgh", "DofE"),
    "youth_club": ("Youth", "Youth Club", "Junior Youth", "Senior Youth"),
    "volunteering": ("Volunteering", "Young Volunteers"),
    "uniformed_groups": ("Scouts", "Guides", "Sea Cadets", "Army Cadets", "Beavers", "Brownies"),
    "youth_voice": ("Youth Council", "Youth Voice", "Young Leaders"),
    "holiday_club": ("Holiday", "Half Term", "Summer"),
    "lgbtq": ("LGBTQ+ Youth", "Pride Youth", "Rainbow"),
    "faith": ("Faith", "Church Youth", "Mosque Youth"),
    "culture": ("Heritage", "Culture", "Black History"),
    "send_inclusive": ("SEND Inclusive", "Inclusive", "Additional Needs"),
    "young_carers": ("Young Carers",),
    "care_experienced": ("Care Experienced", "Care Leavers"),
    "refugee_support": ("Refugee Welcome", "New Arrivals"),
    "girls_group": ("Girls", "Girls Only"),
    "boys_group": ("Boys", "Lads"),
    "mentoring": ("Mentoring", "Mentors"),
    "peer_support": ("Peer Support",),
    "mental_health_support": ("Wellbeing", "Feel Good", "Mental Health"),
    "counselling": ("Counselling", "Talking Therapies"),
    "camhs": ("CAMHS", "Emotional Health"),
    "crisis_support": ("Crisis", "Support Line"),
    "bereavement": ("Bereavement", "Grief Support"),
    "bullying_support": ("Anti-Bullying", "Bullying Support"),
    "anti_knife_crime": ("Safer Streets", "Knife Crime Awareness", "Street Safe"),
    "family_hub": ("Family Hub",),
    "parenting_support": ("Parenting", "Parents Together"),
}
# The commoner kinds of service are commoner in the directory too.
POPULAR = {"football": 6, "youth_club": 5, "dance": 4, "drama": 4, "music": 4, "art": 3, "boxing": 3,
           "gaming": 3, "swimming": 3, "basketball": 2, "martial_arts": 2, "coding": 2, "holiday_club": 2,
           "uniformed_groups": 2, "mental_health_support": 2, "homework_club": 2}
SUFFIXES = ("Club", "Club", "Sessions", "Group", "Project", "Academy", "Hub", "Drop-in", "Workshop", "Crew")
VENUES = ("Community Centre", "Youth Centre", "Library", "Leisure Centre", "Sports Hall", "Church Hall",
          "Academy", "Park Pavilion", "Family Hub", "Arts Centre")
STREETS = ("High Street", "Park Road", "Church Road", "Queens Drive", "Station Road", "Mill Lane",
           "Green Lane", "Victoria Street", "Smithdown Road", "County Road", "Lodge Lane", "Market Street")
ORG_SUFFIXES = ("Youth Trust", "Community Sports", "Arts Collective", "Youth Partnership", "Family Network",
                "Boys and Girls Club", "Young People's Project", "Active Kids CIC", "Community Association",
                "Youth Foundation")
OPENERS = ("Friendly", "Weekly", "Relaxed", "Fun", "Welcoming", "Small-group", "Drop-in", "Beginner-friendly")


@dataclasses.dataclass(frozen=True)
class Anchor:
    name: str
    kind: str
    lat: float
    lon: float
    outcode: str


def load_taxonomy(path: Path = DATA / "directory" / "taxonomy.json"):
    """Terms as `SearchEngine.load_terms` builds them from TaxonomyTerm rows, the leaf rows, the taxonomy id."""
    from directory.search.interests import Term

    doc = json.loads(path.read_text(encoding="utf-8"))
    rows = doc["terms"]
    by_code = {r["code"]: r for r in rows}
    terms = [
        Term(r["id"], r["code"] or r["id"], r["name"], r.get("kind"),
             by_code[r["parent_code"]]["id"] if r.get("parent_code") else None, tuple(r.get("synonyms") or ()))
        for r in rows
    ]
    parents = {r["parent_code"] for r in rows if r.get("parent_code")}
    leaves = [r for r in rows if r["code"] not in parents]
    return terms, leaves, doc["taxonomy"]["id"]


def load_anchors(path: Path = DATA / "geo" / "liverpool_places.csv") -> list[Anchor]:
    """Rows of the gazetteer inside the city region ("Liverpool" itself is the whole city, not a place)."""
    from directory.geo import AREA_RADIUS_KM, LIVERPOOL_CENTRE, haversine_km

    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rows:
        lat, lon = float(r["latitude"]), float(r["longitude"])
        if r["name"] == "Liverpool" or haversine_km(lat, lon, *LIVERPOOL_CENTRE) > AREA_RADIUS_KM:
            continue
        out.append(Anchor(r["name"], r["kind"], lat, lon, r["outcode"]))
    return out


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _jitter(rng: random.Random, anchor: Anchor) -> tuple[float, float]:
    r = JITTER_KM * math.sqrt(rng.random())  # uniform over the disc
    theta = rng.random() * 2 * math.pi
    dlat = r * math.sin(theta) / KM_PER_DEG
    dlon = r * math.cos(theta) / (KM_PER_DEG * math.cos(math.radians(anchor.lat)))
    return round(anchor.lat + dlat, 5), round(anchor.lon + dlon, 5)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _slot(rng: random.Random):
    from directory.search.documents import WEEKDAYS, WEEKEND, ScheduleSlot

    x = rng.random()
    if x < 0.55:
        days, weekend = 1 << rng.randrange(5), False
    elif x < 0.75:
        days, weekend = 1 << rng.choice((5, 6)), True
    elif x < 0.85:
        a, b = rng.sample(range(5), 2)
        days, weekend = (1 << a) | (1 << b), False
    elif x < 0.90:
        days, weekend = WEEKDAYS, False
    elif x < 0.95:
        days, weekend = WEEKEND, True
    else:
        return ScheduleSlot(0, None, None, None, None)  # "by arrangement": no regular times
    start = (rng.randint(9, 15) if weekend else rng.randint(15, 19)) * 60 + rng.choice((0, 0, 30))
    length = rng.choice((60, 90, 90, 120, 120, 180))
    return ScheduleSlot(days, _hhmm(start), _hhmm(min(start + length, 22 * 60)), None, None)


def _valid_dates(rng: random.Random, today: dt.date, expired: bool) -> tuple[dt.date | None, dt.date | None]:
    if expired:
        end = today - dt.timedelta(days=rng.randint(1, 300))
        return end - dt.timedelta(days=rng.randint(30, 300)), end
    x = rng.random()
    if x < 0.08:  # a term-time or seasonal programme that is still running
        return today - dt.timedelta(days=rng.randint(0, 120)), today + dt.timedelta(days=rng.randint(7, 200))
    if x < 0.30:
        return today - dt.timedelta(days=rng.randint(0, 700)), None
    return None, None


class ServiceFactory:
    """Deterministic synthetic `ServiceDoc`s; `make(i)` depends only on the seed and the order of calls."""

    def __init__(self, seed: int = SEED, n_orgs: int = 50, today: dt.date | None = None):
        from directory.search.documents import ServiceDoc

        self.rng = random.Random(seed)
        self.today = today or NOW.date()
        _terms, self.leaves, _tax = load_taxonomy()
        self.by_id = {r["id"]: r for r in self.leaves}
        self.leaf_weights = list(itertools.accumulate(POPULAR.get(r["code"], 1) for r in self.leaves))
        self.by_parent: dict[str | None, list[dict]] = {}
        for r in self.leaves:
            self.by_parent.setdefault(r.get("parent_code"), []).append(r)
        self.anchors = load_anchors()
        # Liverpool's own wards and districts carry most services; the wider city region the rest.
        self.anchor_weights = list(itertools.accumulate(
            3 if a.outcode[0] == "L" and a.outcode[1].isdigit() and a.kind in ("ward", "district") else 1
            for a in self.anchors))
        self.orgs = [(_uuid(self.rng), f"{self.rng.choice(self.anchors).name} {self.rng.choice(ORG_SUFFIXES)}")
                     for _ in range(max(5, n_orgs))]
        self.doc_fields = {f.name for f in dataclasses.fields(ServiceDoc)}
        self.ServiceDoc = ServiceDoc
        self.expired = self.inactive = self.online = 0

    def _terms(self) -> list[dict]:
        rng = self.rng
        primary = rng.choices(self.leaves, cum_weights=self.leaf_weights)[0]
        picked = [primary]
        for _ in range(rng.choices((0, 1, 2), (0.45, 0.4, 0.15))[0]):
            pool = self.by_parent[primary.get("parent_code")] if rng.random() < 0.5 else self.leaves
            extra = rng.choice(pool)
            if extra not in picked:
                picked.append(extra)
        return picked

    def _name(self, area: str, org: str, primary: dict) -> str:
        rng = self.rng
        word = rng.choice(ACTIVITY_WORDS.get(primary["code"], (primary["name"],)))
        x = rng.random()
        if x < 0.45:
            name = f"{area} {word} {rng.choice(SUFFIXES)}"
        elif x < 0.65:
            name = f"{word} {rng.choice(SUFFIXES)} at {area} {rng.choice(VENUES)}"
        elif x < 0.80:
            name = f"{area} Youth {word}"
        else:
            name = f"{org.split(' ')[0]} {word} {rng.choice(('Sessions', 'Club', 'Project', 'Programme'))}"
        return name.replace("Youth Youth", "Youth")

    def _description(self, area: str, terms: list[dict], lo, hi, free: bool) -> str:
        rng = self.rng
        primary = terms[0]
        parts = [f"{rng.choice(OPENERS)} sessions in {area}. {primary['description']}"]
        for extra in terms[1:]:
            syn = rng.choice(extra["synonyms"]) if extra["synonyms"] else extra["name"].lower()
            parts.append(f"Also {syn}.")
        if primary["synonyms"] and rng.random() < 0.6:
            parts.append(f"Come along for {rng.choice(primary['synonyms'])} with trained coaches and youth workers.")
        if lo is not None:
            parts.append(f"For ages {lo} to {hi}.")
        parts.append("Free, just turn up." if free else "Small charge per session; ask about bursaries.")
        return " ".join(parts)

    def make(self):
        rng = self.rng
        terms = self._terms()
        org_id, org = rng.choice(self.orgs)
        anchor = rng.choices(self.anchors, cum_weights=self.anchor_weights)[0]
        area = anchor.name
        if rng.random() < 0.03:
            lo = hi = None  # helplines and drop-ins: no age limits
        else:
            lo = rng.randint(5, 18)
            hi = lo + rng.randint(3, 10)
        x = rng.random()
        free, paid = (True, False) if x < 0.55 else (False, True) if x < 0.90 else (False, False)
        expired = rng.random() < 0.02
        slots = tuple(_slot(rng) for _ in range(rng.choices((1, 2), (0.75, 0.25))[0]))
        valid_from, valid_to = _valid_dates(rng, self.today, expired)
        slots = tuple(dataclasses.replace(s, valid_from=valid_from, valid_to=valid_to) for s in slots)
        online_only = rng.random() < 0.05
        if online_only:
            points: tuple[tuple[float, float], ...] = ()
            location_name, address = "Online", None
        else:
            points = (_jitter(rng, anchor),)
            if rng.random() < 0.10:
                points += (_jitter(rng, rng.choices(self.anchors, cum_weights=self.anchor_weights)[0]),)
            venue = rng.choice(VENUES)
            location_name = f"{area} {venue}"
            city = "Liverpool" if anchor.outcode.startswith("L") else area
            address = f"{rng.randint(1, 240)} {rng.choice(STREETS)}, {city}, {anchor.outcode}"
        inactive = rng.random() < 0.03
        name = self._name(area, org, terms[0])
        slug = "-".join(name.lower().replace("+", "").replace("'", "").split())
        eligibility = f"Young people aged {lo} to {hi}." if lo is not None else "Anyone can use this service."
        description = self._description(area, terms, lo, hi, free)
        from directory.search.documents import _days, schedule_text

        self.expired += expired
        self.inactive += inactive
        self.online += online_only
        values = dict(
            id=_uuid(rng), name=name, organization=org, organization_id=org_id, description=description,
            status="inactive" if inactive else "active", deleted=False,
            minimum_age=None if lo is None else float(lo), maximum_age=None if hi is None else float(hi),
            free=free, paid=paid, valid_from=valid_from, valid_to=valid_to, days=_days(slots), schedules=slots,
            term_ids=tuple(r["id"] for r in terms), points=points, online=online_only,
            url=f"https://example.org/bench/{slug}", phone=f"0151 496 {rng.randint(0, 9999):04d}",
            address=address, location_name=location_name, schedule_text=schedule_text(slots, []),
            text_fields=((name, 3.0), (" ".join(r["name"] for r in terms), 2.0), (org, 1.0), (description, 1.0),
                         (eligibility, 0.5)),
            last_modified=dt.datetime(2026, 1, 1) + dt.timedelta(minutes=rng.randint(0, 460_000)),
            text=None, sms=None, for_adults=False, sample=True,
        )
        missing = self.doc_fields - values.keys()
        if missing:
            raise RuntimeError(f"ServiceDoc has fields this benchmark doesn't fill: {sorted(missing)}")
        return self.ServiceDoc(**{k: v for k, v in values.items() if k in self.doc_fields})


def generate(n: int, seed: int = SEED) -> tuple[list, ServiceFactory]:
    factory = ServiceFactory(seed, n_orgs=max(20, n // 8))
    return [factory.make() for _ in range(n)], factory


# --------------------------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------------------------

# What people type into the bot / the recommendations endpoint (q=...), typos and all.
TEXT_QUERIES = (
    "footy nr anfeild", "free drama for my 13 year old in walton", "boxing gym near everton",
    "somewhere to play basketball in toxteth", "dance classes for 8 year olds", "free swimming lessons L8",
    "coding club for girls near the city centre", "art club in wavertree on saturdays",
    "my son is 14 and into gaming, anything in kirkdale", "youth club open now",
    "something to do tonight in old swan", "football this weekend in west derby",
    "free stuff for a 12 year old in norris green", "mental health support for teenagers",
    "counselling for my 15 yo in allerton", "bereavment support for kids", "scouts near woolton",
    "drama club after school in garston", "skateboarding near sefton park", "climbing wall",
    "music production for 16 year old in L1", "making beats in toxteth",
    "theatre kid looking for a group in aigburth", "chess club for year 7", "homework help near speke",
    "cooking for teens in kensington", "lgbtq youth group in town", "young carers group in croxteth",
    "SEND inclusive swimming near childwall", "girls football in everton", "martial arts for 9 year old nr tuebrok",
    "karate in huyton", "cricket at the weekend in bootle", "netball for girls aged 11 in crosby",
    "photography club in the city centre", "film making for 17 year olds", "poetry group near princes park",
    "volunteering for 16 yr olds", "duke of edinburgh award in liverpool 8", "cadets in fazakerley",
    "holiday club in half term near knotty ash", "free holiday club L11", "youth council", "knife crime anfield",
    "parenting support in everton", "family hub near walton", "free gym for my 15 year old",
    "running club near calderstones", "cycling for beginners in birkenhead", "trampolining in st helens",
    "esports near L4", "anything free this saturday in L6", "whats open right now",
    "bored what can i do in dingle", "somthing for my 10 year old daugter to do on sundays",
    "swiming lesons in wavertree", "bascketball in anfield", "dramma club in everton for 12 year old",
    "art for 6 year old free", "refugee welcome group in toxteth", "english lessons for my mum",
    "peer support group for care leavers", "bullying support for year 9", "youth club in kirkby",
    "sports for 5 year olds in southport", "board games club in wallasey", "guitar lessons near smithdown",
    "somewhere to hang out after school in speke", "free footie on sundays L9", "judo for 7 year olds in maghull",
)
# The same words as the structured recommendations endpoint gets them.
STRUCTURED_QUERIES: tuple[dict, ...] = (
    dict(interests=["football"], age=12, near="Anfield"),
    dict(interests=["drama", "dance"], age=14, near="L8", free=True),
    dict(near="L8", radius_km=2.0),
    dict(interests=["youth_club"], day="weekend"),
    dict(interests=["gaming"], age=15),
    dict(age=13, free=True),
    dict(near="Walton", day="sat"),
    dict(interests=["footy"], near="anfeild"),
    dict(interests=["theatre kid"], age=11),
    dict(interests=["sport"], age=10, near="Norris Green"),
    dict(interests=["swiming"], near="L15"),
    dict(interests=["mental health"], age=16, near="city centre"),
    dict(interests=["boxing"], near="everton", day="weekday"),
    dict(interests=["arts"], free=True, day="weekend"),
    dict(interests=["coding", "gaming"], age=13, near="L1", radius_km=5.0),
    dict(interests=["making beats"], age=16),
    dict(interests=["young carers"], near="Croxteth"),
    dict(interests=["support"], age=15, near="Kirkdale"),
    dict(near="Bootle", free=True, age=9),
    dict(interests=["basketball"], age=14, near="Toxteth", day="tuesday"),
)
INTEREST_WORDS = ("football", "footy", "boxing", "drama", "theatre", "dance", "dancing", "music", "beats", "art",
                  "drawing", "gaming", "esports", "coding", "swimming", "basketball", "karate", "skateboarding",
                  "cooking", "baking", "chess", "scouts", "cadets", "youth club", "homework help", "climbing",
                  "netball", "rugby", "cricket", "photography", "film", "poetry", "volunteering", "gym",
                  "running", "trampolining", "mental health", "counselling", "girls group", "lgbtq")
SEARCH_WORDS = INTEREST_WORDS + (
    "youth", "club", "sessions", "project", "academy", "community centre", "drop-in", "junior football club",
    "street dance crew", "learn to swim", "after school", "summer holiday", "feel good", "free", "wellbeing group",
    "family hub", "sea cadets", "rock school", "forest school", "parents together", "young leaders")
PLACE_WORDS = ("Anfield", "Everton", "Toxteth", "Walton", "Kirkdale", "Old Swan", "West Derby", "Wavertree",
               "Garston", "Speke", "Dingle", "Aigburth", "Allerton", "Norris Green", "Croxteth", "Fazakerley",
               "Tuebrook", "Kensington", "Childwall", "Woolton", "Bootle", "Crosby", "Huyton", "Kirkby",
               "Birkenhead", "Wallasey", "St Helens", "Southport", "Maghull", "Litherland", "Halewood",
               "city centre", "L4", "L8", "L6", "L11", "L13", "L15", "L17", "L24", "CH41", "WA10")
DAY_WORDS = ("saturday", "sunday", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday",
             "after school", "tonight")
TEXT_FORMS = ("{i} near {p}", "{i} in {p}", "{i} nr {p}", "free {i} in {p}", "{i} for my {a} year old in {p}",
              "{i} for {a} yr olds near {p}", "{i} on {d} in {p}", "{i} {p}", "{a} year old into {i}",
              "anything for a {a} yo in {p}", "{i} {d}", "cheap {i} near {p} for age {a}", "{i} open now in {p}")


def typo(rng: random.Random, word: str) -> str:
    """One slip of the thumb: swap, drop or double a letter (only in words of 5+ letters)."""
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    if len(word) < 5 or len(letters) < 5:
        return word
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(3)
    if kind == 0 and i + 1 < len(word) and word[i + 1].isalpha():
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def _maybe_typo(rng: random.Random, text: str, p: float) -> str:
    return " ".join(typo(rng, w) if rng.random() < p else w for w in text.split())


def recommend_queries(n: int, seed: int = SEED) -> list[dict]:
    """`n` keyword-argument sets for `engine.recommend`: the hand-written ones first, then generated ones."""
    rng = random.Random(seed)
    fixed: list[dict] = [dict(q=t) for t in TEXT_QUERIES]
    fixed += [dict(s) for s in STRUCTURED_QUERIES]
    out = fixed[:n]
    while len(out) < n:
        i = _maybe_typo(rng, rng.choice(INTEREST_WORDS), 0.25)
        p = rng.choice(PLACE_WORDS)
        p = p if any(c.isdigit() for c in p) else _maybe_typo(rng, p, 0.2)  # postcodes stay exact
        a = rng.randint(5, 18)
        if rng.random() < 0.6:
            form = rng.choice(TEXT_FORMS)
            out.append(dict(q=form.format(i=i, p=p, a=a, d=rng.choice(DAY_WORDS))))
        else:
            kw: dict = {"interests": [i]}
            if rng.random() < 0.7:
                kw["age"] = a
            if rng.random() < 0.7:
                kw["near"] = p
                if rng.random() < 0.2:
                    kw["radius_km"] = rng.choice((1.0, 2.0, 5.0))
            if rng.random() < 0.25:
                kw["free"] = True
            if rng.random() < 0.2:
                kw["day"] = rng.choice(("weekend", "sat", "sunday", "weekday", "fri"))
            out.append(kw)
    return out


SEARCH_PLACES = ("L4", "L8", "L6", "L11", "L13", "L15", "L17", "L24", "CH41", "Anfield", "Walton")
SEARCH_DAYS = ("weekend", "SA", "MO", "weekday")


def leaf_term_ids() -> list[str]:
    """Ids of the taxonomy's leaf terms, sorted (the terms a /services taxonomy filter picks from)."""
    terms, _leaves, _tax = load_taxonomy()
    parents = {t.parent_id for t in terms if t.parent_id}
    return sorted(t.id for t in terms if t.id not in parents)


def search_params(n: int, seed: int = SEED) -> list[dict]:
    """`n` parameter sets for the public /services endpoint, as a caller sends them: `search` text (typos
    and all), then optional `age`, `free`, `postcode` (+ `radius_km`), `taxonomy_term_id` and `day`."""
    rng = random.Random(seed + 1)
    leaf_ids = leaf_term_ids()
    out = []
    for k in range(n):
        text = SEARCH_WORDS[k] if k < len(SEARCH_WORDS) else rng.choice(SEARCH_WORDS)
        if k >= len(SEARCH_WORDS) and rng.random() < 0.5:
            text = f"{text} {rng.choice(SEARCH_WORDS)}"
        params: dict = {"search": _maybe_typo(rng, text, 0.15)}
        if rng.random() < 0.3:
            params["age"] = rng.randint(5, 18)
        if rng.random() < 0.2:
            params["free"] = True
        if rng.random() < 0.2:
            params["postcode"] = rng.choice(SEARCH_PLACES)
            if rng.random() < 0.6:
                params["radius_km"] = rng.choice((1.0, 3.0, 5.0))
        if rng.random() < 0.1:
            params["taxonomy_term_id"] = rng.choice(leaf_ids)
        if rng.random() < 0.1:
            params["day"] = rng.choice(SEARCH_DAYS)
        out.append(params)
    return out


def search_query(engine, params: dict):
    """The `Query` that directory/api/public.py builds from these /services parameters."""
    from directory.search.engine import day_mask
    from directory.search.index import Query

    q = Query(offset=0, limit=20, today=NOW.date())
    q.tokens, q.boost_term_ids = engine.text_query(params["search"])
    q.age = params.get("age")
    q.free = bool(params.get("free"))
    if params.get("postcode"):
        place = engine.gazetteer.resolve(params["postcode"])
        q.point = (place.latitude, place.longitude)
        if params.get("radius_km"):
            q.radius_km = params["radius_km"]
            q.include_online = False
    if params.get("taxonomy_term_id"):
        term = engine.terms[params["taxonomy_term_id"]]
        q.term_ids = {t.id for t in engine.matcher.with_children(term)}
    if params.get("day"):
        q.days = day_mask(params["day"], NOW)
    return q


def search_queries(engine, n: int, seed: int = SEED) -> list:
    """`n` `Query`s as the public /services endpoint builds them (see directory/api/public.py)."""
    return [search_query(engine, params) for params in search_params(n, seed)]


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


def proc_status_mb() -> dict[str, float]:
    """VmRSS (now) and VmHWM (peak) of this process in MB; empty where /proc isn't there."""
    out: dict[str, float] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(rest.split()[0]) / 1024
    except OSError:
        pass
    return out


def percentiles(ns: list[int]) -> dict[str, float]:
    if not ns:
        return {"p50": math.nan, "p95": math.nan, "p99": math.nan, "mean": math.nan, "max": math.nan}
    ms = np.array(ns, dtype=np.float64) / 1e6
    p50, p95, p99 = np.percentile(ms, [50, 95, 99])
    return {"p50": float(p50), "p95": float(p95), "p99": float(p99), "mean": float(ms.mean()),
            "max": float(ms.max())}


def build_engine(docs: list, terms, taxonomy_id: str):
    """A SearchEngine over `docs`: the index, the interest matcher and the gazetteer, no database."""
    from directory.geo import load_gazetteer
    from directory.search.engine import SearchEngine
    from directory.search.index import SearchIndex
    from directory.search.interests import InterestMatcher

    engine = SearchEngine(load_gazetteer(DATA / "geo"))
    engine.terms = {t.id: t for t in terms}
    engine.taxonomy_ids = {taxonomy_id}
    engine.matcher = InterestMatcher(terms)
    index = SearchIndex(capacity=max(1024, len(docs)))
    index.upsert_many(docs)  # as SearchEngine.load does at start-up
    engine.index = index
    gc.collect()
    gc.freeze()
    return engine


def _time_calls(calls) -> tuple[list[int], list[int], list[str]]:
    """Run each call once; nanoseconds per call, result totals, and any errors (the query goes on)."""
    times, totals, errors = [], [], []
    for label, call in calls:
        t0 = time.perf_counter_ns()
        try:
            result = call()
        except Exception as exc:  # noqa: BLE001 - a failing query is reported, not fatal
            times.append(time.perf_counter_ns() - t0)
            totals.append(0)
            errors.append(f"{label}: {type(exc).__name__}: {exc}")
            continue
        times.append(time.perf_counter_ns() - t0)
        totals.append(result.total)
    return times, totals, errors


def run_benchmark(size: int, queries: int = DEFAULT_QUERIES, seed: int = SEED, *, warmup: int = WARMUP_QUERIES,
                  profile: str | None = None, log=None) -> dict:
    """Generate `size` services, build the engine, time `queries` recommend and search calls. Returns figures."""
    from directory.search.text import terms as text_terms

    log = log or (lambda *_: None)
    before = proc_status_mb()
    terms, _leaves, taxonomy_id = load_taxonomy()
    text_terms("warm the lemma table")  # spaCy's lookup table loads once per process, not per build

    t0 = time.perf_counter()
    docs, factory = generate(size, seed)
    gen_s = time.perf_counter() - t0
    log(f"[{size}] generated in {gen_s:.2f}s ({factory.online} online only, {factory.inactive} inactive, "
        f"{factory.expired} expired)")
    baseline = proc_status_mb()

    profiler = _profiler(profile == "build")
    t0 = time.perf_counter()
    engine = build_engine(docs, terms, taxonomy_id)
    build_s = time.perf_counter() - t0
    _report_profile(profiler, f"build of {size}", log)
    del docs  # the index holds every doc: dropping the list frees only the list itself
    after_build = proc_status_mb()
    log(f"[{size}] built in {build_s:.2f}s, RSS {after_build.get('VmRSS', math.nan):.0f} MB")

    rec_kwargs = recommend_queries(queries, seed)
    warm_kwargs = recommend_queries(len(TEXT_QUERIES) + len(STRUCTURED_QUERIES) + warmup, seed + 7)[-warmup:]
    search_qs = search_queries(engine, queries, seed)
    warm_search = search_queries(engine, warmup, seed + 7)[-warmup:] if warmup else []

    def rec_call(kw):
        return lambda: engine.recommend(now=NOW, **kw)

    def search_call(q):
        return lambda: engine.index.search(q)

    # Warm up on other queries: the vocabulary list, numpy paths and caches get built, the measured
    # queries' own typos and posting arrays don't.
    _time_calls([(str(kw), rec_call(kw)) for kw in warm_kwargs])
    _time_calls([("warm search", search_call(q)) for q in warm_search])

    profiler = _profiler(profile == "query")
    rec_ns, rec_totals, rec_errors = _time_calls([(str(kw), rec_call(kw)) for kw in rec_kwargs])
    search_ns, search_totals, search_errors = _time_calls(
        [(f"search {q.tokens}", search_call(q)) for q in search_qs])
    _report_profile(profiler, f"queries at {size}", log)
    # A second pass over the same queries: what repeat queries cost once every cache is warm.
    rec_ns2, _, _ = _time_calls([(str(kw), rec_call(kw)) for kw in rec_kwargs])
    search_ns2, _, _ = _time_calls([("search", search_call(q)) for q in search_qs])
    end = proc_status_mb()
    for err in (rec_errors + search_errors)[:10]:
        log(f"[{size}] query failed: {err}")

    return {
        "size": size,
        "services_indexed": len(engine.index),
        "queries": queries,
        "seed": seed,
        "generate_s": gen_s,
        "build_s": build_s,
        "rss_start_mb": before.get("VmRSS", math.nan),
        "rss_before_build_mb": baseline.get("VmRSS", math.nan),
        "rss_after_build_mb": after_build.get("VmRSS", math.nan),
        "hwm_mb": end.get("VmHWM", math.nan),
        "rss_end_mb": end.get("VmRSS", math.nan),
        "recommend": {**percentiles(rec_ns), "hot": percentiles(rec_ns2), "n": len(rec_ns),
                      "with_results": sum(1 for t in rec_totals if t > 0), "errors": rec_errors},
        "search": {**percentiles(search_ns), "hot": percentiles(search_ns2), "n": len(search_ns),
                   "with_results": sum(1 for t in search_totals if t > 0), "errors": search_errors},
        "slowest_recommend": sorted(zip(rec_ns, map(str, rec_kwargs), strict=True), reverse=True)[:5],
        "slowest_search": sorted(zip(search_ns, map(_describe_query, search_qs), strict=True), reverse=True)[:5],
    }


def _describe_query(q) -> str:
    parts = [f"words={q.tokens}"] if q.tokens else []
    parts += [f"{name}={getattr(q, name)}" for name in ("age", "free", "days", "radius_km") if getattr(q, name)]
    if q.point:
        parts.append("point")
    if q.term_ids:
        parts.append(f"{len(q.term_ids)} terms")
    return " ".join(parts) or "(no filters)"


def _profiler(on: bool):
    if not on:
        return None
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    return profiler


def _report_profile(profiler, what: str, log) -> None:
    if profiler is None:
        return
    import io
    import pstats

    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    out.write(f"\n== cProfile: {what} (by cumulative time) ==\n")
    stats.sort_stats("cumulative").print_stats(30)
    out.write(f"\n== cProfile: {what} (by own time) ==\n")
    stats.sort_stats("tottime").print_stats(20)
    log(out.getvalue())


# --------------------------------------------------------------------------------------------
# Reporting and the command line
# --------------------------------------------------------------------------------------------


def _mark(value: float, target: float) -> str:
    return "✓" if value <= target else "✗"


def describe(r: dict) -> str:
    rec, srch = r["recommend"], r["search"]
    lines = [
        f"== {r['size']:,} services ({r['services_indexed']:,} indexed) ==",
        f"  generate {r['generate_s']:.2f} s, build {r['build_s']:.2f} s",
        f"  RSS after build {r['rss_after_build_mb']:.0f} MB {_mark(r['rss_after_build_mb'], TARGET_RSS_MB)} "
        f"(target <= {TARGET_RSS_MB:.0f} MB at 100k), peak VmHWM {r['hwm_mb']:.0f} MB, "
        f"before build {r['rss_before_build_mb']:.0f} MB, at start {r['rss_start_mb']:.0f} MB",
    ]
    for name, f in (("recommend", rec), ("search", srch)):
        lines.append(
            f"  {name:<9} p50 {f['p50']:.2f} ms, p95 {f['p95']:.2f} ms {_mark(f['p95'], TARGET_P95_MS)} "
            f"(target <= {TARGET_P95_MS:g} ms), p99 {f['p99']:.2f} ms, max {f['max']:.1f} ms; "
            f"repeat pass p95 {f['hot']['p95']:.2f} ms; {f['with_results']}/{f['n']} with results"
            + (f", {len(f['errors'])} errors" if f["errors"] else ""))
    for kind in ("recommend", "search"):
        lines.append(f"  slowest {kind}: " + "; ".join(f"{ns / 1e6:.1f} ms {q}" for ns, q in r[f"slowest_{kind}"]))
    return "\n".join(lines)


def table(results: list[dict]) -> str:
    head = ("| services | build (s) | RSS after build (MB) | peak VmHWM (MB) | recommend p50 / p95 / p99 (ms) "
            "| search p50 / p95 / p99 (ms) | with results (rec / search) |")
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        rec, srch = r["recommend"], r["search"]
        rows.append(
            f"| {r['size']:,} | {r['build_s']:.2f} | {r['rss_after_build_mb']:.0f} "
            f"{_mark(r['rss_after_build_mb'], TARGET_RSS_MB)} | {r['hwm_mb']:.0f} "
            f"| {rec['p50']:.2f} / {rec['p95']:.2f} {_mark(rec['p95'], TARGET_P95_MS)} / {rec['p99']:.2f} "
            f"| {srch['p50']:.2f} / {srch['p95']:.2f} {_mark(srch['p95'], TARGET_P95_MS)} / {srch['p99']:.2f} "
            f"| {rec['with_results']}/{rec['n']} / {srch['with_results']}/{srch['n']} |")
    rows.append("")
    rows.append(f"Targets (issue): p95 <= {TARGET_P95_MS:g} ms and RSS <= {TARGET_RSS_MB:.0f} MB at 100,000 "
                "services; ✓/✗ compare every row with them. p50/p95/p99 are first-sight queries after a warm-up "
                "on other queries; one call each, time.perf_counter_ns.")
    return "\n".join(rows)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_one(args) -> int:
    result = run_benchmark(args.one, args.queries, args.seed, profile=args.profile, log=_log)
    print(RESULT_MARK + json.dumps(result), flush=True)
    return 0


def run_all(args) -> int:
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    results = []
    for size in sizes:
        cmd = [sys.executable, "-m", "bench.search", "--one", str(size), "--queries", str(args.queries),
               "--seed", str(args.seed)]
        if args.profile:
            cmd += ["--profile", args.profile]
        _log(f"-- running {size:,} services in a subprocess: {' '.join(cmd[1:])}")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, check=False)
        found = [line for line in proc.stdout.splitlines() if line.startswith(RESULT_MARK)]
        if proc.returncode != 0 or not found:
            _log(f"!! size {size} failed (exit {proc.returncode})")
            return proc.returncode or 1
        result = json.loads(found[-1][len(RESULT_MARK):])
        results.append(result)
        print(describe(result), flush=True)
    print()
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES),
                        help="comma-separated service counts (default %(default)s)")
    parser.add_argument("--queries", type=int, default=DEFAULT_QUERIES, help="queries per kind (default %(default)s)")
    parser.add_argument("--seed", type=int, default=SEED, help="seed for services and queries (default %(default)s)")
    parser.add_argument("--one", type=int, metavar="SIZE", help="run one size in this process (used by the parent)")
    parser.add_argument("--profile", choices=("build", "query"), help="cProfile the build or the timed queries")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if args.one is not None:
        return run_one(args)
    return run_all(args)


if __name__ == "__main__":
    raise SystemExit(main())
