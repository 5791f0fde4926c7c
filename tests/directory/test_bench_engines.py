"""The SQL baselines of `make bench` (bench/sqlite_fts.py, bench/postgres_fts.py) on a small synthetic
directory: they filter exactly as our index does, match keywords, and the judged precision@5 works.
No timing is asserted anywhere."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from bench import engines, forms, relevance
from bench import search as gen
from bench.postgres_fts import PostgresFts, available
from bench.sqlite_fts import SqliteFts, match_expression
from directory.search.index import Query

SIZE = 600
ALL = 100_000  # a limit above SIZE: the whole match set


@pytest.fixture(scope="module")
def corpus():
    terms, _leaves, taxonomy_id = gen.load_taxonomy()
    docs, _factory = gen.generate(SIZE)
    rows = forms.rows_from_docs(docs)  # before the index takes the docs' text
    engine = gen.build_engine(docs, terms, taxonomy_id)
    return engine, rows


@pytest.fixture(scope="module")
def sqlite_db(corpus):
    db = SqliteFts()
    db.load(corpus[1])
    yield db
    db.close()


@pytest.fixture(scope="module")
def postgres_db(corpus):
    problem = available()
    if problem is not None:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is not reachable: {problem} (REQUIRE_POSTGRES=1)")
        pytest.skip(f"PostgreSQL is not reachable: {problem}")
    db = PostgresFts()
    try:
        db.load(corpus[1])
        yield db
    finally:
        db.close()


@pytest.fixture(params=["sqlite", "postgres"])
def baseline(request):
    return request.getfixturevalue(request.param + "_db")


def filter_forms(engine) -> list[forms.Form]:
    """Forms with every kind of filter and no keywords, so the whole match set is comparable."""
    anfield = engine.gazetteer.resolve("Anfield")
    l8 = engine.gazetteer.resolve("L8")
    football = engine.matcher.by_code["football"]
    sport = engine.matcher.by_code["sport"]
    return [
        forms.Form(limit=ALL),
        forms.Form(age=12, limit=ALL),
        forms.Form(age=5, free=True, limit=ALL),
        forms.Form(days=0b1100000, limit=ALL),
        forms.Form(point=(anfield.latitude, anfield.longitude), radius_km=3.0, limit=ALL),
        forms.Form(point=(l8.latitude, l8.longitude), radius_km=2.0, include_online=False, age=14, limit=ALL),
        forms.Form(term_ids=frozenset({football.id}), limit=ALL),
        forms.Form(term_ids=frozenset(t.id for t in engine.matcher.with_children(sport)), free=True, limit=ALL),
        forms.Form(open_at=forms.open_now(gen.NOW), limit=ALL),
        forms.Form(open_at=forms.open_now(gen.NOW.replace(hour=18, minute=45)), days=0b0000100, limit=ALL),
    ]


def ours_ids(engine, f: forms.Form) -> set[str]:
    q = Query(age=f.age, free=f.free, days=f.days, point=f.point, radius_km=f.radius_km,
              include_online=f.include_online, term_ids=set(f.term_ids), today=gen.NOW.date(), limit=ALL)
    if f.open_at is not None:
        day_bit, minutes, ordinal = f.open_at
        day = dt.date.fromordinal(ordinal)
        q.open_at = dt.datetime(day.year, day.month, day.day, minutes // 60, minutes % 60)
        assert 1 << q.open_at.weekday() == day_bit
    return {h.doc.id for h in engine.index.search(q).hits}


def test_baselines_filter_exactly_as_our_index(corpus, baseline):
    engine, _rows = corpus
    for f in filter_forms(engine):
        expected = ours_ids(engine, f)
        assert expected, f  # every form matches something: the comparison means something
        assert {i for i, _km in baseline.search(f)} == expected, f


def test_radius_results_are_within_the_radius_or_online(corpus, baseline):
    engine, rows = corpus
    located = {r[1]: r[14] for r in rows.services}
    f = filter_forms(engine)[4]
    for service_id, km in baseline.search(f):
        if located[service_id]:
            assert km is not None and km <= f.radius_km + 1e-9
        else:
            assert km is None  # online only, let through as ours does


def test_keywords_match_by_stem_and_rank_first(corpus, baseline):
    engine, rows = corpus
    text = {r[1]: " ".join(str(x).lower() for x in r[2:7]) for r in rows.services}
    hits = baseline.search(forms.Form(keywords=("football",), limit=ALL))
    assert hits
    assert all("football" in text[i] for i, _km in hits)
    # Words of one phrase are all needed; phrases are alternatives.
    both = {i for i, _ in baseline.search(forms.Form(keywords=("junior football",), limit=ALL))}
    either = {i for i, _ in baseline.search(forms.Form(keywords=("junior", "football"), limit=ALL))}
    assert both <= {i for i, _ in hits} and both < either
    assert baseline.search(forms.Form(keywords=("zzqxw",), limit=ALL)) == []


def test_match_expression_quotes_words_only():
    assert match_expression(("theatre kid", "Footy!")) == '("theatre" "kid") OR ("footy")'
    assert match_expression(('" OR name:*',)) == '("or" "name")'


def test_forms_carry_our_parsed_filters(corpus):
    engine, _rows = corpus
    f = forms.from_recommend(engine, {"q": "free footy for my 12 year old near anfield"})
    anfield = engine.gazetteer.resolve("Anfield")
    assert f.keywords == ("footy",)
    assert (f.age, f.free, f.radius_km) == (12, True, 3.0)
    assert f.point == (anfield.latitude, anfield.longitude)
    s = forms.from_search(engine, {"search": "learn to swim", "age": 9, "postcode": "L8", "radius_km": 1.0})
    assert (s.keywords, s.age, s.radius_km, s.include_online, s.limit) == (("learn to swim",), 9, 1.0, False, 20)


def test_judged_relevance_follows_the_written_rule(corpus):
    engine, _rows = corpus
    judge = relevance.Judge([d for d in engine.index.docs if d is not None], engine)
    entry = {"id": "T1", "kind": "clean", "form": {"keywords": ["football"], "age": 12, "near": "Anfield",
                                                   "radius_km": 5}, "relevant_terms": ["football"]}
    j = judge.judge(entry)
    assert j.relevant
    football = engine.matcher.by_code["football"].id
    place = engine.gazetteer.resolve("Anfield")
    for doc in (engine.index.docs[engine.index.slot_of[i]] for i in j.relevant):
        assert football in doc.term_ids and doc.status == "active"
        assert (doc.minimum_age or 0) <= 12 <= (doc.maximum_age or 99)
        assert min(relevance.haversine_km(place.latitude, place.longitude, *p) for p in doc.points) <= 5
    ranked = sorted(j.relevant)
    assert j.precision(ranked) == 1.0
    assert j.precision([]) == 0.0
    assert j.precision(["not-a-service"] + ranked[:4]) == pytest.approx(min(4, len(ranked)) / min(5, len(ranked)))


def test_judged_file_is_well_formed(corpus):
    engine, _rows = corpus
    judged = relevance.load_judged()
    assert len(judged) >= 50
    assert len({e["id"] for e in judged}) == len(judged)
    for e in judged:
        assert e["kind"] in ("clean", "synonym", "typo")
        assert all(code in engine.matcher.by_code for code in e["relevant_terms"]), e["id"]
        assert e["form"]["keywords"] and e["text"]
        engine.gazetteer.resolve(e["form"]["near"])  # every place resolves


def test_comparison_runs_end_to_end_at_a_tiny_size():
    result = engines.run_comparison(300, queries=12, warmup=3, only=("ours", "sqlite"),
                                    judged=relevance.load_judged()[:6])
    for kind in ("recommend", "search"):
        for name in ("ours", "sqlite"):
            figures = result["latency"][kind][name]
            assert figures["n"] == 12 and figures["error_count"] == 0, (kind, name, figures["errors"])
            assert figures["p50"] <= figures["p95"] <= figures["p99"] <= figures["max"]
        assert set(result["ratio"][kind]) == {"sqlite"}
    summary = result["relevance"]["summary"]
    assert set(summary) == {"ours_text", "ours_form", "sqlite"}
    assert all(0.0 <= s["p_at_5"] <= 1.0 for s in summary.values() if s["judged"])
