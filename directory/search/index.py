"""The in-memory index: columnar numpy arrays for filters and distance, postings for text.

Every service has a slot. Filters are vectorised over all slots, so a query
costs a few array passes whatever the directory size; text relevance is BM25
over lemmatised tokens. A single write updates one slot and the postings of
that service's tokens (`upsert`/`remove`), so the index never needs a rebuild
to stay current.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import threading
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from directory.search.documents import ServiceDoc
from directory.search.text import STOPWORDS, is_english, lemma, words

K1, B = 1.2, 0.75
FAR = 1e9
# Added to the rank of a result within the first radius of a widened search: more than any score can reach.
FIRST_BAND = 1e6
NO_DATE = 10**7  # an ordinal later than any real date: "never expires"
COLUMNS = {
    "alive": (bool, False), "active": (bool, False), "min_age": (np.float64, np.nan),
    "max_age": (np.float64, np.nan), "free": (bool, False), "valid_to": (np.int32, NO_DATE),
    "days": (np.uint8, 0), "placeless": (bool, False), "online": (bool, False), "modified": (np.float64, 0.0),
    "length": (np.int32, 0),
}
POINT_COLUMNS = {"lat": (np.float64, np.nan), "lon": (np.float64, np.nan)}
# Each service's schedules side by side: days bitmask, opening minutes, valid dates (as ordinals).
SCHEDULE_COLUMNS = {
    "s_days": (np.uint8, 0), "s_open": (np.int16, -1), "s_close": (np.int16, -1),
    "s_from": (np.int32, 0), "s_to": (np.int32, NO_DATE),
}


@dataclass
class Query:
    tokens: list[str] = field(default_factory=list)
    term_ids: set[str] = field(default_factory=set)  # hard filter: any of these terms
    boost_term_ids: set[str] = field(default_factory=set)  # rank up, don't filter
    age: float | None = None
    age_slack: float = 0  # accept services whose range comes within this many years of `age`
    # With `age`, the top of an age range that services must admit whole ("Year 7": 11 to 12).
    age_to: float | None = None
    min_age_at_least: float | None = None  # ORUK minimum_age
    max_age_at_most: float | None = None  # ORUK maximum_age
    free: bool = False
    days: int = 0
    start_time: str | None = None
    end_time: str | None = None
    open_at: dt.datetime | None = None
    point: tuple[float, float] | None = None
    radius_km: float | None = None
    first_km: float | None = None  # rank everything within this distance above the rest
    include_online: bool = True
    online_only: bool = False  # only what the record puts online
    exclude_ids: set[str] = field(default_factory=set)
    organization_id: str | None = None
    modified_after: dt.datetime | None = None
    include_inactive: bool = False
    today: dt.date | None = None
    offset: int = 0
    limit: int = 10

    @property
    def open_parts(self) -> tuple[int, str, dt.date]:
        now = self.open_at
        return 1 << now.weekday(), now.strftime("%H:%M"), now.date()


@dataclass
class Hit:
    doc: ServiceDoc
    score: float
    distance_km: float | None
    matched_term_ids: tuple[str, ...]


@dataclass
class Result:
    total: int
    hits: list[Hit]


@dataclass
class _Filtered:
    size: int
    mask: np.ndarray
    term_hits: np.ndarray
    text: np.ndarray | None


class SearchIndex:
    def __init__(self, capacity: int = 1024, max_points: int = 2):
        self._lock = threading.RLock()
        self.docs: list[ServiceDoc | None] = []
        self.slot_of: dict[str, int] = {}
        self.org_of: list[str | None] = []  # by slot
        self._free_slots: list[int] = []
        self._alloc(capacity, max_points)
        # token -> (slots, BM25 weights): compact growable arrays, viewed as numpy at query time.
        self.postings: dict[str, tuple[array, array]] = {}
        # Every word form seen in a service ("running") -> its lemma ("run"), for typo matching.
        self.surface: dict[str, str] = {}
        self.term_slots: dict[str, set[int]] = defaultdict(set)
        self._term_arrays: dict[str, np.ndarray] = {}
        # Each slot's tokens as int32 ids in a bytes object, to find its postings again on a write: at 100k
        # services a tuple of strings per slot costs twice the memory.
        self.doc_tokens: list[bytes] = []
        self._token_id: dict[str, int] = {}
        self._token_names: list[str] = []
        self.total_len = 0.0
        self._vocab_cache: list[str] | None = None
        # (lower-case name, id, slot), kept sorted on every write: browsing is alphabetical.
        self._name_keys: list[tuple[str, str, int]] = []
        self._bulk = False
        self._name_order: np.ndarray | None = None
        # Every location's (lat, lon, slot), ordered by latitude, for radius queries; built at the first
        # one. Slots written since are checked directly until there are enough to be worth a re-sort.
        self._geo: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._geo_dirty: set[int] = set()
        self._geo_dirty_array: np.ndarray | None = None

    # -- storage -----------------------------------------------------------------
    def _alloc(self, capacity: int, max_points: int, max_schedules: int = 2) -> None:
        self.capacity, self.max_points, self.max_schedules = capacity, max_points, max_schedules
        for name, (dtype, fill) in COLUMNS.items():
            setattr(self, name, np.full(capacity, fill, dtype))
        for name, (dtype, fill) in POINT_COLUMNS.items():
            setattr(self, name, np.full((capacity, max_points), fill, dtype))
        for name, (dtype, fill) in SCHEDULE_COLUMNS.items():
            setattr(self, name, np.full((capacity, max_schedules), fill, dtype))

    def _grow(self, capacity: int, max_points: int, max_schedules: int) -> None:
        old = {name: getattr(self, name) for name in (*COLUMNS, *POINT_COLUMNS, *SCHEDULE_COLUMNS)}
        self._alloc(max(capacity, self.capacity), max(max_points, self.max_points),
                    max(max_schedules, self.max_schedules))
        for name, arr in old.items():
            target = getattr(self, name)
            if arr.ndim == 2:
                target[: arr.shape[0], : arr.shape[1]] = arr
            else:
                target[: arr.shape[0]] = arr

    def __len__(self) -> int:
        return len(self.slot_of)

    # -- writes ------------------------------------------------------------------
    def upsert_many(self, docs) -> None:
        """Index many new services at once (start-up): the name order is sorted once at the end."""
        with self._lock:
            self._bulk = True
            try:
                for doc in docs:
                    self.upsert(doc)
            finally:
                self._bulk = False
                self._name_keys.sort()
                self._name_order = None

    def upsert(self, doc: ServiceDoc) -> None:
        with self._lock:
            slot = self.slot_of.get(doc.id)
            if slot is None:
                slot = self._free_slots.pop() if self._free_slots else len(self.docs)
                if slot == len(self.docs):
                    self.docs.append(None)
                    self.org_of.append(None)
                    self.doc_tokens.append(b"")
                self.slot_of[doc.id] = slot
            else:
                self._unindex(slot)
            points, schedules = len(doc.points), len(doc.schedules)
            if slot >= self.capacity or points > self.max_points or schedules > self.max_schedules:
                self._grow(max(self.capacity * 2, slot + 1), points, schedules)
            self.docs[slot] = doc
            self._index(slot, doc)

    def remove(self, service_id: str) -> None:
        with self._lock:
            slot = self.slot_of.pop(service_id, None)
            if slot is None:
                return
            self._unindex(slot)
            self.docs[slot] = None
            self._free_slots.append(slot)

    def _index(self, slot: int, doc: ServiceDoc) -> None:
        self.alive[slot] = True
        self.active[slot] = doc.status == "active" and not doc.deleted
        self.min_age[slot] = np.nan if doc.minimum_age is None else doc.minimum_age
        self.max_age[slot] = np.nan if doc.maximum_age is None else doc.maximum_age
        self.free[slot] = doc.free
        self.valid_to[slot] = doc.valid_to.toordinal() if doc.valid_to else NO_DATE
        self.days[slot] = doc.days
        self.placeless[slot] = doc.placeless
        self.online[slot] = doc.online
        self.modified[slot] = doc.last_modified.replace(tzinfo=dt.UTC).timestamp() if doc.last_modified else 0.0
        self._points_changed(slot)
        self.lat[slot, :] = np.nan
        self.lon[slot, :] = np.nan
        for i, (lat, lon) in enumerate(doc.points):
            self.lat[slot, i], self.lon[slot, i] = lat, lon
        for name, (_dtype, fill) in SCHEDULE_COLUMNS.items():
            getattr(self, name)[slot, :] = fill
        for i, sched in enumerate(doc.schedules):
            self.s_days[slot, i] = sched.days
            self.s_open[slot, i] = _minutes(sched.opens_at)
            self.s_close[slot, i] = _minutes(sched.closes_at)
            self.s_from[slot, i] = sched.valid_from.toordinal() if sched.valid_from else 0
            self.s_to[slot, i] = sched.valid_to.toordinal() if sched.valid_to else NO_DATE
        self.org_of[slot] = doc.organization_id
        for term_id in doc.term_ids:
            self.term_slots[term_id].add(slot)
            self._term_arrays.pop(term_id, None)
        weights: Counter[str] = Counter()
        length = 0
        for text, weight in doc.text_fields:
            for word in words(text):
                if word in STOPWORDS:
                    continue
                tok = lemma(word)
                if word not in self.surface and len(word) >= 4 and not word.isdigit():
                    self.surface[word] = tok
                    self._vocab_cache = None  # a new word: typo matching must know it
                weights[tok] += weight
                length += 1
        self.length[slot] = length
        self.total_len += length
        avg = max(self.total_len / max(len(self.slot_of), 1), 1.0)
        norm = K1 * (1 - B + B * length / avg)
        for tok, tf in weights.items():
            posting = self.postings.get(tok)
            if posting is None:
                posting = self.postings[tok] = (array("i"), array("f"))
            posting[0].append(slot)
            posting[1].append(tf * (K1 + 1) / (tf + norm))
        self.doc_tokens[slot] = array("i", map(self._token, weights)).tobytes()
        # Text and schedules now live in the index; the document keeps only what a card shows.
        doc.text_fields = ()
        doc.schedules = ()
        if self._bulk:
            self._name_keys.append((doc.name.lower(), doc.id, slot))
        else:
            bisect.insort(self._name_keys, (doc.name.lower(), doc.id, slot))
        self._name_order = None

    def _token(self, tok: str) -> int:
        token_id = self._token_id.get(tok)
        if token_id is None:
            token_id = self._token_id[tok] = len(self._token_names)
            self._token_names.append(tok)
        return token_id

    def _unindex(self, slot: int) -> None:
        doc = self.docs[slot]
        self.alive[slot] = False
        self.active[slot] = False
        if doc is None:
            return
        for term_id in doc.term_ids:
            self.term_slots[term_id].discard(slot)
            self._term_arrays.pop(term_id, None)
        token_ids = np.frombuffer(self.doc_tokens[slot], np.int32).tolist()
        self.doc_tokens[slot] = b""
        for token_id in token_ids:
            slots, weights = self.postings[self._token_names[token_id]]
            i = slots.index(slot)
            del slots[i]
            del weights[i]
        self.total_len -= int(self.length[slot])
        key = (doc.name.lower(), doc.id, slot)
        i = bisect.bisect_left(self._name_keys, key)
        if i < len(self._name_keys) and self._name_keys[i] == key:
            del self._name_keys[i]
        self._name_order = None

    # -- reads -------------------------------------------------------------------
    def vocabulary(self) -> list[str]:
        if self._vocab_cache is None:
            self._vocab_cache = list(self.surface)
            self._fuzzy.cache_clear()
        return self._vocab_cache

    @lru_cache(maxsize=4096)  # noqa: B019 - one index per process; cleared when the vocabulary changes
    def _fuzzy(self, token: str) -> tuple[str, ...]:
        """Lemmas of the words within one edit (two for long words) of a typed word.
        OSA counts a swap of neighbours as one edit: "fooyt" is one edit from "footy"."""
        edits = 2 if len(token) >= 8 else 1
        found = process.extract(token, self.vocabulary(), scorer=OSA.distance, score_cutoff=edits, limit=5)
        return tuple(dict.fromkeys(self.surface[w] for w, _d, _i in found if self.postings.get(self.surface[w])))

    def _posting(self, tok: str) -> tuple[np.ndarray, np.ndarray]:
        slots, weights = self.postings[tok]
        return np.frombuffer(slots, np.int32), np.frombuffer(weights, np.float32)

    def _term_array(self, term_id: str) -> np.ndarray:
        arr = self._term_arrays.get(term_id)
        if arr is None:
            s = self.term_slots.get(term_id) or set()
            arr = np.fromiter(s, np.int64, len(s))
            self._term_arrays[term_id] = arr
        return arr

    def text_scores(self, tokens: list[str], size: int) -> tuple[np.ndarray | None, list[str]]:
        """BM25 scores per slot; unknown tokens are matched to close vocabulary words (typos)."""
        if not tokens:
            return None, []
        scores = np.zeros(size, np.float32)
        n = max(len(self.slot_of), 1)
        unmatched: list[str] = []
        for tok in dict.fromkeys(tokens):
            variants: tuple[tuple[str, float], ...]
            if (posting := self.postings.get(tok)) and len(posting[0]):
                variants = ((tok, 1.0),)
            elif len(tok) >= 4 and not tok.isdigit() and not is_english(tok):
                variants = tuple((v, 0.8) for v in self._fuzzy(tok))
            else:
                variants = ()
            if not variants:
                unmatched.append(tok)
                continue
            for variant, factor in variants:
                slots, weights = self._posting(variant)
                df = len(slots)
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                scores[slots] += weights * np.float32(idf * factor)
        return scores, unmatched

    def search(self, q: Query) -> Result:
        with self._lock:
            return self._finish(q, self._filter(q), q.radius_km, q.first_km)

    def search_widening(self, q: Query, radii: tuple[float | None, ...], wanted: int) -> tuple[int, Result]:
        """The first of `radii` with at least `wanted` results (else the last), and its result.

        Same as `search` with each radius in turn until one has enough, but the filters and text
        scores are computed once: only the distances and what follows depend on the radius."""
        with self._lock:
            base = self._filter(q)
            for i, radius in enumerate(radii):
                # Widened because too little was near: what is within the first radius still comes first.
                result = self._finish(q, base, radius, first_km=radii[0] if i else None)
                if result.total >= wanted or i == len(radii) - 1:
                    return i, result
        return 0, Result(0, [])

    def _filter(self, q: Query) -> _Filtered | None:
        """Everything about a query that doesn't depend on its radius: the filter mask and text scores."""
        size = len(self.docs)
        if size == 0:
            return None
        today = (q.today or dt.date.today()).toordinal()
        mask = self.alive[:size].copy()
        if not q.include_inactive:
            mask &= self.active[:size] & (self.valid_to[:size] >= today)
        if q.age is not None:
            lo, hi = self.min_age[:size], self.max_age[:size]
            # NaN (no limit) compares False, so open-ended ranges are kept.
            top = q.age if q.age_to is None else max(q.age, q.age_to)
            mask &= ~(lo > q.age + q.age_slack) & ~(hi < top - q.age_slack)
        if q.min_age_at_least is not None:
            mask &= self.min_age[:size] >= q.min_age_at_least
        if q.max_age_at_most is not None:
            mask &= self.max_age[:size] <= q.max_age_at_most
        if q.free:
            mask &= self.free[:size]
        if q.days:
            mask &= (self.days[:size] & np.uint8(q.days)) != 0
        if not q.include_online:
            mask &= ~self.placeless[:size]
        if q.online_only:
            mask &= self.online[:size]
        if q.modified_after is not None:
            mask &= self.modified[:size] >= q.modified_after.timestamp()
        for sid in q.exclude_ids:
            if (slot := self.slot_of.get(sid)) is not None and slot < size:
                mask[slot] = False

        term_hits = np.zeros(size, np.float32)
        n = max(len(self.slot_of), 1)
        if q.term_ids:
            has_term = np.zeros(size, bool)
            for term_id in q.term_ids:
                slots = self._term_array(term_id)
                has_term[slots] = True
                term_hits[slots] += _term_weight(len(slots), n)
            mask &= has_term
        for term_id in q.boost_term_ids - q.term_ids:
            slots = self._term_array(term_id)
            term_hits[slots] += _term_weight(len(slots), n)

        text, _unmatched = self.text_scores(q.tokens, size)
        if text is not None and not q.term_ids:
            # Free text finds a service by its words or by a named interest.
            mask &= (text > 0) | (term_hits > 0)
        return _Filtered(size, mask, term_hits, text)

    def _finish(
        self, q: Query, base: _Filtered | None, radius_km: float | None, first_km: float | None = None
    ) -> Result:
        """Distances, the radius, schedules and organisation, then ranking and the requested page.

        With `first_km`, everything within it ranks above everything beyond it, whatever the scores."""
        if base is None:
            return Result(0, [])
        size, mask, term_hits, text = base.size, base.mask, base.term_hits, base.text
        dist = None
        if q.point is not None:
            dist = self._point_distances(mask, q.point, radius_km)
            if radius_km is not None:
                near = dist <= radius_km
                if q.include_online:
                    # Services with no point on the map (online, a phone line, in schools) are near to everyone.
                    near |= self.placeless[:size]
                mask = mask & near

        idx = np.nonzero(mask)[0]
        if q.start_time or q.end_time or q.open_at:
            idx = idx[self._schedule_ok(idx, q)]
        if q.organization_id:
            idx = np.array([i for i in idx if self.org_of[i] == q.organization_id], np.int64)
        total = len(idx)
        if total == 0:
            return Result(0, [])

        score = term_hits[idx] * 2.0
        if text is not None:
            score = score + text[idx]
        if dist is not None:
            d = dist[idx]
            # 2 * exp(-min(d, 50) / 3), 0.3 with no location: in place, the same operations in the same order.
            proximity = np.minimum(d, 50)
            np.negative(proximity, out=proximity)
            proximity /= 3.0
            np.exp(proximity, out=proximity)
            proximity *= 2.0
            proximity[np.isinf(d)] = 0.3
            proximity += score
            score = proximity
        if text is None and dist is None and not q.term_ids and not q.boost_term_ids:
            # Browsing with no query at all: alphabetical, from a name order kept between writes.
            in_result = np.zeros(size, bool)
            in_result[idx] = True
            ordered = self._names()
            ordered = ordered[in_result[ordered]]
            position = np.full(size, -1, np.int64)
            position[idx] = np.arange(total)
            page = position[ordered[q.offset:q.offset + q.limit]]
        else:
            # Best first; ties go to the nearer one. Only the requested page is fully sorted.
            tiebreak = dist[idx] if dist is not None else np.zeros(total)
            rank = score
            if first_km is not None and dist is not None:
                rank = score + np.where(tiebreak <= first_km, FIRST_BAND, 0.0)
            wanted = min(q.offset + q.limit, total)
            top = np.argpartition(-rank, wanted - 1)[:wanted] if wanted < total else np.arange(total)
            top = top[np.lexsort((tiebreak[top], -rank[top]))]
            page = top[q.offset:q.offset + q.limit]
        hits = []
        for j in page:
            slot = int(idx[j])
            doc = self.docs[slot]
            d = None if dist is None or np.isinf(dist[slot]) else float(dist[slot])
            matched = tuple(t for t in doc.term_ids if t in q.term_ids or t in q.boost_term_ids)
            hits.append(Hit(doc, float(score[j]), d, matched))
        return Result(total, hits)

    # -- distances -----------------------------------------------------------------
    def _point_distances(self, mask: np.ndarray, point: tuple[float, float], radius_km: float | None) -> np.ndarray:
        """Nearest-location distance of every slot in `mask` (inf: no location). Slots outside `mask`, and
        with a radius those that can't be within it, may hold anything: callers only read the rest."""
        size = len(mask)
        dist = np.full(size, np.inf)
        count = int(np.count_nonzero(mask))
        if count == 0:
            return dist
        slots = None
        if radius_km is not None:
            band = self._near_slots(point, radius_km, size)
            # Gathering costs several times a pass over contiguous columns: worth it for a small share.
            if len(band) < count and len(band) * 4 < size:
                slots = band[mask[band]]
        if slots is None:
            if count * 4 > size:
                return _distances(self.lat[:size], self.lon[:size], *point)
            slots = np.nonzero(mask)[0]
        if len(slots):
            dist[slots] = _distances(self.lat.take(slots, axis=0), self.lon.take(slots, axis=0), *point)
        return dist

    def _near_slots(self, point: tuple[float, float], radius_km: float, size: int) -> np.ndarray:
        """Slots that may have a location within `radius_km` of `point` (a superset; may repeat a slot):
        those whose latitude and longitude are within the radius' bounding box, from the latitude order,
        plus every slot written since that order was built."""
        if self._geo is None:
            self._geo = _build_geo(self.lat[:size], self.lon[:size])
            self._geo_dirty.clear()
            self._geo_dirty_array = None
        lats, lons, slots = self._geo
        plat, plon = point
        # |dy| and |dx| are each at most the distance; the margin covers rounding in `_distances`.
        half_lat = radius_km / 111.195 * (1 + 1e-9) + 1e-9
        lo = int(np.searchsorted(lats, plat - half_lat, side="left"))
        hi = int(np.searchsorted(lats, plat + half_lat, side="right"))
        found = slots[lo:hi]
        k = math.cos(math.radians(plat))
        if k > 1e-6:
            half_lon = radius_km / (111.195 * k) * (1 + 1e-9) + 1e-9
            found = found[np.abs(lons[lo:hi] - plon) <= half_lon]
        if self._geo_dirty:
            if self._geo_dirty_array is None:
                self._geo_dirty_array = np.fromiter(self._geo_dirty, np.int64, len(self._geo_dirty))
            found = np.concatenate((found, self._geo_dirty_array))
        return found

    def _points_changed(self, slot: int) -> None:
        if self._geo is None:
            return
        self._geo_dirty.add(slot)
        self._geo_dirty_array = None
        if len(self._geo_dirty) > max(256, len(self.docs) // 64):
            # Rebuilt at the next radius query: sorting is cheaper than checking that many slots each time.
            self._geo = None
            self._geo_dirty.clear()

    def _names(self) -> np.ndarray:
        if self._name_order is None:
            self._name_order = np.fromiter((k[2] for k in self._name_keys), np.int64, len(self._name_keys))
        return self._name_order

    def _schedule_ok(self, idx: np.ndarray, q: Query) -> np.ndarray:
        """Whether any one of each service's schedules meets the day and time asked for."""
        # `take` along axis 0: much faster than fancy indexing for these narrow 2-D columns.
        days = self.s_days.take(idx, axis=0)
        ok = days != 0
        if q.days:
            ok &= (days & np.uint8(q.days)) != 0
        opens, closes = self.s_open.take(idx, axis=0), self.s_close.take(idx, axis=0)
        if q.start_time:
            ok &= opens >= _minutes(q.start_time)
        if q.end_time:
            ok &= (closes >= 0) & (closes <= _minutes(q.end_time))
        if q.open_at is not None:
            day_bit, hhmm, today = q.open_parts
            now, day = _minutes(hhmm), today.toordinal()
            ok &= ((days & np.uint8(day_bit)) != 0) & (opens >= 0) & (opens <= now) & (now < closes)
            ok &= (self.s_from.take(idx, axis=0) <= day) & (day <= self.s_to.take(idx, axis=0))
        return _any_column(ok)


def _minutes(hhmm: str | None) -> int:
    if not hhmm:
        return -1
    hours, minutes = hhmm.split(":")[:2]
    return int(hours) * 60 + int(minutes)


def _term_weight(df: int, n: int) -> float:
    """A rarer interest says more about what someone wants ("LGBTQ+ group" over "youth club")."""
    return 1.0 + 0.5 * math.log(max(n, 1) / max(df, 1))


def _distances(lat: np.ndarray, lon: np.ndarray, plat: float, plon: float) -> np.ndarray:
    """Nearest-location distance in km (equirectangular: exact enough within a city region)."""
    k = math.cos(math.radians(plat))
    # In place, in the same order of operations as `sqrt(dx * dx + dy * dy)`: fewer large temporaries.
    dy = lat - plat
    dy *= 111.195
    dx = lon - plon
    dx *= 111.195
    dx *= k
    dx *= dx
    dy *= dy
    dx += dy
    d = np.sqrt(dx, out=dx)
    # fmin skips NaN (an unused location column); reducing along the short axis 1 is many times slower.
    nearest = d[:, 0]
    for col in range(1, d.shape[1]):
        nearest = np.fmin(nearest, d[:, col])
    return np.where(np.isnan(nearest), np.inf, nearest)


def _any_column(ok: np.ndarray) -> np.ndarray:
    """`ok.any(axis=1)` for a narrow 2-D array, a column at a time (much faster)."""
    out = ok[:, 0].copy()
    for col in range(1, ok.shape[1]):
        out |= ok[:, col]
    return out


def _build_geo(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(latitudes, longitudes, slots) of every location, ordered by latitude."""
    flat_lat, flat_lon = lat.ravel(), lon.ravel()
    where = np.nonzero(~np.isnan(flat_lat))[0]
    order = np.argsort(flat_lat[where], kind="stable")
    where = where[order]
    return flat_lat[where], flat_lon[where], where // lat.shape[1]
