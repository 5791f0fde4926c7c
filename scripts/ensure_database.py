"""Create a PostgreSQL database if it does not exist yet (for `make run-cluster`).

    .venv/bin/python scripts/ensure_database.py postgresql://postgres@127.0.0.1:5432/findyourplace
"""

from __future__ import annotations

import sys

import psycopg
from psycopg import sql


def ensure(url: str) -> bool:
    """True if the database was created, False if it was already there."""
    base, name = url.rsplit("/", 1)
    name = name.split("?", 1)[0]
    with psycopg.connect(base + "/postgres", autocommit=True, connect_timeout=5) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].startswith("postgresql"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        made = ensure(argv[0].replace("postgresql+psycopg://", "postgresql://"))
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL is not reachable at {argv[0].rsplit('/', 1)[0]}: {exc}".strip(), file=sys.stderr)
        return 1
    print(("created " if made else "found ") + argv[0].rsplit("/", 1)[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
