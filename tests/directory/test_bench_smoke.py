"""The search benchmark (bench/search.py) runs end to end at a tiny size. No timing is asserted."""

from __future__ import annotations

import pytest

from bench import search as bench

SIZE, QUERIES = 300, 20


@pytest.fixture(scope="module")
def figures() -> dict:
    return bench.run_benchmark(SIZE, QUERIES, warmup=5)


def test_figures_have_the_expected_keys(figures):
    for key in ("size", "services_indexed", "queries", "generate_s", "build_s", "rss_before_build_mb",
                "rss_after_build_mb", "hwm_mb", "recommend", "search"):
        assert key in figures, key
    assert figures["size"] == figures["services_indexed"] == SIZE
    for kind in ("recommend", "search"):
        stats = figures[kind]
        for key in ("p50", "p95", "p99", "mean", "max", "hot", "n", "with_results", "errors"):
            assert key in stats, (kind, key)
        assert stats["n"] == QUERIES
        assert stats["p50"] <= stats["p95"] <= stats["p99"] <= stats["max"]


def test_most_queries_find_something(figures):
    for kind in ("recommend", "search"):
        stats = figures[kind]
        assert stats["errors"] == []
        assert stats["with_results"] >= 0.75 * stats["n"], (kind, stats["with_results"])


def test_the_table_prints(figures):
    text = bench.table([figures])
    assert f"| {SIZE:,} |" in text
    assert "p95" in bench.describe(figures)


def test_generation_is_deterministic_and_realistic():
    first, factory = bench.generate(200)
    again, _ = bench.generate(200)
    assert [d.id for d in first] == [d.id for d in again]
    assert [d.name for d in first] == [d.name for d in again]
    leaf_ids = {r["id"] for r in factory.leaves}
    for doc in first:
        assert 1 <= len(doc.term_ids) <= 3 and set(doc.term_ids) <= leaf_ids
        if doc.minimum_age is not None:
            assert 5 <= doc.minimum_age <= 18
            assert doc.minimum_age + 3 <= doc.maximum_age <= doc.minimum_age + 10
        assert doc.online or doc.points


def test_queries_are_fixed():
    assert bench.recommend_queries(200) == bench.recommend_queries(200)
    assert len(bench.recommend_queries(250)) == 250
