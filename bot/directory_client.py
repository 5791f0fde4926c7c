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

Connections: each event loop gets its own httpx client per (URL, timeout,
transport), shared by every DirectoryClient on that loop and kept alive
between calls. Building a client per call cost more than the call itself (a
TLS context each time, even for http://). Clients never cross loops (an
httpx client is bound to the loop it first ran on), and a loop's clients are
closed when it shuts down its async generators, as `asyncio.run` does.
"""

from __future__ import annotations

import asyncio
import logging
import os
import weakref
from collections.abc import AsyncGenerator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

# httpx logs every request URL at INFO, and our query strings carry what
# people typed (places, interests). Keep those out of the logs.
for _noisy in ("httpx", "httpcore"):
    logging.getLogger(_noisy).setLevel(logging.WARNING)

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
DEFAULT_TIMEOUT_S = 5.0

# Bounded so a burst of turns cannot open an unbounded number of sockets; waiting for a free connection
# counts against the timeout like any other wait. Idle connections are dropped before uvicorn's 5 s
# keep-alive would close them under us.
POOL_LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=10, keepalive_expiry=2.0)


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
    kind: str | None = None
    # The words of the message that named it (/understand only): "worried" in "worried about my son".
    words: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Term:
        return cls(
            code=str(data["code"]),
            name=str(data.get("name") or data["code"]),
            id=data.get("id"),
            kind=data.get("kind"),
            words=tuple(str(w) for w in data.get("words") or ()),
        )


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
    # With `age`, the top of an age range services must admit whole (a school year: 11 to 12).
    age_to: int | None = None
    interests: Sequence[str] = ()
    near: str | None = None
    free: bool | None = None
    # Only what the record puts online; the directory goes in person when nothing online fits, and says so.
    online: bool | None = None
    day: str | None = None
    q: str | None = None
    limit: int = 5
    offset: int = 0
    radius_km: float | None = None
    exclude: Sequence[str] = ()
    # The bot never lets the directory widen the age: groups for other ages are not for this child.
    exact_age: bool = True
    # Only services that end by this age (bot/ages.py YOUTH_ONLY_MAX, when no age was given).
    max_age: int | None = None
    # When the exact activity is far, also a couple of its family that are near (another sport, another art).
    related_nearby: bool = True
    # With no interests: a spread of kinds near them (a sport, an art, a group...), what "anything" means.
    mix: bool = True

    def params(self) -> dict[str, str]:
        params: dict[str, str] = {"limit": str(self.limit), "offset": str(self.offset)}
        if self.exact_age:
            params["exact_age"] = "true"
        if self.age is not None:
            params["age"] = str(self.age)
            if self.age_to is not None and self.age_to > self.age:
                params["age_to"] = str(self.age_to)
        if self.interests:
            params["interests"] = ",".join(self.interests)
        if self.near:
            params["near"] = self.near
        if self.free:
            params["free"] = "true"
        if self.online:
            params["online"] = "true"
        if self.day:
            params["day"] = self.day
        if self.q:
            params["q"] = self.q
        if self.radius_km is not None:
            params["radius_km"] = f"{self.radius_km:g}"
        if self.exclude:
            params["exclude"] = ",".join(self.exclude)
        if self.max_age is not None:
            params["max_age"] = str(self.max_age)
        if self.related_nearby:
            params["related_nearby"] = "true"
        if self.mix and not self.interests and not self.q:
            params["mix"] = "true"
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


@dataclass(frozen=True)
class Reading:
    """What GET /understand read in one message: the one reading of every fact (age, interests, place,
    free, days). `expect` was the question the message answers, if any."""

    age: int | None = None
    # With `age`, the top of two ages given for a group or siblings ("aged 14 to 16").
    age_to: int | None = None
    # The school year the age came from ("year 7"), if it came from one.
    school_year: int | None = None
    interests: list[Term] = field(default_factory=list)
    not_interests: list[Term] = field(default_factory=list)
    anything: bool = False
    # "not sure" or "dunno" rather than "anything": asked once more, with ideas, before a mix is shown.
    unsure: bool = False
    interest_suggestions: list[Term] = field(default_factory=list)
    place: Place | None = None
    anywhere: bool = False
    place_suggestions: list[str] = field(default_factory=list)
    free: bool = False
    # "anything online?", "support she can do from home": to take part online.
    online: bool = False
    days: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Reading:
        place = data.get("place")
        return cls(
            age=data.get("age"),
            age_to=data.get("age_to"),
            school_year=data.get("school_year"),
            interests=[Term.from_json(t) for t in data.get("interests") or []],
            not_interests=[Term.from_json(t) for t in data.get("not_interests") or []],
            anything=bool(data.get("anything")),
            unsure=bool(data.get("unsure")),
            interest_suggestions=[Term.from_json(t) for t in data.get("interest_suggestions") or []],
            place=Place.from_json(place) if place else None,
            anywhere=bool(data.get("anywhere")),
            place_suggestions=[str(s) for s in data.get("place_suggestions") or []],
            free=bool(data.get("free")),
            online=bool(data.get("online")),
            days=[str(d) for d in data.get("days") or []],
            unknown=[str(u) for u in data.get("unknown") or []],
        )

    @property
    def codes(self) -> list[str]:
        return codes(self.interests)


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


_PoolKey = tuple[str, float, "httpx.AsyncBaseTransport | None"]


class _LoopPools:
    """The httpx clients of one event loop."""

    def __init__(self) -> None:
        self.clients: dict[_PoolKey, httpx.AsyncClient] = {}
        # Strong reference: the loop itself only keeps a weak one to the async generators it will close.
        self.closer: AsyncGenerator[None, None] | None = None

    async def aclose(self) -> None:
        clients, self.clients = list(self.clients.values()), {}
        for client in clients:
            await client.aclose()


# Weak keys: a loop that is gone takes its entry with it.
_pools: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopPools] = weakref.WeakKeyDictionary()


async def _close_at_loop_shutdown(pools: _LoopPools) -> AsyncGenerator[None, None]:
    # An async generator started on a loop is one the loop closes in `shutdown_asyncgens()` (asyncio.run,
    # pytest's loops): the only hook a loop offers to close sockets before it stops. Without it, a loop that
    # ends with a kept-alive connection leaves an unclosed socket behind.
    try:
        yield
    finally:
        # The generator holds the loop (its finalizer hook): let go of it, or the weak key never goes.
        pools.closer = None
        await pools.aclose()


async def _loop_pools() -> _LoopPools:
    loop = asyncio.get_running_loop()
    pools = _pools.get(loop)
    if pools is None:
        # A loop closed without shutting down its async generators: its open connections still point at it,
        # which would keep it (and them) alive here for good.
        for closed in [other for other in _pools if other.is_closed()]:
            del _pools[closed]
        pools = _pools[loop] = _LoopPools()
        pools.closer = _close_at_loop_shutdown(pools)
        await pools.closer.__anext__()
    return pools


async def close_pools() -> None:
    """Close the running loop's directory connections (a server shutting down; tests)."""
    pools = _pools.pop(asyncio.get_running_loop(), None)
    if pools is not None and pools.closer is not None:
        await pools.closer.aclose()


class DirectoryClient:
    """Async client, safe to use from any event loop (the action server's, or a
    test's): connections are pooled per loop (see the module's docstring)."""

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

    async def _client(self) -> httpx.AsyncClient:
        pools = await _loop_pools()
        key = (self.base_url, self.timeout_s, self._transport)
        client = pools.clients.get(key)
        if client is None or client.is_closed:
            client = pools.clients[key] = httpx.AsyncClient(
                base_url=self.base_url, timeout=self.timeout_s, transport=self._transport, limits=POOL_LIMITS
            )
        return client

    async def _send(self, path: str, params: Mapping[str, str] | None) -> httpx.Response:
        client = await self._client()
        try:
            return await client.get(path, params=params)
        except httpx.RemoteProtocolError:
            # A kept-alive connection the directory closed just as we reused it; a GET is safe to repeat once.
            return await client.get(path, params=params)

    async def _get(self, path: str, params: Mapping[str, str] | None = None) -> httpx.Response:
        try:
            response = await self._send(path, params)
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

    async def understand(self, text: str, expect: str | None = None) -> Reading:
        """Every fact in one message (GET /understand). `expect`: age, interests or area, the question
        the message answers; a bare "16" is then an age and a bare "Kirkdale" a place."""
        params = {"q": text[:500]}
        if expect:
            params["expect"] = expect
        response = await self._get("/understand", params)
        self._raise_for_client_error(response, "/understand")
        return Reading.from_json(self._json(response))

    async def service(self, service_id: str) -> dict[str, Any]:
        """One service as the public API serves it (HSDS 3.0, fully nested)."""
        response = await self._get(f"/services/{service_id}")
        self._raise_for_client_error(response, "/services/{id}")
        return dict(self._json(response))

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
