"""Baseline 1: SQLite FTS5 (porter stemming, bm25 with our field weights) plus a haversine filter.

The database is in memory (the kindest setting for SQLite). Distance is a
Python function registered on the connection; a radius query first narrows
locations with a bounding box on an (lat, lon) index, then keeps the exact
circle. Keywords use FTS5's own query syntax: the words of a phrase are ANDed
(FTS5's default for a typed string), phrases ORed.
"""

from __future__ import annotations

import math
import sqlite3
import time

from bench.forms import Form, Rows, bounding_box, keyword_words

SCHEMA = """
CREATE TABLE service (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT, terms TEXT, organization TEXT, description TEXT,
    eligibility TEXT, active INTEGER, min_age REAL, max_age REAL, free INTEGER, valid_to INTEGER, days INTEGER,
    online INTEGER, located INTEGER
);
CREATE TABLE location (service_rowid INTEGER NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL);
CREATE TABLE schedule (
    service_rowid INTEGER NOT NULL, days INTEGER, opens INTEGER, closes INTEGER, valid_from INTEGER, valid_to INTEGER
);
CREATE TABLE service_term (service_rowid INTEGER NOT NULL, term_id TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX location_lat_lon ON location (lat, lon);
CREATE INDEX location_service ON location (service_rowid);
CREATE INDEX schedule_service ON schedule (service_rowid);
CREATE INDEX service_term_term ON service_term (term_id, service_rowid);
CREATE VIRTUAL TABLE service_fts USING fts5(
    name, terms, organization, description, eligibility,
    content='service', content_rowid='rowid', tokenize='porter unicode61'
);
INSERT INTO service_fts(service_fts) VALUES ('rebuild');
ANALYZE;
"""
TIMEOUT_S = 5.0
# bm25 column weights: the same weights our index gives these fields.
BM25 = "bm25(service_fts, 3.0, 2.0, 1.0, 1.0, 0.5)"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0088 * 2 * math.asin(math.sqrt(a))


def match_expression(keywords: tuple[str, ...]) -> str:
    """FTS5 query: '"theatre" "kid" OR "footy"'. Words are [a-z0-9]+ only, so quoting is safe."""
    phrases = []
    for phrase in keywords:
        ws = keyword_words(phrase)
        if ws:
            phrases.append("(" + " ".join(f'"{w}"' for w in ws) + ")")
    return " OR ".join(phrases)


class SqliteFts:
    name = "SQLite FTS5"

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", check_same_thread=False)
        self.conn.create_function("haversine", 4, haversine_km, deterministic=True)
        # Every query is bounded: the progress handler aborts one that runs past TIMEOUT_S.
        self._deadline = 0.0
        self.conn.set_progress_handler(lambda: int(time.perf_counter() > self._deadline), 10_000)
        self.load_s = 0.0

    def load(self, rows: Rows) -> None:
        t0 = time.perf_counter()
        self._deadline = float("inf")
        c = self.conn
        c.executescript(SCHEMA)
        with c:
            c.executemany("INSERT INTO service VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.services)
            c.executemany("INSERT INTO location VALUES (?,?,?)", rows.locations)
            c.executemany("INSERT INTO schedule VALUES (?,?,?,?,?,?)", rows.schedules)
            c.executemany("INSERT INTO service_term VALUES (?,?)", rows.terms)
        c.executescript(INDEXES)
        self.load_s = time.perf_counter() - t0

    def sql(self, f: Form) -> tuple[str, list]:
        """The statement and its parameters for one form. Values go in placeholders only; the text
        is put together from the constant fragments above each branch."""
        select_params: list = []
        join_params: list = []
        where = ["s.active = 1", "s.valid_to >= ?"]
        where_params: list = [f.today]
        source, rank, km, join = "service s", "0.0", "NULL", ""
        text = match_expression(f.keywords)
        if text:
            source = "service_fts JOIN service s ON s.rowid = service_fts.rowid"
            rank = BM25
            where.insert(0, "service_fts MATCH ?")
            where_params.insert(0, text)
        if f.age is not None:
            where.append("(s.min_age IS NULL OR s.min_age <= ?) AND (s.max_age IS NULL OR s.max_age >= ?)")
            where_params += [f.age, f.age]
        if f.free:
            where.append("s.free = 1")
        if f.days:
            where.append("(s.days & ?) != 0")
            where_params.append(f.days)
        if f.open_at is not None:
            day_bit, minutes, day = f.open_at
            cond = ("EXISTS (SELECT 1 FROM schedule sc WHERE sc.service_rowid = s.rowid AND (sc.days & ?) != 0"
                    " AND sc.opens >= 0 AND sc.opens <= ? AND ? < sc.closes"
                    " AND sc.valid_from <= ? AND ? <= sc.valid_to")
            where_params += [day_bit, minutes, minutes, day, day]
            if f.days:
                cond += " AND (sc.days & ?) != 0"
                where_params.append(f.days)
            where.append(cond + ")")
        if f.term_ids:
            marks = ",".join("?" * len(f.term_ids))
            where.append("EXISTS (SELECT 1 FROM service_term t WHERE t.service_rowid = s.rowid"
                         " AND t.term_id IN (" + marks + "))")
            where_params += sorted(f.term_ids)
        if f.point is not None and f.radius_km is not None:
            join = ("LEFT JOIN (SELECT service_rowid, MIN(haversine(lat, lon, ?, ?)) AS km FROM location"
                    " WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? GROUP BY service_rowid) near"
                    " ON near.service_rowid = s.rowid")
            join_params = [*f.point, *bounding_box(f.point, f.radius_km)]
            where.append("(near.km <= ? OR (s.online = 1 AND s.located = 0))" if f.include_online
                         else "near.km <= ?")
            where_params.append(f.radius_km)
            km = "near.km"
        elif f.point is not None:
            km = "(SELECT MIN(haversine(l.lat, l.lon, ?, ?)) FROM location l WHERE l.service_rowid = s.rowid)"
            select_params = list(f.point)
        order = "rank, km IS NULL, km" if text else "km IS NULL, km, s.name" if f.point else "s.name"
        statement = " ".join((
            "SELECT s.id,", rank, "AS rank,", km, "AS km FROM", source, join,
            "WHERE", " AND ".join(where), "ORDER BY", order, "LIMIT ?",
        ))
        return statement, select_params + join_params + where_params + [f.limit]

    def search(self, f: Form) -> list[tuple[str, float | None]]:
        statement, params = self.sql(f)
        self._deadline = time.perf_counter() + TIMEOUT_S
        return [(row[0], row[2]) for row in self.conn.execute(statement, params)]

    def close(self) -> None:
        self.conn.close()
