"""Recommendations, place and interest resolution: what the bot and the widget call."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from sqlalchemy import text

from directory.api.deps import SearchDep, SessionDep
from directory.api.errors import BadParameter, PlaceNotFoundError
from directory.api.public import LoopSearchDep
from directory.geo import Place, PlaceNotFound
from directory.schemas import Health, InterestResolution, PlacePublic, Recommendations, Understanding
from directory.search.engine import SearchEngine, whole
from directory.search.index import Hit
from directory.search.understand import EXPECTS, understand

router = APIRouter(tags=["Recommendations and places"])
# recommendations, resolve_place and resolve_interests are `async def` on purpose: they touch only the
# in-memory index, gazetteer and matcher (about a millisecond of CPU, no I/O), less than the thread-pool
# hop a plain `def` endpoint costs. Anything that adds database or network I/O here must go back to `def`
# (or await it in a thread), or it would stall every other request on the event loop.


@router.get("/recommendations", response_model=Recommendations, summary="Ranked services for a young person")
async def recommendations(
    search: LoopSearchDep,
    age: Annotated[int | None, Query(ge=0, le=120, description="Age in years.")] = None,
    age_to: Annotated[
        int | None,
        Query(ge=0, le=120, description="With `age`, the top of an age range every service must admit whole: "
              "a Year 7 pupil is 11 or 12, so age=11&age_to=12."),
    ] = None,
    interests: Annotated[
        str | None, Query(max_length=500, description="Comma-separated: codes, names or words.")
    ] = None,
    near: Annotated[str | None, Query(max_length=100, description="Postcode, district, ward or area name.")] = None,
    free: Annotated[bool, Query(description="Only free services.")] = False,
    online: Annotated[
        bool, Query(description="Only services the record puts online (a virtual location, or a website and no place).")
    ] = False,
    day: Annotated[str | None, Query(max_length=40, description="mon..sun, weekend, weekday, today.")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Free text, parsed into the same filters.")] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    radius_km: Annotated[float | None, Query(gt=0, le=100)] = None,
    exclude: Annotated[
        str | None, Query(max_length=4000, description="Comma-separated service ids to leave out.")
    ] = None,
    exact_age: Annotated[
        bool, Query(description="Never widen the age: a chat with a child must not list groups for other ages.")
    ] = False,
    max_age: Annotated[
        int | None,
        Query(ge=0, le=120, description="Only services whose upper age is at most this; those with none are left out. "
              "For someone whose age is not known: nothing that adults attend."),
    ] = None,
    related_nearby: Annotated[
        bool,
        Query(description="When too little of the exact activity is near and the search widens, also list up to two "
              "activities of the same family (another sport, another art) that are near."),
    ] = False,
    mix: Annotated[
        bool,
        Query(description="With no interests or words: a spread of kinds (a sport, an art, a group...) near them, "
              "rather than the nearest services of any kind."),
    ] = False,
):
    try:
        rec = search.recommend(
            age=age,
            interests=[i for i in (interests or "").split(",") if i.strip()],
            near=near,
            free=free,
            online=online,
            day=day,
            q=q,
            limit=limit,
            offset=offset,
            radius_km=radius_km,
            exclude={i.strip() for i in (exclude or "").split(",") if i.strip()},
            exact_age=exact_age,
            max_age=max_age,
            related_nearby=related_nearby,
            mix=mix,
            age_to=age_to,
        )
    except PlaceNotFound as exc:
        raise BadParameter("near", str(exc), suggestions=exc.suggestions) from None
    except ValueError as exc:  # only `day` can be unreadable here
        raise BadParameter("day", str(exc)) from None
    first_related = len(rec.hits) - rec.related
    items = [
        service_item(search, hit, rec.place, rec.days, related=position >= first_related)
        for position, hit in enumerate(rec.hits)
    ]
    return {
        "query": rec.query,
        "place": rec.place.as_dict() if rec.place else None,
        "interests": [t.public() for t in rec.interests],
        "unknown_interests": rec.unknown_interests,
        "interest_suggestions": [t.public() for t in rec.interest_suggestions],
        "total": rec.total,
        "items": items,
        "notes": rec.notes,
    }


def service_item(search: SearchEngine, hit: Hit, place: Place | None, days: int = 0, related: bool = False) -> dict:
    """One recommended service as the widget and the bot show it: every field from its own record."""
    doc = hit.doc
    return {
        "id": doc.id,
        "name": doc.name,
        "organization": doc.organization,
        "description": doc.description[:400],
        "reason": search.reason(hit, place, days),
        "distance_km": None if hit.distance_km is None else round(hit.distance_km, 1),
        "minimum_age": whole(doc.minimum_age),
        "maximum_age": whole(doc.maximum_age),
        "free": doc.free,
        "url": doc.url,
        "phone": doc.phone,
        "text": doc.text,
        "sms": doc.sms,
        "address": doc.address,
        "schedule": doc.schedule_text,
        "taxonomy_terms": [search.terms[t].name for t in doc.term_ids if t in search.terms],
        "online": doc.online,
        "related": related,
        "sample": doc.sample,
    }


@router.get(
    "/places/resolve",
    response_model=PlacePublic,
    summary="A place name or postcode to a point",
    responses={404: {"model": PlaceNotFoundError, "description": "Not found, with the closest suggestions"}},
)
async def resolve_place(search: LoopSearchDep, q: Annotated[str, Query(min_length=1, max_length=100)]):
    try:
        return search.gazetteer.resolve(q).as_dict()
    except PlaceNotFound as exc:
        return JSONResponse(status_code=404, content={"detail": str(exc), "suggestions": exc.suggestions})


@router.get("/interests/resolve", response_model=InterestResolution, summary="Words to taxonomy terms")
async def resolve_interests(search: LoopSearchDep, q: Annotated[str, Query(min_length=1, max_length=300)]):
    found = search.matcher.find(q)
    unknown: list[str] = []
    suggestions = []
    if not found.terms:
        resolved = search.matcher.resolve([part for part in q.replace(" and ", ",").split(",")])
        found.terms, unknown, suggestions = resolved.terms, resolved.unknown, resolved.suggestions
    return {
        "terms": [t.public() for t in found.terms],
        "unknown": unknown,
        "suggestions": [t.public() for t in suggestions],
    }


@router.get(
    "/understand",
    response_model=Understanding,
    summary="Every fact in one chat message",
    description=(
        "The reading behind `/recommendations?q=`, for a chat turn: age, interests (and interests turned down), "
        "place, free, days and what could not be placed. `expect` names the question the message answers, so a "
        "bare '16' is an age and a bare 'Kirkdale' a place; inside a sentence the same words are read as a search "
        "reads them. Interests and places are the directory's data: a synonym staff add is understood at once."
    ),
)
async def understand_message(
    search: LoopSearchDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="What the person typed.")],
    expect: Annotated[
        str | None, Query(pattern="^(" + "|".join(EXPECTS) + ")$", description="The question just asked.")
    ] = None,
):
    return understand(q, search.matcher, search.gazetteer, expect).as_dict()


@router.get("/health", response_model=Health, responses={503: {"model": Health, "description": "The database is down"}})
def health(session: SessionDep, search: SearchDep):
    try:
        session.execute(text("SELECT 1"))
        database = "ok"
    except Exception:  # noqa: BLE001 - health reports, it must not raise
        database = "unavailable"
    body = {
        "status": "ok" if database == "ok" else "degraded",
        "database": database,
        "services_indexed": len(search.index),
    }
    return JSONResponse(status_code=200 if database == "ok" else 503, content=body)
