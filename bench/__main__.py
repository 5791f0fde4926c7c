"""`python -m bench` is `python -m bench.search` (the only benchmark so far)."""

from bench.search import main

raise SystemExit(main())
