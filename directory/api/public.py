"""Public, read-only HSDS 3.0 / Open Referral UK endpoints."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from directory import models
from directory.api.deps import SearchDep, SessionDep, SettingsDep, ValidService
from directory.api.errors import BadParameter, NotFound
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
from directory.search.engine import day_mask, service_load_options
from directory.search.index import Query as SearchQuery

router = APIRouter(tags=["Open Referral UK (public, read only)"])
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")

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
    proximity: str | None = None,
    free: bool = False,
    modified_after: str | None = None,
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
    for name, value in (("start_time", start_time), ("end_time", end_time)):
        if value is not None and not TIME.match(value):
            raise BadParameter(name, "Use a 24-hour time like 18:00.")
    q.start_time, q.end_time = (start_time[:5] if start_time else None), (end_time[:5] if end_time else None)
    if proximity is not None:
        try:
            metres = float(proximity)
        except ValueError:
            raise BadParameter("proximity", "proximity is a distance in metres, like 2000.") from None
        if not math.isfinite(metres) or metres <= 0 or metres > 200_000:
            raise BadParameter("proximity", "proximity must be between 1 and 200000 metres.")
        if not postcode:
            raise BadParameter("proximity", "proximity needs a postcode to measure from.")
        q.radius_km = metres / 1000
    if postcode:
        try:
            place = search.gazetteer.resolve(postcode)
        except PlaceNotFound as exc:
            raise BadParameter("postcode", str(exc), suggestions=exc.suggestions) from None
        q.point = (place.latitude, place.longitude)
        q.include_online = proximity is None
    if modified_after:
        try:
            when = dt.datetime.fromisoformat(modified_after.replace("Z", "+00:00"))
        except ValueError:
            raise BadParameter("modified_after", "Use an ISO 8601 date-time like 2026-01-31T00:00:00Z.") from None
        # Naive times are UTC, as everywhere in this directory.
        q.modified_after = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return q


def load_services(session: SessionDep, ids: list[str]) -> list[models.Service]:
    if not ids:
        return []
    rows = session.scalars(
        select(models.Service)
        .where(models.Service.id.in_(ids))
        .options(
            *service_load_options(),
            selectinload(models.Service.languages),
            selectinload(models.Service.contacts),
        )
    ).all()
    by_id = {s.id: s for s in rows}
    return [by_id[i] for i in ids if i in by_id]


@router.get(
    "/services",
    response_model=Page[ServicePublic],
    response_model_exclude_none=True,
    summary="Search and list services",
)
def list_services(
    session: SessionDep,
    search: SearchDep,
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
    day: Annotated[str | None, Query(max_length=40, description="MO..SU, a day name, weekend or weekday.")] = None,
    start_time: Annotated[str | None, Query(max_length=8, description="Opens at or after HH:MM.")] = None,
    end_time: Annotated[str | None, Query(max_length=8, description="Closes at or before HH:MM.")] = None,
    postcode: Annotated[str | None, Query(max_length=60, description="Postcode, district or place name.")] = None,
    proximity: Annotated[str | None, Query(max_length=20, description="Metres from the postcode.")] = None,
    free: Annotated[bool, Query(description="Only services that cost nothing.")] = False,
    modified_after: Annotated[str | None, Query(max_length=40)] = None,
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
    result = search.search(q)
    services = load_services(session, [h.doc.id for h in result.hits])
    items = [ServicePublic.model_validate(s) for s in services]
    return page_of(items, result.total, page, per_page)


@router.get(
    "/services/{id}",
    response_model=ServicePublic,
    response_model_exclude_none=True,
    summary="One fully nested service",
    responses={404: {"description": "No such service"}},
)
def get_service(service: ValidService, session: SessionDep):
    return ServicePublic.model_validate(load_services(session, [service.id])[0])


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
    day: Annotated[str | None, Query(max_length=40)] = None,
    start_time: Annotated[str | None, Query(max_length=8)] = None,
    end_time: Annotated[str | None, Query(max_length=8)] = None,
    postcode: Annotated[str | None, Query(max_length=60)] = None,
    proximity: Annotated[str | None, Query(max_length=20)] = None,
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
    responses={404: {"description": "Not found"}},
)
def get_service_at_location(id: str, session: SessionDep):
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
    responses={404: {"description": "Not found"}},
)
def get_organization(id: str, session: SessionDep):
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
    responses={404: {"description": "Not found"}},
)
def get_taxonomy(id: str, session: SessionDep):
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
    responses={404: {"description": "Not found"}},
)
def get_taxonomy_term(id: str, session: SessionDep):
    row = session.get(models.TaxonomyTerm, id)
    if row is None:
        raise NotFound("taxonomy_term", id)
    return TaxonomyTermPublic.model_validate(row)
