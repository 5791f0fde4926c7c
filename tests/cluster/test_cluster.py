"""Two of everything on loopback, sharing PostgreSQL and Redis: conversations move between
Rasa instances, writes move between directory replicas, and processes die and come back."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import httpx
from chat import Chat, custom, last_services, texts
from conftest import Cluster
from servers import ROOT, directory_python

CHILDLINE = "0800 1111"


class Switching(Chat):
    """One person whose messages land on a different Rasa instance each turn."""

    def __init__(self, urls: list[str]) -> None:
        super().__init__(urls[0])
        self.urls = [f"{u}/webhooks/rest/webhook" for u in urls]
        self.turn = 0

    def say(self, text: str) -> list[dict]:
        self.url = self.urls[self.turn % len(self.urls)]
        self.turn += 1
        return super().say(text)


def slots(cluster: Cluster, rasa: int, sender: str) -> dict:
    tracker = httpx.get(f"{cluster.rasas[rasa].url}/conversations/{sender}/tracker",
                        params={"token": cluster.token}, timeout=30).json()
    return tracker["slots"]


def test_a_conversation_alternating_between_rasa_instances_keeps_its_slots(cluster: Cluster) -> None:
    chat = Switching([r.url for r in cluster.rasas])
    chat.say("hiya, can you find me something to do")
    chat.say("I'm 14")
    chat.say("Walton")
    replies = chat.say("drama")
    services = last_services(replies)
    assert services, texts(replies)
    assert all((s["minimum_age"] or 0) <= 14 <= (s["maximum_age"] or 99) for s in services)
    for rasa in (0, 1):
        state = slots(cluster, rasa, chat.sender)
        assert float(state["age"]) == 14 and state["area"], state


def test_the_shared_sql_store_keeps_no_full_postcode_phone_or_email(cluster: Cluster) -> None:
    import sqlalchemy

    chat = Switching([r.url for r in cluster.rasas])
    chat.say("hiya im 14 and i live at L4 0TH")
    chat.say("ring me on 07700 900123 or email jo@example.com")
    assert last_services(chat.say("football")), "the district the postcode was cut to still finds places"
    engine = sqlalchemy.create_engine(cluster.env["TRACKER_STORE_URL"])
    try:
        with engine.connect() as connection:
            stored = " ".join(row[0] for row in connection.execute(
                sqlalchemy.text("SELECT data FROM events WHERE sender_id = :sender"), {"sender": chat.sender}))
    finally:
        engine.dispose()
    assert "L4" in stored
    for private in ("0TH", "900123", "jo@example.com"):
        assert private not in stored


def test_a_write_through_one_replica_is_recommended_through_the_other(cluster: Cluster) -> None:
    made = subprocess.run(
        [directory_python(), "-m", "directory", "create-key", "--name", "cluster-staff", "--role", "editor"],
        cwd=ROOT, env={**os.environ, "DIRECTORY_DATABASE_URL": cluster.directory_db}, capture_output=True,
        text=True, timeout=120,
    )
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip().splitlines()[-1]
    football = httpx.get(f"{cluster.directories[0].url}/interests/resolve", params={"q": "football"}).json()
    body = {
        "name": "Orrell Park Moonlight Footy", "description": "Floodlit kickabouts. (Sample listing.)",
        "organization": {"name": "Sample Moonlight Trust", "description": "Sample organisation (fictional)."},
        "minimum_age": 12, "maximum_age": 16, "cost_options": [{"option": "Free", "amount": 0}],
        "attributes": [{"taxonomy_term_id": football["terms"][0]["id"]}],
        "service_at_locations": [{"location": {"name": "Sample pitch", "latitude": 53.4548, "longitude": -2.9568}}],
    }
    written = time.monotonic()
    r = httpx.post(f"{cluster.directories[0].url}/admin/services", json=body,
                   headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 201, r.text
    # Rasa 2's action server talks only to directory replica 2, which learns of the write by polling.
    while True:
        services = last_services(Chat(cluster.rasas[1].url).say("im 14 from walton and i love football")) or []
        if "Orrell Park Moonlight Footy" in [s["name"] for s in services]:
            break
        assert time.monotonic() - written < 10, "not recommended through the other replica within 10 s"
        time.sleep(0.5)
    print(f"recommended through the other replica after {time.monotonic() - written:.1f} s")


def test_kill_9_the_action_server_then_restart_everything(cluster: Cluster) -> None:
    chat = Chat(cluster.rasas[0].url)
    chat.say("find me something to do")
    chat.say("I'm 15")
    os.kill(cluster.actions[0].process.pid, signal.SIGKILL)
    cluster.actions[0].process.wait(timeout=30)
    # Crisis replies are domain responses: they need no action server.
    assert custom(chat.say("i want to kill myself"), "crisis")
    replies = Chat(cluster.rasas[0].url).say("I'm 14 from Walton and I like drama")
    assert "sorry" in texts(replies).lower() and CHILDLINE in texts(replies), replies
    # Bring both back: the conversation lives in PostgreSQL, so it carries on with its slots.
    cluster.start_actions(0)
    cluster.rasas[0].stop()
    cluster.start_rasa(0)
    assert float(slots(cluster, 0, chat.sender)["age"]) == 15
    chat.say("find me something to do")
    chat.say("Anfield")
    replies = chat.say("football")
    services = last_services(replies)
    assert services, texts(replies)
    assert all((s["minimum_age"] or 0) <= 15 <= (s["maximum_age"] or 99) for s in services)


def test_failed_staff_keys_are_counted_across_both_directory_replicas(cluster: Cluster) -> None:
    """DIRECTORY_REDIS_URL is set for the cluster: ten failures a minute per client in all, not ten per replica.
    The attempts come from 127.0.0.2, so the other tests' requests from 127.0.0.1 are never blocked."""
    if time.time() % 60 > 50:  # counts are per clock minute: start the attempts well inside one
        time.sleep(61 - time.time() % 60)
    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    with httpx.Client(transport=transport, timeout=10,
                      headers={"Authorization": "Bearer fyp_not-a-real-key"}) as client:
        urls = [f"{d.url}/admin/audit" for d in cluster.directories]
        codes = [client.get(urls[i % 2]).status_code for i in range(10)]
        assert codes == [401] * 10
        blocked = [client.get(url) for url in urls]
    assert [r.status_code for r in blocked] == [429, 429], [r.text for r in blocked]
    assert all(int(r.headers["Retry-After"]) >= 1 for r in blocked)
