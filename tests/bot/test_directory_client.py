"""bot/directory_client.py against the real directory, and with injected
faults (httpx.MockTransport is used only to break things on purpose)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

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
    }
    assert RecommendationQuery().params() == {"limit": "5", "offset": "0"}


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
