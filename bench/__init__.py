"""Benchmarks (not shipped). `make bench` runs `python -m bench` (everything, writes bench/REPORT.md);
`make bench-search` runs `python -m bench.search` (our engine alone)."""
