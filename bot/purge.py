"""Purge conversations older than the retention period from the configured tracker store.

    CHAT_RETENTION_DAYS=30 TRACKER_STORE_TYPE=sql TRACKER_STORE_URL=postgresql://... \\
        .venv-rasa/bin/python -m bot.purge

Run it from cron (or a scheduler) in production. Redis stores expire by themselves.
"""

from __future__ import annotations

import sys

from rasa.shared.core.domain import Domain

from bot.stores import EnvTrackerStore


def main() -> int:
    try:
        store = EnvTrackerStore(Domain.empty())
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    removed = store.purge()
    print(f"purged {removed} old conversation event(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
