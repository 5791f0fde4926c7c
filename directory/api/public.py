"""Public, read-only HSDS 3.0 / Open Referral UK endpoints."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from directory import models
from directory.api.deps import RecordId, SearchDep, SessionDep, SettingsDep
from directory.api.errors import NOT_FOUND, BadParameter, NotFound, ServiceNotFound
from directory.api.service_cache import load_services
from directory.geo import PlaceNotFound
from directory.schemas import (
    ApiInfo,
    OrganizationFull,
    OrganizationPublic,
    Page,
    ServiceAtLocationFull,
    ServicePublic,
    TaxonomyPublic,
    TaxonomyTermPublic,
)
from directory.search.engine import SearchEngine, day_mask
from directory.search.index import Query as SearchQuery

router = APIRouter(tags=["Open Referral UK (public, read only)"])
# [0-9], not \d: \d also matches other scripts' digits, which are no time of day.
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"


def _any_case(word: str) -> str:
    # OpenAPI patterns are ECMA-262 regexes without flags, so case-insensitivity is spelled out.
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_TOKENS = sorted(
    {d[:2] for d in _DAY_NAMES} | {d[:3] for d in _DAY_NAMES} | set(_DAY_NAMES) | {d + "s" for d in _DAY_NAMES}
    | {"tues", "weds", "thur", "thurs", "weekend", "weekends", "weekday", "weekdays"},
    key=lambda t: (-len(t), t),  # longest first, so "mondays" is not read as "mon" + junk
)
_DAY_TOKEN = "(" + "|".join(map(_any_case, _DAY_TOKENS)) + ")"
_DAY_ALONE = "(" + "|".join(map(_any_case, ("today", "tonight", "tomorrow"))) + ")"
# The forms day_mask reads, spelled out for the OpenAPI document: HSDS day codes (MO..SU), day names,
# weekend/weekday, in a list; or a relative day alone.
DAY_PATTERN = f"^({_DAY_TOKEN}([, ]+{_DAY_TOKEN})*|{_DAY_ALONE})$"
DAY_HELP = "MO..SU, mon..sun or day names, weekend or weekday (a list, comma- or space-separated), or today."

Day = Annotated[str | None, Query(max_length=80, pattern=DAY_PATTERN, description=DAY_HELP)]
StartTime = Annotated[str | None, Query(pattern=TIME_PATTERN, description="Opens at or after HH:MM (24-hour).")]
EndTime = Annotated[str | None, Query(pattern=TIME_PATTERN, description="Closes at or before HH:MM (24-hour).")]
Proximity = Annotated[
    float | None,
    Query(gt=0, le=200_000, allow_inf_nan=False, description="Metres from the postcode; needs `postcode`."),
]
Postcode = Annotated[str | None, Query(min_length=1, max_length=60, description="Postcode, district or place name.")]
ModifiedAfter = Annotated[
    dt.datetime | None, Query(description="Only services changed at or after this ISO 8601 date-time (UTC if naive).")
]

PageNumber = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
PerPage = Annotated[int, Query(ge=1, le=100, description="Items per page, at most 100.")]


def page_of(items: list, total: int, page: int, per_page: int) -> dict:
    pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": total == 0,
        "contents": items,
    }


def page_json(items: list[bytes], total: int, page: int, per_page: int) -> Response:
    """A Page of already serialised items, the same bytes FastAPI would send for Page[...] (compact JSON,
    Page's field order); returning a Response skips FastAPI re-validating what the cache validated."""
    head = page_of(items, total, page, per_page)
    del head["contents"]
    body = json.dumps(head, separators=(",", ":"))[:-1].encode() + b',"contents":[' + b",".join(items) + b"]}"
    return Response(body, media_type="application/json")


def cached_services(app: FastAPI, ids: list[str]) -> list[bytes]:
    """The public JSON of these services through the cache (in a worker thread: it queries the database)."""
    with app.state.db_engine.connect() as conn:
        return app.state.service_cache.services_json(conn, ids)


async def search_engine(request: Request) -> SearchEngine:
    # async: FastAPI runs a plain `def` dependency in the thread pool, a hop that costs more than
    # the look-up; endpoints that do no blocking I/O use this instead of SearchDep.
    return request.app.state.search


LoopSearchDep = Annotated[SearchEngine, Depends(search_engine)]


@router.get("/", response_model=ApiInfo, summary="About this API (a browser gets the demo page)")
def api_info(request: Request, settings: SettingsDep):
    if "text/html" in request.headers.get("accept", ""):
        return HTMLResponse(request.app.state.demo_page(settings))
    return ApiInfo(
        version="3.0",
        profile="https://openreferraluk.org/",
        openapi_url=str(request.url_for("openapi")),
    )


def service_query(
    search: SearchDep,
    *,
    text: str | None,
    page: int,
    per_page: int,
    taxonomy_term_id: str | None = None,
    taxonomy_id: str | None = None,
    organization_id: str | None = None,
    minimum_age: float | None = None,
    maximum_age: float | None = None,
    age: float | None = None,
    day: str | None = None,
    start_time: str | None = None,
    end_time: str | None = None,
    postcode: str | None = None,
    proximity: float | None = None,
    free: bool = False,
    modified_after: dt.datetime | None = None,
) -> SearchQuery:
    """Turn ORUK query parameters into one search query, with 422s that name the field."""
    q = SearchQuery(
        offset=(page - 1) * per_page,
        limit=per_page,
        free=free,
        age=age,
        min_age_at_least=minimum_age,
        max_age_at_most=maximum_age,
        organization_id=organization_id,
    )
    if text:
        q.tokens, q.boost_term_ids = search.text_query(text)
    if taxonomy_term_id:
        if taxonomy_term_id not in search.terms:
            q.term_ids = {"-none-"}
        else:
            term = search.terms[taxonomy_term_id]
            q.term_ids = {t.id for t in search.matcher.with_children(term)}
    if taxonomy_id:
        ids = {t.id for t in search.terms.values()} if taxonomy_id in search.taxonomy_ids else {"-none-"}
        q.term_ids = q.term_ids & ids if q.term_ids else ids
    if day:
        try:
            q.days = day_mask(day, dt.datetime.now())
        except ValueError as exc:
            raise BadParameter("day", str(exc)) from None
    # The patterns checked the times already: HH:MM[:SS].
    q.start_time, q.end_time = (start_time[:5] if start_time else None), (end_time[:5] if end_time else None)
    if proximity is not None:
        if not postcode:
            raise BadParameter("proximity", "proximity needs a postcode to measure from.")
        q.radius_km = proximity / 1000
    if postcode:
        try:
            place = search.gazetteer.resolve(postcode)
        except PlaceNotFound as exc:
            raise BadParameter("postcode", str(exc), suggestions=exc.suggestions) from None
        q.point = (place.latitude, place.longitude)
        q.include_online = proximity is None
    if modified_after is not None:
        # Naive times are UTC, as everywhere in this directory.
        q.modified_after = modified_after if modified_after.tzinfo else modified_after.replace(tzinfo=dt.UTC)
    return q


@router.get(
    "/services",
    response_model=Page[ServicePublic],
    response_model_exclude_none=True,
    summary="Search and list services",
)
async def list_services(
    request: Request,
    search: LoopSearchDep,
    page: PageNumber = 1,
    per_page: PerPage = 20,
    search_text: Annotated[str | None, Query(alias="search", max_length=500, description="Full text search.")] = None,
    taxonomy_term_id: Annotated[str | None, Query(max_length=100)] = None,
    taxonomy_id: Annotated[str | None, Query(max_length=100)] = None,
    organization_id: Annotated[str | None, Query(max_length=100)] = None,
    minimum_age: Annotated[
        float | None, Query(ge=0, le=130, description="Services whose minimum age is at least this.")
    ] = None,
    maximum_age: Annotated[
        float | None, Query(ge=0, le=130, description="Services whose maximum age is at most this.")
    ] = None,
    age: Annotated[float | None, Query(ge=0, le=130, description="Services open to someone of this age.")] = None,
    day: Day = None,
    start_time: StartTime = None,
    end_time: EndTime = None,
    postcode: Postcode = None,
    proximity: Proximity = None,
    free: Annotated[bool, Query(description="Only services that cost nothing.")] = False,
    modified_after: ModifiedAfter = None,
):
    q = service_query(
        search,
        text=search_text,
        page=page,
        per_page=per_page,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        organization_id=organization_id,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        age=age,
        day=day,
        start_time=start_time,
        end_time=end_time,
        postcode=postcode,
        proximity=proximity,
        free=free,
        modified_after=modified_after,
    )
    # The query and the search are CPU only (a millisecond or so): done here, on the event loop. The
    # database is asked once, in one thread-pool hop, for the page's stamps and any cache misses.
    result = search.search(q)
    items = await run_in_threadpool(cached_services, request.app, [h.doc.id for h in result.hits])
    return page_json(items, result.total, page, per_page)


@router.get(
    "/services/{id}",
    response_model=ServicePublic,
    response_model_exclude_none=True,
    summary="One fully nested service",
    responses=NOT_FOUND,
)
async def get_service(request: Request, id: RecordId):
    items = await run_in_threadpool(cached_services, request.app, [id])
    if not items:
        raise ServiceNotFound(id)
    return Response(items[0], media_type="application/json")


@router.get(
    "/service_at_locations",
    response_model=Page[ServiceAtLocationFull],
    response_model_exclude_none=True,
    summary="Services at their locations",
)
def list_service_at_locations(
    session: SessionDep,
    search: SearchDep,
    page: PageNumber = 1,
    per_page: PerPage = 20,
    search_text: Annotated[str | None, Query(alias="search", max_length=500)] = None,
    taxonomy_term_id: Annotated[str | None, Query(max_length=100)] = None,
    taxonomy_id: Annotated[str | None, Query(max_length=100)] = None,
    minimum_age: Annotated[float | None, Query(ge=0, le=130)] = None,
    maximum_age: Annotated[float | None, Query(ge=0, le=130)] = None,
    day: Day = None,
    start_time: StartTime = None,
    end_time: EndTime = None,
    postcode: Postcode = None,
    proximity: Proximity = None,
):
    q = service_query(
        search,
        text=search_text,
        page=1,
        per_page=10**7,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        day=day,
        start_time=start_time,
        end_time=end_time,
        postcode=postcode,
        proximity=proximity,
    )
    ids = [h.doc.id for h in search.search(q).hits]
    stmt = select(models.ServiceAtLocation).where(models.ServiceAtLocation.service_id.in_(ids)) if ids else None
    if stmt is None:
        return page_of([], 0, page, per_page)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    order = {sid: i for i, sid in enumerate(ids)}
    rows = session.scalars(
        stmt.options(selectinload(models.ServiceAtLocation.location).selectinload(models.Location.addresses))
    ).all()
    rows.sort(key=lambda r: (order[r.service_id], r.id))
    rows = rows[(page - 1) * per_page : page * per_page]
    services = {s.id: s for s in load_services(session, list({r.service_id for r in rows}))}
    items = []
    for row in rows:
        item = ServiceAtLocationFull.model_validate(row)
        item.service = ServicePublic.model_validate(services[row.service_id])
        items.append(item)
    return page_of(items, total, page, per_page)


@router.get(
    "/service_at_locations/{id}",
    response_model=ServiceAtLocationFull,
    response_model_exclude_none=True,
    responses=NOT_FOUND,
)
def get_service_at_location(id: RecordId, session: SessionDep):
    row = session.get(models.ServiceAtLocation, id)
    if row is None or row.service.deleted_at is not None:
        raise NotFound("service_at_location", id)
    item = ServiceAtLocationFull.model_validate(row)
    item.service = ServicePublic.model_validate(load_services(session, [row.service_id])[0])
    return item


@router.get("/organizations", response_model=Page[OrganizationPublic], response_model_exclude_none=True)
def list_organizations(
    session: SessionDep,
    page: PageNumber = 1,
    per_page: PerPage = 20,
    search_text: Annotated[str | None, Query(alias="search", max_length=500)] = None,
):
    stmt = select(models.Organization).where(models.Organization.deleted_at.is_(None))
    if search_text:
        like = f"%{search_text.strip().lower()}%"
        stmt = stmt.where(
            or_(func.lower(models.Organization.name).like(like), func.lower(models.Organization.description).like(like))
        )
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(models.Organization.name, models.Organization.id).offset((page - 1) * per_page).limit(per_page)
    ).all()
    return page_of([OrganizationPublic.model_validate(r) for r in rows], total, page, per_page)


@router.get(
    "/organizations/{id}",
    response_model=OrganizationFull,
    response_model_exclude_none=True,
    responses=NOT_FOUND,
)
def get_organization(id: RecordId, session: SessionDep):
    org = session.get(models.Organization, id)
    if org is None or org.deleted_at is not None:
        raise NotFound("organization", id)
    ids = list(
        session.scalars(
            select(models.Service.id)
            .where(models.Service.organization_id == id, models.Service.deleted_at.is_(None))
            .order_by(models.Service.name)
        )
    )
    out = OrganizationFull(**OrganizationPublic.model_validate(org).model_dump())
    out.services = [ServicePublic.model_validate(s) for s in load_services(session, ids)]
    return out


@router.get("/taxonomies", response_model=Page[TaxonomyPublic], response_model_exclude_none=True)
def list_taxonomies(session: SessionDep, page: PageNumber = 1, per_page: PerPage = 20):
    total = session.scalar(select(func.count(models.Taxonomy.id))) or 0
    rows = session.scalars(
        select(models.Taxonomy).order_by(models.Taxonomy.name).offset((page - 1) * per_page).limit(per_page)
    ).all()
    return page_of([TaxonomyPublic.model_validate(r) for r in rows], total, page, per_page)


@router.get(
    "/taxonomies/{id}",
    response_model=TaxonomyPublic,
    response_model_exclude_none=True,
    responses=NOT_FOUND,
)
def get_taxonomy(id: RecordId, session: SessionDep):
    row = session.get(models.Taxonomy, id)
    if row is None:
        raise NotFound("taxonomy", id)
    return TaxonomyPublic.model_validate(row)


@router.get("/taxonomy_terms", response_model=Page[TaxonomyTermPublic], response_model_exclude_none=True)
def list_taxonomy_terms(
    session: SessionDep,
    page: PageNumber = 1,
    per_page: Annotated[int, Query(ge=1, le=500, description="Items per page, at most 500.")] = 50,
    taxonomy_id: Annotated[str | None, Query(max_length=100)] = None,
    parent_id: Annotated[str | None, Query(max_length=100)] = None,
    top_only: bool = False,
    search_text: Annotated[str | None, Query(alias="search", max_length=200)] = None,
):
    stmt = select(models.TaxonomyTerm)
    if taxonomy_id:
        stmt = stmt.where(models.TaxonomyTerm.taxonomy_id == taxonomy_id)
    if parent_id:
        stmt = stmt.where(models.TaxonomyTerm.parent_id == parent_id)
    if top_only:
        stmt = stmt.where(models.TaxonomyTerm.parent_id.is_(None))
    if search_text:
        stmt = stmt.where(func.lower(models.TaxonomyTerm.name).like(f"%{search_text.strip().lower()}%"))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(models.TaxonomyTerm.name).offset((page - 1) * per_page).limit(per_page)).all()
    return page_of([TaxonomyTermPublic.model_validate(r) for r in rows], total, page, per_page)


@router.get(
    "/taxonomy_terms/{id}",
    response_model=TaxonomyTermPublic,
    response_model_exclude_none=True,
    responses=NOT_FOUND,
)
def get_taxonomy_term(id: RecordId, session: SessionDep):
    row = session.get(models.TaxonomyTerm, id)
    if row is None:
        raise NotFound("taxonomy_term", id)
    return TaxonomyTermPublic.model_validate(row)
