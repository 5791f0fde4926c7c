"""`python -m bench` (`make bench`): every benchmark, then bench/REPORT.md. See bench/run.py."""

from bench.run import main

raise SystemExit(main())
