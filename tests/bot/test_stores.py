"""bot/stores.py: stores chosen by environment variables, with retention.
Uses Rasa's real stores: in memory, SQL on SQLite and on the PostgreSQL
server at 127.0.0.1:5432, and Redis at 127.0.0.1:6379 (skipped if a server
is not there, unless REQUIRE_POSTGRES=1 / REQUIRE_REDIS=1)."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import need
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.stores import EnvLockStore, EnvTrackerStore, SharedStoreRequired, sanic_workers


def conversation(sender: str, age_s: float = 0.0) -> DialogueStateTracker:
    stamp = time.time() - age_s
    return DialogueStateTracker.from_events(
        sender,
        [ActionExecuted("action_listen", timestamp=stamp), UserUttered("hiya", {"name": "greet"}, timestamp=stamp)],
    )


PRIVATE = ("0TH", "900123", "jo@example.com")


def personal(sender: str) -> DialogueStateTracker:
    """A turn holding a full postcode, a phone number and an email, as typed, echoed and kept in a slot."""
    return DialogueStateTracker.from_events(
        sender,
        [
            ActionExecuted("action_listen"),
            UserUttered("L4 0TH, ring 07700 900123 or jo@example.com", {"name": "inform"},
                        [{"entity": "area", "value": "L4 0TH"}]),
            SlotSet("area", "L4 0TH"),
            BotUttered("Near L4 0TH:"),
        ],
    )


def assert_redacted(stored: str, retrieved: DialogueStateTracker | None) -> None:
    for private in PRIVATE:
        assert private not in stored
    assert "L4" in stored  # the district stays: it is all a search uses
    assert retrieved is not None
    assert retrieved.latest_message.text == "L4, ring [phone] or [email]"


def sql_rows(store: EnvTrackerStore) -> str:
    with store.inner.session_scope() as session:
        return str([row.data for row in session.query(SQLTrackerStore.SQLEvent).all()])


def test_default_is_in_memory() -> None:
    store = EnvTrackerStore(Domain.empty(), environ={})
    assert isinstance(store.inner, InMemoryTrackerStore)
    assert isinstance(EnvLockStore(environ={}).inner, InMemoryLockStore)


def test_saves_and_retrieves_in_memory() -> None:
    store = EnvTrackerStore(Domain.empty(), environ={})
    asyncio.run(store.save(conversation("a")))
    found = asyncio.run(store.retrieve("a"))
    assert found is not None and found.latest_message.text == "hiya"
    assert list(asyncio.run(store.keys())) == ["a"]


def test_expired_conversations_are_forgotten_in_memory() -> None:
    store = EnvTrackerStore(Domain.empty(), environ={"TRACKER_RETENTION_MINUTES": "1"})
    asyncio.run(store.save(conversation("old", age_s=120)))
    asyncio.run(store.save(conversation("new")))
    assert asyncio.run(store.retrieve("old")) is None
    assert asyncio.run(store.retrieve("new")) is not None
    assert "old" not in asyncio.run(store.keys())


def test_purge_drops_quiet_conversations_in_memory() -> None:
    store = EnvTrackerStore(Domain.empty(), environ={"TRACKER_RETENTION_MINUTES": "1"})
    asyncio.run(store.save(conversation("quiet")))
    assert store.purge(now=time.time() + 3600) == 1
    assert list(asyncio.run(store.keys())) == []


def test_memory_store_keeps_no_full_postcode_phone_or_email() -> None:
    store = EnvTrackerStore(Domain.empty(), environ={})
    asyncio.run(store.save(personal("p")))
    assert_redacted(str(store.inner.store["p"]), asyncio.run(store.retrieve("p")))


def test_every_turn_is_redacted_as_it_is_saved(tmp_path: Path) -> None:
    """Each save reads back only to its turn's message: the turns before were redacted when they were saved."""
    environ = {"TRACKER_STORE_TYPE": "sql", "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'tracker.db'}"}
    store = EnvTrackerStore(Domain.empty(), environ=environ)
    asyncio.run(store.save(personal("p")))
    later = asyncio.run(store.retrieve("p"))
    later.update(ActionExecuted("action_listen"))
    later.update(UserUttered("actually CH41 4HY, my other number is 07700 900456", {"name": "inform"}))
    later.update(BotUttered("Near CH41 4HY:"))
    asyncio.run(store.save(later))
    stored = sql_rows(store)
    assert "4HY" not in stored and "900456" not in stored and "CH41" in stored
    for private in PRIVATE:  # the first turn, saved before, stays redacted
        assert private not in stored
    store.inner.engine.dispose()


def test_sql_store_keeps_no_full_postcode_phone_or_email(tmp_path: Path) -> None:
    environ = {"TRACKER_STORE_TYPE": "sql", "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'tracker.db'}"}
    store = EnvTrackerStore(Domain.empty(), environ=environ)
    asyncio.run(store.save(personal("p")))
    assert_redacted(sql_rows(store), asyncio.run(store.retrieve("p")))
    store.inner.engine.dispose()


def test_sql_store_from_a_url_with_retention(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = EnvTrackerStore(
        Domain.empty(),
        environ={"TRACKER_STORE_TYPE": "sql", "TRACKER_STORE_URL": url, "TRACKER_RETENTION_MINUTES": "1"},
    )
    assert isinstance(store.inner, SQLTrackerStore)
    asyncio.run(store.save(conversation("kept")))
    assert asyncio.run(store.retrieve("kept")) is not None
    asyncio.run(store.save(conversation("stale", age_s=300)))
    assert asyncio.run(store.retrieve("stale")) is None
    # A second store on the same database sees what the first kept.
    other = EnvTrackerStore(Domain.empty(), environ={"TRACKER_STORE_TYPE": "sql", "TRACKER_STORE_URL": url})
    assert asyncio.run(other.retrieve("kept")) is not None
    assert store.purge(now=time.time() + 3600) >= 2
    assert asyncio.run(other.retrieve("kept")) is None


@pytest.mark.parametrize(
    "environ",
    [
        {"TRACKER_STORE_TYPE": "carrier-pigeon"},
        {"TRACKER_STORE_TYPE": "sql"},
        {"TRACKER_RETENTION_MINUTES": "0"},
    ],
)
def test_bad_settings_fail_clearly(environ: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        EnvTrackerStore(Domain.empty(), environ=environ)


def test_bad_lock_store_fails_clearly() -> None:
    with pytest.raises(ValueError):
        EnvLockStore(environ={"LOCK_STORE_TYPE": "zookeeper"})


def test_lock_store_delegates() -> None:
    store = EnvLockStore(environ={})
    lock = store.create_lock("someone")
    store.save_lock(lock)
    assert store.get_lock("someone") is not None
    store.delete_lock("someone")
    assert store.get_lock("someone") is None


# --- several Sanic workers need shared stores ------------------------------------


@pytest.mark.parametrize("store", ["tracker", "lock"])
@pytest.mark.parametrize("kind", ["", "memory", "in_memory"])
def test_several_workers_refuse_in_memory_stores(store: str, kind: str) -> None:
    environ = {"SANIC_WORKERS": "2", "TRACKER_STORE_TYPE": kind, "LOCK_STORE_TYPE": kind}
    with pytest.raises(SharedStoreRequired) as caught:
        if store == "tracker":
            EnvTrackerStore(Domain.empty(), environ=environ)
        else:
            EnvLockStore(environ=environ)
    message = str(caught.value)
    for setting in ("SANIC_WORKERS=2", "LOCK_STORE_TYPE=redis", "TRACKER_STORE_TYPE=sql", "TRACKER_STORE_TYPE=redis"):
        assert setting in message
    # A configuration error like the others, so `python -m bot.purge` reports it without a traceback.
    assert isinstance(caught.value, ValueError)


def test_several_workers_with_a_shared_tracker_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    environ = {"SANIC_WORKERS": "2", "TRACKER_STORE_TYPE": "sql", "TRACKER_STORE_URL": url}
    assert isinstance(EnvTrackerStore(Domain.empty(), environ=environ).inner, SQLTrackerStore)


@pytest.mark.parametrize(("value", "workers"), [("", 1), ("1", 1), ("0", 1), ("-3", 1), ("two", 1), ("4", 4)])
def test_workers_are_counted_as_rasa_counts_them(value: str, workers: int) -> None:
    # Where Rasa would start a single worker, memory stays allowed.
    assert sanic_workers({"SANIC_WORKERS": value} if value else {}) == workers
    if workers == 1:
        EnvTrackerStore(Domain.empty(), environ={"SANIC_WORKERS": value})
        EnvLockStore(environ={"SANIC_WORKERS": value})


def test_rasa_does_not_fall_back_to_memory_on_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa swallows some errors from a custom tracker store and quietly uses memory instead; the refusal
    must come out of Rasa's own factories, as it does when the server starts."""
    from rasa.core.lock_store import LockStore
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import EndpointConfig

    monkeypatch.setenv("SANIC_WORKERS", "2")
    monkeypatch.delenv("TRACKER_STORE_TYPE", raising=False)
    monkeypatch.delenv("LOCK_STORE_TYPE", raising=False)
    with pytest.raises(SharedStoreRequired):
        TrackerStore.create(EndpointConfig(type="bot.stores.EnvTrackerStore"), Domain.empty())
    with pytest.raises(SharedStoreRequired):
        LockStore.create(EndpointConfig(type="bot.stores.EnvLockStore"))


# --- real servers on loopback (PostgreSQL, Redis) ------------------------------


@pytest.fixture()
def postgres_url() -> Iterator[str]:
    need(5432, "PostgreSQL", "REQUIRE_POSTGRES")
    import psycopg2

    name = f"fyp_tracker_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')  # name is generated above, not user input
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_sql_store_on_postgresql(postgres_url: str) -> None:
    environ = {"TRACKER_STORE_TYPE": "sql", "TRACKER_STORE_URL": postgres_url, "TRACKER_RETENTION_MINUTES": "1"}
    first, second = EnvTrackerStore(Domain.empty(), environ=environ), EnvTrackerStore(Domain.empty(), environ=environ)
    asyncio.run(first.save(conversation("shared")))
    asyncio.run(first.save(personal("private")))
    assert_redacted(sql_rows(first), asyncio.run(second.retrieve("private")))
    # Two Rasa instances share conversations through the database.
    assert asyncio.run(second.retrieve("shared")) is not None
    asyncio.run(first.save(conversation("stale", age_s=300)))
    assert asyncio.run(second.retrieve("stale")) is None
    first.inner.engine.dispose()
    second.purge(now=time.time() + 3600)
    assert asyncio.run(second.retrieve("shared")) is None
    second.inner.engine.dispose()


def test_redis_stores() -> None:
    need(6379, "Redis", "REQUIRE_REDIS")
    environ = {
        "TRACKER_STORE_TYPE": "redis",
        "LOCK_STORE_TYPE": "redis",
        "REDIS_TRACKER_DB": "14",
        "REDIS_LOCK_DB": "15",
        "TRACKER_RETENTION_MINUTES": "2",
    }
    store = EnvTrackerStore(Domain.empty(), environ=environ)
    sender = f"test-{uuid.uuid4().hex}"
    asyncio.run(store.save(conversation(sender)))
    other = EnvTrackerStore(Domain.empty(), environ=environ)
    assert asyncio.run(other.retrieve(sender)) is not None
    # Retention is Redis' own expiry on the conversation's key.
    ttl = store.inner.red.ttl(store.inner.key_prefix + sender)
    assert 0 < ttl <= 120
    store.inner.red.delete(store.inner.key_prefix + sender)
    asyncio.run(store.save(personal(sender)))
    assert_redacted(str(store.inner.red.get(store.inner.key_prefix + sender)), asyncio.run(other.retrieve(sender)))
    store.inner.red.delete(store.inner.key_prefix + sender)

    locks = EnvLockStore(environ=environ)
    lock = locks.create_lock(sender)
    locks.save_lock(lock)
    assert EnvLockStore(environ=environ).get_lock(sender) is not None
    locks.delete_lock(sender)
    assert locks.get_lock(sender) is None
    # What several Sanic workers need: both stores shared.
    assert isinstance(EnvLockStore(environ={**environ, "SANIC_WORKERS": "2"}).inner, RedisLockStore)
    assert isinstance(EnvTrackerStore(Domain.empty(), environ={**environ, "SANIC_WORKERS": "2"}).inner,
                      RedisTrackerStore)


def test_purge_command_uses_chat_retention_days(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    environ = {"TRACKER_STORE_TYPE": "sql", "TRACKER_STORE_URL": url}
    # Written under a long retention, so nothing is purged until the command runs.
    store = EnvTrackerStore(Domain.empty(), environ={**environ, "CHAT_RETENTION_DAYS": "365"})
    asyncio.run(store.save(conversation("last-month", age_s=40 * 86400)))
    asyncio.run(store.save(conversation("today")))
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-m", "bot.purge"], cwd=root, capture_output=True, text=True,
                          env={**os.environ, **environ, "CHAT_RETENTION_DAYS": "30", "PYTHONPATH": str(root)},
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "purged 2 old conversation event(s)" in done.stdout
    reader = EnvTrackerStore(Domain.empty(), environ={**environ, "CHAT_RETENTION_DAYS": "365"})
    assert asyncio.run(reader.retrieve("last-month")) is None
    assert asyncio.run(reader.retrieve("today")) is not None
