"""Benchmarks (not shipped): `make bench-search` runs `python -m bench.search`."""
