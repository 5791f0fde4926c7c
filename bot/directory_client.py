"""HTTP client for the directory service (the bot never imports `directory`).

Every failure surfaces as one exception tree, so actions can decide what to
say with a single `except`:

    DirectoryError                 anything that went wrong talking to the directory
    ├── DirectoryUnavailable       cannot connect, timed out, or a 5xx answer
    └── DirectoryBadRequest        the directory refused our input (4xx)
        └── PlaceNotFound          the place is unknown; carries `suggestions`

Each carries `status` (HTTP status or None) and `message`. Messages may echo
what the user typed, so callers must not log them: log the class and status.

The base URL comes from DIRECTORY_API_URL (default http://127.0.0.1:8000) and
the timeout from DIRECTORY_TIMEOUT_S (default 5 seconds).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

# httpx logs every request URL at INFO, and our query strings carry what
# people typed (places, interests). Keep those out of the logs.
for _noisy in ("httpx", "httpcore"):
    logging.getLogger(_noisy).setLevel(logging.WARNING)

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
DEFAULT_TIMEOUT_S = 5.0


class DirectoryError(Exception):
    """Base of every directory failure."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class DirectoryUnavailable(DirectoryError):
    """The directory could not answer: down, too slow, or a server error."""


class DirectoryBadRequest(DirectoryError):
    """The directory rejected the request (a 4xx other than a missing place)."""


class PlaceNotFound(DirectoryBadRequest):
    """The place is not one the directory knows; `suggestions` are close ones."""

    def __init__(self, message: str, suggestions: Sequence[str] = (), status: int | None = 404) -> None:
        super().__init__(message, status)
        self.suggestions = list(suggestions)


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    latitude: float | None = None
    longitude: float | None = None
    outcode: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Place:
        return cls(
            name=str(data["name"]),
            kind=str(data.get("kind") or ""),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            outcode=data.get("outcode"),
        )


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    id: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Term:
        return cls(code=str(data["code"]), name=str(data.get("name") or data["code"]), id=data.get("id"))


@dataclass(frozen=True)
class InterestMatch:
    """What /interests/resolve made of a piece of text."""

    terms: list[Term]
    unknown: list[str]
    suggestions: list[Term]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> InterestMatch:
        return cls(
            terms=[Term.from_json(t) for t in data.get("terms") or []],
            unknown=[str(u) for u in data.get("unknown") or []],
            suggestions=[Term.from_json(t) for t in data.get("suggestions") or []],
        )


@dataclass(frozen=True)
class RecommendationQuery:
    """Filters for GET /recommendations. None means "not set"."""

    age: int | None = None
    interests: Sequence[str] = ()
    near: str | None = None
    free: bool | None = None
    day: str | None = None
    q: str | None = None
    limit: int = 5
    offset: int = 0
    radius_km: float | None = None
    exclude: Sequence[str] = ()

    def params(self) -> dict[str, str]:
        params: dict[str, str] = {"limit": str(self.limit), "offset": str(self.offset)}
        if self.age is not None:
            params["age"] = str(self.age)
        if self.interests:
            params["interests"] = ",".join(self.interests)
        if self.near:
            params["near"] = self.near
        if self.free:
            params["free"] = "true"
        if self.day:
            params["day"] = self.day
        if self.q:
            params["q"] = self.q
        if self.radius_km is not None:
            params["radius_km"] = f"{self.radius_km:g}"
        if self.exclude:
            params["exclude"] = ",".join(self.exclude)
        return params


@dataclass(frozen=True)
class Recommendations:
    total: int
    items: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)
    place: Place | None = None
    interests: list[Term] = field(default_factory=list)
    unknown_interests: list[str] = field(default_factory=list)
    interest_suggestions: list[Term] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Recommendations:
        place = data.get("place")
        return cls(
            total=int(data.get("total") or 0),
            items=list(data.get("items") or []),
            notes=[str(n) for n in data.get("notes") or []],
            place=Place.from_json(place) if place else None,
            interests=[Term.from_json(t) for t in data.get("interests") or []],
            unknown_interests=[str(u) for u in data.get("unknown_interests") or []],
            interest_suggestions=[Term.from_json(t) for t in data.get("interest_suggestions") or []],
        )


def _find_suggestions(detail: Any) -> list[str]:
    """Suggestions anywhere in a 422/404 `detail` (a string, dict or list)."""
    if isinstance(detail, Mapping):
        found = detail.get("suggestions")
        if isinstance(found, list):
            return [str(s.get("name", s)) if isinstance(s, Mapping) else str(s) for s in found]
        for value in detail.values():
            nested = _find_suggestions(value)
            if nested:
                return nested
    if isinstance(detail, list):
        for value in detail:
            nested = _find_suggestions(value)
            if nested:
                return nested
    return []


def _mentions(detail: Any, word: str) -> bool:
    if isinstance(detail, str):
        return word in detail
    if isinstance(detail, Mapping):
        return any(_mentions(k, word) or _mentions(v, word) for k, v in detail.items())
    if isinstance(detail, list):
        return any(_mentions(v, word) for v in detail)
    return False


class DirectoryClient:
    """Async client; one short-lived connection pool per call keeps it safe to
    use from any event loop (the action server's, or a test's)."""

    def __init__(
        self,
        base_url: str | None = None,
        timeout_s: float | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = (base_url or os.environ.get("DIRECTORY_API_URL") or DEFAULT_BASE_URL).rstrip("/")
        self.timeout_s = (
            timeout_s if timeout_s is not None else float(os.environ.get("DIRECTORY_TIMEOUT_S") or DEFAULT_TIMEOUT_S)
        )
        # Injected only by tests that simulate faults (httpx.MockTransport).
        self._transport = transport

    async def _get(self, path: str, params: Mapping[str, str] | None = None) -> httpx.Response:
        try:
            async with httpx.AsyncClient(
                base_url=self.base_url, timeout=self.timeout_s, transport=self._transport
            ) as client:
                response = await client.get(path, params=params)
        except httpx.TimeoutException as error:
            raise DirectoryUnavailable(f"directory timed out on {path}") from error
        except httpx.HTTPError as error:
            raise DirectoryUnavailable(f"cannot reach the directory ({type(error).__name__})") from error
        if response.status_code >= 500:
            raise DirectoryUnavailable(f"directory error on {path}", response.status_code)
        return response

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError as error:
            raise DirectoryUnavailable("directory sent something that is not JSON", response.status_code) from error

    def _raise_for_client_error(self, response: httpx.Response, path: str) -> None:
        if response.status_code < 400:
            return
        body = self._json(response) if response.content else None
        detail = body.get("detail") if isinstance(body, Mapping) else body
        raise DirectoryBadRequest(f"directory refused {path}: {detail}", response.status_code)

    async def health(self) -> bool:
        response = await self._get("/health")
        return response.status_code == 200

    async def resolve_place(self, text: str) -> Place:
        """Resolve a place name, postcode district or full postcode (reduced
        to its district by the directory). Raises PlaceNotFound."""
        response = await self._get("/places/resolve", {"q": text})
        if response.status_code == 404:
            body = self._json(response)
            raise PlaceNotFound("unknown place", _find_suggestions(body), 404)
        self._raise_for_client_error(response, "/places/resolve")
        return Place.from_json(self._json(response))

    async def resolve_interests(self, text: str) -> InterestMatch:
        response = await self._get("/interests/resolve", {"q": text})
        self._raise_for_client_error(response, "/interests/resolve")
        return InterestMatch.from_json(self._json(response))

    async def recommendations(self, query: RecommendationQuery) -> Recommendations:
        response = await self._get("/recommendations", query.params())
        if response.status_code in (404, 422):
            body = self._json(response)
            detail = body.get("detail") if isinstance(body, Mapping) else body
            if query.near and _mentions(detail, "near"):
                raise PlaceNotFound("unknown place", _find_suggestions(detail), response.status_code)
        self._raise_for_client_error(response, "/recommendations")
        return Recommendations.from_json(self._json(response))

    async def taxonomy_terms(self) -> list[dict[str, Any]]:
        response = await self._get("/taxonomy_terms", {"per_page": "200"})
        self._raise_for_client_error(response, "/taxonomy_terms")
        return list(self._json(response).get("contents") or [])


def codes(terms: Iterable[Term]) -> list[str]:
    """Term codes in order, without repeats."""
    seen: dict[str, None] = {}
    for term in terms:
        seen.setdefault(term.code, None)
    return list(seen)
