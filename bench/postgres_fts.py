"""Baseline 2: PostgreSQL full text the way ohana-api does it, on the local server.

ohana-api (app/models/concerns/search.rb) keeps a `tsv_body` tsvector with a
GIN index, filters with `tsv @@ plainto_tsquery('english', keyword)`, orders
by `ts_rank` and, for a location, by distance (the geocoder gem: a bounding
box on latitude/longitude, then the haversine formula in SQL, no extension).
Here the tsvector is a stored generated column weighted like our fields
(name A, taxonomy terms B, organization and description C, eligibility D).

Each run creates its own database (fyp_bench_<random>) and drops it at the end.
"""

from __future__ import annotations

import os
import secrets
import time

import psycopg
from psycopg import sql

from bench.forms import Form, Rows, bounding_box, keyword_words

TIMEOUT_MS = 5000
ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")

SCHEMA = """
CREATE TABLE service (
    rowid integer PRIMARY KEY, id text NOT NULL, name text, terms text, organization text, description text,
    eligibility text, active boolean, min_age real, max_age real, free boolean, valid_to integer, days smallint,
    online boolean, located boolean,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(terms, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(organization, '') || ' ' || coalesce(description, '')), 'C') ||
        setweight(to_tsvector('english', coalesce(eligibility, '')), 'D')
    ) STORED
);
CREATE TABLE location (service_rowid integer NOT NULL, lat double precision NOT NULL, lon double precision NOT NULL);
CREATE TABLE schedule (
    service_rowid integer NOT NULL, days smallint, opens smallint, closes smallint, valid_from integer,
    valid_to integer
);
CREATE TABLE service_term (service_rowid integer NOT NULL, term_id text NOT NULL);
"""
INDEXES = """
CREATE INDEX service_tsv ON service USING gin (tsv);
CREATE INDEX location_lat_lon ON location (lat, lon);
CREATE INDEX location_service ON location (service_rowid);
CREATE INDEX schedule_service ON schedule (service_rowid);
CREATE INDEX service_term_term ON service_term (term_id, service_rowid);
ANALYZE;
"""
SERVICE_COLUMNS = ("rowid, id, name, terms, organization, description, eligibility, active, min_age, max_age, free,"
                   " valid_to, days, online, located")
HAVERSINE = ("6371.0088 * 2 * asin(sqrt(power(sin(radians(l.lat - %(plat)s) / 2), 2)"
             " + cos(radians(%(plat)s)) * cos(radians(l.lat)) * power(sin(radians(l.lon - %(plon)s) / 2), 2)))")


def available(url: str = ADMIN_URL) -> str | None:
    """None when the server answers, else why not."""
    try:
        with psycopg.connect(url, connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def tsquery(keywords: tuple[str, ...], params: dict) -> str:
    """plainto_tsquery per phrase (its words ANDed), phrases ORed with ||; the phrases go in parameters."""
    parts = []
    for i, phrase in enumerate(k for k in keywords if keyword_words(k)):
        name = "k" + str(i)
        params[name] = phrase
        parts.append("plainto_tsquery('english', %(" + name + ")s)")
    return " || ".join(parts)


class PostgresFts:
    name = "PostgreSQL FTS"

    def __init__(self, admin_url: str = ADMIN_URL) -> None:
        self.admin_url = admin_url
        self.dbname = "fyp_bench_" + secrets.token_hex(5)
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.dbname)))
        self.url = admin_url.rsplit("/", 1)[0] + "/" + self.dbname
        # No server-side prepared statements: after five runs PostgreSQL may switch a prepared statement to
        # a generic plan, and with these varying filters a generic plan can be far slower than a custom one.
        self.conn = psycopg.connect(self.url, autocommit=True, prepare_threshold=None)
        self.load_s = 0.0

    def load(self, rows: Rows) -> None:
        t0 = time.perf_counter()
        c = self.conn
        c.execute(SCHEMA)
        with c.cursor() as cur:
            for table, columns, data in (
                ("service", SERVICE_COLUMNS, rows.services),
                ("location", "service_rowid, lat, lon", rows.locations),
                ("schedule", "service_rowid, days, opens, closes, valid_from, valid_to", rows.schedules),
                ("service_term", "service_rowid, term_id", rows.terms),
            ):
                statement = sql.SQL("COPY {} (" + columns + ") FROM STDIN").format(sql.Identifier(table))
                with cur.copy(statement) as copy:
                    for row in data:
                        copy.write_row(row)
        c.execute(INDEXES)
        self.load_s = time.perf_counter() - t0
        # From here on every query is bounded; one that times out counts as an error.
        c.execute("SET statement_timeout = " + str(TIMEOUT_MS))

    def sql(self, f: Form) -> tuple[str, dict]:
        """The statement and its parameters for one form. Values go in placeholders only; the text
        is put together from constant fragments."""
        params: dict = {"today": f.today, "limit": f.limit}
        where = ["s.active", "s.valid_to >= %(today)s"]
        rank, km, with_near, join = "0.0", "NULL::float8", "", ""
        query = tsquery(f.keywords, params)
        if query:
            # Inline, as ohana-api writes it: the planner sees the tsquery and uses the GIN index.
            where.insert(0, "s.tsv @@ (" + query + ")")
            rank = "ts_rank(s.tsv, " + query + ")"
        if f.age is not None:
            params["age"] = f.age
            where.append("(s.min_age IS NULL OR s.min_age <= %(age)s) AND (s.max_age IS NULL OR s.max_age >= %(age)s)")
        if f.free:
            where.append("s.free")
        if f.days:
            params["days"] = f.days
            where.append("(s.days & %(days)s) != 0")
        if f.open_at is not None:
            params["day_bit"], params["minutes"], params["day"] = f.open_at
            cond = ("EXISTS (SELECT 1 FROM schedule sc WHERE sc.service_rowid = s.rowid"
                    " AND (sc.days & %(day_bit)s) != 0 AND sc.opens >= 0 AND sc.opens <= %(minutes)s"
                    " AND %(minutes)s < sc.closes AND sc.valid_from <= %(day)s AND %(day)s <= sc.valid_to")
            if f.days:
                cond += " AND (sc.days & %(days)s) != 0"
            where.append(cond + ")")
        if f.term_ids:
            params["term_ids"] = sorted(f.term_ids)
            where.append("EXISTS (SELECT 1 FROM service_term t WHERE t.service_rowid = s.rowid"
                         " AND t.term_id = ANY(%(term_ids)s))")
        if f.point is not None:
            params["plat"], params["plon"] = f.point
        if f.point is not None and f.radius_km is not None:
            params["lat_lo"], params["lat_hi"], params["lon_lo"], params["lon_hi"] = bounding_box(f.point, f.radius_km)
            params["radius"] = f.radius_km
            # The geocoder gem's way: a bounding box the (lat, lon) index can serve, then the exact distance.
            # MATERIALIZED: the nearby set is computed once, never once per candidate service.
            with_near = ("WITH near AS MATERIALIZED (SELECT l.service_rowid, min(" + HAVERSINE + ") AS km"
                         " FROM location l WHERE l.lat BETWEEN %(lat_lo)s AND %(lat_hi)s"
                         " AND l.lon BETWEEN %(lon_lo)s AND %(lon_hi)s GROUP BY l.service_rowid)")
            if f.include_online:
                join = "LEFT JOIN near ON near.service_rowid = s.rowid"
                where.append("(near.km <= %(radius)s OR (s.online AND NOT s.located))")
            else:
                join = "JOIN near ON near.service_rowid = s.rowid"
                where.append("near.km <= %(radius)s")
            km = "near.km"
        elif f.point is not None:
            km = "(SELECT min(" + HAVERSINE + ") FROM location l WHERE l.service_rowid = s.rowid)"
        order = ("rank DESC, km ASC NULLS LAST" if query else "km ASC NULLS LAST, s.name" if f.point
                 else "s.name")
        statement = " ".join((
            with_near, "SELECT s.id,", rank, "AS rank,", km, "AS km FROM service s", join,
            "WHERE", " AND ".join(where), "ORDER BY", order, "LIMIT %(limit)s",
        ))
        return statement, params

    def search(self, f: Form) -> list[tuple[str, float | None]]:
        statement, params = self.sql(f)
        return [(row[0], row[2]) for row in self.conn.execute(statement, params).fetchall()]

    def close(self) -> None:
        """Drop the benchmark's database (always: called from a finally)."""
        try:
            self.conn.close()
        finally:
            with psycopg.connect(self.admin_url, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.dbname)))
