"""While the database is down the API answers 503 with Retry-After, never 500; it recovers on its own
(the real restart is tests/cluster/test_postgres_restart.py). The outage is injected on purpose:
every statement fails as a dropped connection does."""

from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError


@pytest.fixture()
def outage(db_engine):
    engine = db_engine

    def drop(*_args, **_kwargs):
        raise OperationalError("SELECT 1", {}, ConnectionError("server closed the connection unexpectedly"))

    def start():
        event.listen(engine, "before_cursor_execute", drop)

    def end():
        event.remove(engine, "before_cursor_execute", drop)

    yield start, end
    if event.contains(engine, "before_cursor_execute", drop):
        end()


def service_id(client) -> str:
    return client.get("/services", params={"per_page": 1}).json()["contents"][0]["id"]


@pytest.mark.parametrize("path", ["/services/{id}", "/organizations", "/taxonomy_terms", "/services?search=football"])
def test_data_routes_answer_503_while_the_database_is_down_then_recover(client, outage, path):
    url = path.format(id=service_id(client))
    start, end = outage
    start()
    r = client.get(url)
    assert r.status_code == 503, r.text
    assert r.headers["Retry-After"] == "5"
    assert "unavailable" in r.json()["detail"]
    end()
    assert client.get(url).status_code == 200


def test_health_says_degraded(client, outage):
    start, _end = outage
    start()
    r = client.get("/health")
    assert r.status_code == 503 and r.json()["database"] == "unavailable"
