"""What the SQL baselines are asked: a search form (keywords + filters) equivalent to our query.

A directory built on PostgreSQL or SQLite full text (ohana-api is the model) has
a keyword box and separate filters: age, free, day, a location and a radius.
Each benchmark query is turned into that form once, before any timing:

- the filters are exactly ours (status active, not expired, age inside the
  range, free, day, open now, point + radius, taxonomy term), so every engine
  filters the same way;
- the keywords are the words our engine uses to decide *what* someone wants:
  the words that named an interest, as typed ("footy", "theatre kid"), or the
  leftover words when no interest was recognised. The baselines match them
  with their own full text (stemming, no synonyms, no typo tolerance): that
  is the difference being measured.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from bench.search import NOW

NO_DATE = 10**7  # as directory/search/index.py: an ordinal later than any real date


@dataclasses.dataclass(frozen=True)
class Form:
    # Each phrase needs all of its words; a service matches when any one phrase does.
    keywords: tuple[str, ...] = ()
    age: float | None = None
    free: bool = False
    days: int = 0  # Monday-first bitmask
    open_at: tuple[int, int, int] | None = None  # (day bit, minutes since midnight, date ordinal)
    point: tuple[float, float] | None = None
    radius_km: float | None = None
    include_online: bool = True  # online-only services pass a radius filter (as ours does)
    term_ids: frozenset[str] = frozenset()
    today: int = NOW.date().toordinal()
    limit: int = 5


def word_runs(positions: set[int], ws: list[str]) -> list[str]:
    """Consecutive word positions as phrases: {0, 1, 4} over 'theatre kid in town footy' -> 'theatre kid', 'footy'."""
    runs: list[list[int]] = []
    for i in sorted(positions):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [" ".join(ws[i] for i in run) for run in runs]


def interest_words(text: str, parsed, matcher) -> list[str]:
    """The words of a sentence that named interests, as typed, read from what directory.search.query.parse
    reads them from (query.without_facts) so that only the 'what' is left."""
    from directory.search.query import without_facts
    from directory.search.text import fold, words

    stripped = without_facts(fold(text), parsed.place_words)
    kept = " ".join(w for w in text.split() if fold(w).strip(".,!?") in set(stripped.split()) or w.isupper())
    source = kept or stripped
    found = matcher.find(source)
    return word_runs(found.used_words, words(source))


def open_now(now: dt.datetime) -> tuple[int, int, int]:
    return 1 << now.weekday(), now.hour * 60 + now.minute, now.date().toordinal()


def from_recommend(engine, kw: dict, now: dt.datetime = NOW, limit: int = 5) -> Form:
    """The form for one `engine.recommend(**kw)` call: its filters derived as recommend derives them."""
    from directory.search.engine import RADII_KM, day_mask
    from directory.search.query import parse

    text = kw.get("q")
    parsed = parse(text, engine.matcher, engine.gazetteer) if text else None
    interests = [i for i in kw.get("interests") or [] if i.strip()]
    if interests:
        keywords = interests
    elif parsed and parsed.terms:
        keywords = interest_words(text, parsed, engine.matcher)
    else:
        keywords = [" ".join(parsed.tokens)] if parsed and parsed.tokens else []
    near = kw.get("near")
    place = engine.resolve_place(near) if near else (parsed.place if parsed else None)
    if place is not None and place.citywide:
        place = None
    age = kw.get("age") if kw.get("age") is not None else (parsed.age if parsed else None)
    days = day_mask(kw["day"], now) if kw.get("day") else (parsed.days if parsed else 0)
    radius = kw.get("radius_km") or (RADII_KM[0] if place else None)
    return Form(
        keywords=tuple(k for k in keywords if k.strip()),
        age=age,
        free=bool(kw.get("free")) or bool(parsed and parsed.free),
        days=days,
        open_at=open_now(now) if parsed and parsed.open_now else None,
        point=(place.latitude, place.longitude) if place else None,
        radius_km=radius if place else None,
        include_online=True,
        today=now.date().toordinal(),
        limit=limit,
    )


def from_search(engine, params: dict) -> Form:
    """The form for one /services call (bench.search.search_params): the whole `search` text is the keyword
    phrase, as ohana-api passes its keyword to plainto_tsquery."""
    from bench.search import search_query

    query = search_query(engine, params)
    return Form(
        keywords=(params["search"],),
        age=query.age,
        free=query.free,
        days=query.days,
        point=query.point,
        radius_km=query.radius_km,
        include_online=query.include_online,
        term_ids=frozenset(query.term_ids),
        today=query.today.toordinal(),
        limit=query.limit,
    )


def from_judged(engine, form: dict, limit: int = 5) -> Form:
    """A judged query's structured form (bench/judged.json) for the baselines."""
    from directory.search.engine import day_mask

    place = engine.gazetteer.resolve(form["near"]) if form.get("near") else None
    return Form(
        keywords=tuple(form.get("keywords") or ()),
        age=form.get("age"),
        free=bool(form.get("free")),
        days=day_mask(form["day"], NOW) if form.get("day") else 0,
        point=(place.latitude, place.longitude) if place else None,
        radius_km=form.get("radius_km") if place else None,
        include_online=True,
        limit=limit,
    )


# --------------------------------------------------------------------------------------------
# What the baselines store: one row per service, its locations, schedules and terms
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Rows:
    services: list[tuple]  # (rowid, id, name, terms, organization, description, eligibility,
    #                           active, min_age, max_age, free, valid_to, days, online, located)
    locations: list[tuple]  # (service rowid, lat, lon)
    schedules: list[tuple]  # (service rowid, days, opens, closes, valid_from, valid_to)
    terms: list[tuple]  # (service rowid, term id)


def _minutes(hhmm: str | None) -> int:
    if not hhmm:
        return -1
    hours, minutes = hhmm.split(":")[:2]
    return int(hours) * 60 + int(minutes)


def rows_from_docs(docs) -> Rows:
    """Baseline rows from `ServiceDoc`s. Call before our index takes the docs: it drops their text."""
    out = Rows([], [], [], [])
    for rowid, doc in enumerate(docs, start=1):
        # The order of text_fields is fixed: name, term names, organization, description, eligibility.
        _name, terms, _org, description, eligibility = (text for text, _weight in doc.text_fields)
        out.services.append((
            rowid, doc.id, doc.name, terms, doc.organization, description, eligibility,
            doc.status == "active" and not doc.deleted, doc.minimum_age, doc.maximum_age, doc.free,
            # "online" here is what our index treats as near to everyone: no point on the map.
            doc.valid_to.toordinal() if doc.valid_to else NO_DATE, doc.days, doc.placeless, bool(doc.points),
        ))
        out.locations.extend((rowid, lat, lon) for lat, lon in doc.points)
        out.schedules.extend(
            (rowid, s.days, _minutes(s.opens_at), _minutes(s.closes_at),
             s.valid_from.toordinal() if s.valid_from else 0, s.valid_to.toordinal() if s.valid_to else NO_DATE)
            for s in doc.schedules
        )
        out.terms.extend((rowid, term_id) for term_id in doc.term_ids)
    return out


KEYWORD = re.compile(r"[a-z0-9]+")


def keyword_words(phrase: str) -> list[str]:
    return KEYWORD.findall(phrase.lower())


def bounding_box(point: tuple[float, float], radius_km: float) -> tuple[float, float, float, float]:
    """lat_lo, lat_hi, lon_lo, lon_hi around a point: a superset of the circle, for an index range scan."""
    import math

    lat, lon = point
    dlat = radius_km / 111.195
    dlon = radius_km / (111.195 * max(math.cos(math.radians(lat)), 0.01))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
