"""bot/directory_client.py against the real directory, and with injected
faults (httpx.MockTransport is used only to break things on purpose)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from bot import directory_client as dc
from bot.directory_client import (
    DirectoryBadRequest,
    DirectoryClient,
    DirectoryError,
    DirectoryUnavailable,
    PlaceNotFound,
    RecommendationQuery,
)


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def faulty(handler: Callable[[httpx.Request], httpx.Response]) -> DirectoryClient:
    return DirectoryClient("http://directory.invalid", timeout_s=1.0, transport=httpx.MockTransport(handler))


# --- the real directory ------------------------------------------------------


def test_health(directory_url: str) -> None:
    assert run(DirectoryClient(directory_url).health())


def test_resolves_a_misspelt_place(directory_url: str) -> None:
    place = run(DirectoryClient(directory_url).resolve_place("anfeild"))
    assert place.name == "Anfield"
    assert place.outcode == "L4"


def test_full_postcode_comes_back_as_its_district(directory_url: str) -> None:
    place = run(DirectoryClient(directory_url).resolve_place("L4 0TH"))
    assert place.name == "L4"
    assert "0TH" not in repr(place)


def test_unknown_place_raises_with_suggestions(directory_url: str) -> None:
    with pytest.raises(PlaceNotFound) as caught:
        run(DirectoryClient(directory_url).resolve_place("the park"))
    assert caught.value.status == 404
    assert caught.value.suggestions and all(isinstance(s, str) for s in caught.value.suggestions)
    assert isinstance(caught.value, DirectoryBadRequest) and isinstance(caught.value, DirectoryError)


def test_resolves_interests_from_slang(directory_url: str) -> None:
    match = run(DirectoryClient(directory_url).resolve_interests("footy and drama"))
    assert {t.code for t in match.terms} == {"football", "drama"}
    assert match.unknown == []


def test_unknown_interest_comes_with_suggestions(directory_url: str) -> None:
    match = run(DirectoryClient(directory_url).resolve_interests("quidditch"))
    assert match.terms == []
    assert match.unknown == ["quidditch"]
    assert match.suggestions


def test_recommendations_fit_the_query(directory_url: str) -> None:
    query = RecommendationQuery(age=14, interests=["football"], near="Anfield", limit=5)
    recs = run(DirectoryClient(directory_url).recommendations(query))
    assert recs.total >= len(recs.items) > 0
    assert recs.place is not None and recs.place.name == "Anfield"
    for item in recs.items:
        assert (item["minimum_age"] or 0) <= 14 <= (item["maximum_age"] or 99)
        assert item["reason"]


def test_recommendations_with_an_unknown_place(directory_url: str) -> None:
    with pytest.raises(PlaceNotFound):
        run(DirectoryClient(directory_url).recommendations(RecommendationQuery(age=14, near="zzzzqqq")))


def test_query_parameters() -> None:
    params = RecommendationQuery(
        age=12,
        interests=["football", "drama"],
        near="L4",
        free=True,
        day="weekend",
        limit=5,
        offset=10,
        radius_km=1.5,
        exclude=["a", "b"],
    ).params()
    assert params == {
        "age": "12",
        "interests": "football,drama",
        "near": "L4",
        "free": "true",
        "day": "weekend",
        "limit": "5",
        "offset": "10",
        "radius_km": "1.5",
        "exclude": "a,b",
        "exact_age": "true",
        "related_nearby": "true",
    }
    assert RecommendationQuery(related_nearby=False, mix=False).params() == {
        "limit": "5", "offset": "0", "exact_age": "true"
    }
    # With no interests, "anything" is a spread of kinds.
    assert RecommendationQuery(related_nearby=False).params()["mix"] == "true"
    assert "mix" not in RecommendationQuery(interests=["art"]).params()


def test_base_url_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIRECTORY_API_URL", "http://example.invalid:9999/")
    assert DirectoryClient().base_url == "http://example.invalid:9999"


# --- injected faults ---------------------------------------------------------


def test_connection_refused_is_unavailable() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(DirectoryUnavailable) as caught:
        run(faulty(refuse).resolve_place("Anfield"))
    assert caught.value.status is None


def test_timeout_is_unavailable() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(DirectoryUnavailable):
        run(faulty(slow).recommendations(RecommendationQuery(age=14)))


def test_server_error_is_unavailable() -> None:
    with pytest.raises(DirectoryUnavailable) as caught:
        run(faulty(lambda request: httpx.Response(500, json={"detail": "boom"})).resolve_interests("footy"))
    assert caught.value.status == 500


def test_garbage_is_unavailable() -> None:
    with pytest.raises(DirectoryUnavailable):
        run(faulty(lambda request: httpx.Response(200, text="<html>proxy error</html>")).resolve_place("Anfield"))


def test_other_client_errors_are_bad_requests() -> None:
    with pytest.raises(DirectoryBadRequest) as caught:
        run(
            faulty(lambda request: httpx.Response(422, json={"detail": "age must be 0-120"})).recommendations(
                RecommendationQuery(age=-3)
            )
        )
    assert caught.value.status == 422
    assert not isinstance(caught.value, PlaceNotFound)


# --- connections: one pool per event loop ---------------------------------------


def pooled(loop_pools: dc._LoopPools) -> list[httpx.AsyncClient]:
    return list(loop_pools.clients.values())


def test_calls_on_one_loop_share_a_kept_alive_connection(directory_url: str) -> None:
    async def many() -> tuple[list[httpx.AsyncClient], int]:
        for _ in range(5):
            # A new DirectoryClient each time, as each action has its own: they still share the pool.
            assert await DirectoryClient(directory_url).health()
        clients = pooled(dc._pools[asyncio.get_running_loop()])
        return clients, len(clients[0]._transport._pool.connections)  # type: ignore[attr-defined]

    clients, connections = run(many())
    assert len(clients) == 1 and connections == 1
    # asyncio.run shut the loop down: its connections went with it.
    assert clients[0].is_closed


def test_each_loop_gets_its_own_client(directory_url: str) -> None:
    client = DirectoryClient(directory_url)

    async def used() -> httpx.AsyncClient:
        await client.health()
        return pooled(dc._pools[asyncio.get_running_loop()])[0]

    first, second = run(used()), run(used())
    assert first is not second and first.is_closed and second.is_closed


def test_closed_loops_are_forgotten(directory_url: str) -> None:
    import gc

    for _ in range(3):
        run(DirectoryClient(directory_url).health())
    gc.collect()
    assert len(dc._pools) == 0


def test_concurrent_calls_share_a_bounded_pool(directory_url: str) -> None:
    async def burst() -> tuple[list[bool], int, list[httpx.AsyncClient]]:
        results = await asyncio.gather(*(DirectoryClient(directory_url).health() for _ in range(40)))
        clients = pooled(dc._pools[asyncio.get_running_loop()])
        return results, len(clients[0]._transport._pool.connections), clients  # type: ignore[attr-defined]

    results, connections, clients = run(burst())
    assert all(results) and len(clients) == 1
    assert 1 <= connections <= dc.POOL_LIMITS.max_connections


def test_a_uvloop_loop_works_and_is_cleaned_up(directory_url: str) -> None:
    # The action server runs on uvloop (Sanic's default when installed).
    uvloop = pytest.importorskip("uvloop")
    loop = uvloop.new_event_loop()
    try:
        assert loop.run_until_complete(DirectoryClient(directory_url).health())
        (client,) = pooled(dc._pools[loop])
        loop.run_until_complete(loop.shutdown_asyncgens())
        assert client.is_closed
    finally:
        loop.close()


def test_close_pools_closes_now_and_a_later_call_reconnects(directory_url: str) -> None:
    async def close_then_call() -> tuple[httpx.AsyncClient, bool, httpx.AsyncClient]:
        client = DirectoryClient(directory_url)
        await client.health()
        (first,) = pooled(dc._pools[asyncio.get_running_loop()])
        await dc.close_pools()
        assert first.is_closed
        again = await client.health()
        return first, again, pooled(dc._pools[asyncio.get_running_loop()])[0]

    first, again, second = run(close_then_call())
    assert again and second is not first


def test_different_settings_do_not_share_a_client() -> None:
    def ok(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"status": "ok"})

    transport = httpx.MockTransport(ok)

    async def both() -> int:
        await DirectoryClient("http://a.invalid", transport=transport).health()
        await DirectoryClient("http://b.invalid", transport=transport).health()
        await DirectoryClient("http://a.invalid", timeout_s=1.0, transport=transport).health()
        await DirectoryClient("http://a.invalid", transport=transport).health()
        return len(dc._pools[asyncio.get_running_loop()].clients)

    assert run(both()) == 3


def test_a_connection_dropped_on_reuse_is_retried_once() -> None:
    calls: list[str] = []

    def drops_first(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if len(calls) == 1:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        return httpx.Response(200, json={"status": "ok"})

    assert run(faulty(drops_first).health())
    assert calls == ["/health", "/health"]


def test_a_connection_dropped_twice_is_unavailable() -> None:
    def drops(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)

    with pytest.raises(DirectoryUnavailable) as caught:
        run(faulty(drops).health())
    assert caught.value.status is None
