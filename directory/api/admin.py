"""The admin API for staff: keys and roles, audited writes with optimistic concurrency,
soft delete and restore, import and export, and the review queue."""


import datetime as dt
import re
from typing import Annotated

from fastapi import APIRouter, Body, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from directory import audit, models, review, writes
from directory.admin_schemas import (
    AssureIn,
    LocationIn,
    LocationPatch,
    OrganizationIn,
    OrganizationPatch,
    ServiceCreate,
    ServicePatch,
    TaxonomyTermIn,
    TaxonomyTermPatch,
)
from directory.api.deps import CurrentAdmin, CurrentEditor, SearchDep, SessionDep, SettingsDep
from directory.exporters import FORMATS, export_stream
from directory.importers import bulk
from directory.schemas import LocationPublic, OrganizationPublic, ServicePublic, TaxonomyTermPublic

router = APIRouter(prefix="/admin", tags=["Admin (staff, API key)"])
IfMatch = Annotated[str | None, Header(description='The ETag from your last GET, e.g. "v3". Required.')]
ETAG = re.compile(r'^(?:W/)?"?v?(\d+)"?$')


def etag(version: int) -> str:
    return f'"v{version}"'


def required_version(if_match: str | None) -> int:
    if not if_match:
        raise writes.PreconditionRequired("Send If-Match with the ETag from your last GET, so no one's change is lost.")
    m = ETAG.match(if_match.strip())
    if not m:
        raise writes.PreconditionRequired('If-Match must be the ETag from a GET, like "v3" (not *).')
    return int(m.group(1))


def respond(obj: models.Base, status: int = 200, extra: dict | None = None) -> JSONResponse:
    body = writes.snapshot(obj)
    if extra:
        body.update(extra)
    return JSONResponse(body, status_code=status, headers={"ETag": etag(obj.version)})


def reindex(request: Request, session: Session, service_ids: list[str]) -> None:
    """After commit: this process's index reflects the write at once."""
    engine = request.app.state.search
    for sid in service_ids:
        engine.apply_write(session, sid)


def commit(session: Session) -> None:
    session.commit()


# -- services ------------------------------------------------------------------------------
@router.post("/services", status_code=201, response_model=ServicePublic, summary="Create a service (editor)")
def create_service(request: Request, session: SessionDep, key: CurrentEditor, payload: ServiceCreate):
    service = writes.save_service(session, payload, key_name=key.name)
    commit(session)
    reindex(request, session, [service.id])
    return respond(service, 201)


@router.get("/services/{id}", response_model=ServicePublic, summary="A service with its ETag and audit metadata")
def get_service(id: str, session: SessionDep, key: CurrentEditor, include_deleted: bool = True):
    service = session.get(models.Service, id)
    if service is None:
        raise writes.NotFound(f"No service with id '{id}'.")
    return respond(service, extra={"metadata": audit.metadata_for(session, id),
                                   "deleted_at": service.deleted_at.isoformat() if service.deleted_at else None})


@router.put("/services/{id}", response_model=ServicePublic, summary="Replace a service (editor, If-Match)")
def replace_service(request: Request, id: str, session: SessionDep, key: CurrentEditor, payload: ServiceCreate,
                    if_match: IfMatch = None):
    version = required_version(if_match)
    service = writes.save_service(session, payload, key_name=key.name, service_id=id, expected_version=version)
    commit(session)
    reindex(request, session, [id])
    return respond(service)


@router.patch("/services/{id}", response_model=ServicePublic, summary="Change some fields (editor, If-Match)")
def patch_service(request: Request, id: str, session: SessionDep, key: CurrentEditor, patch: ServicePatch,
                  if_match: IfMatch = None):
    version = required_version(if_match)
    current = session.get(models.Service, id)
    if current is None or current.deleted_at is not None:
        raise writes.NotFound(f"No service with id '{id}'.")
    merged = writes.snapshot(current) | patch.model_dump(mode="json", exclude_unset=True)
    payload = bulk.validate_service(merged, loc=("body",))
    service = writes.save_service(session, payload, key_name=key.name, service_id=id, expected_version=version)
    commit(session)
    reindex(request, session, [id])
    return respond(service)


@router.delete("/services/{id}", summary="Soft delete (admin, If-Match); purge=true removes it for good")
def delete_service(request: Request, id: str, session: SessionDep, key: CurrentAdmin, settings: SettingsDep,
                   if_match: IfMatch = None, purge: bool = False):
    if purge:
        writes.purge(session, id, key_name=key.name, retention_days=settings.hard_delete_days)
        commit(session)
        reindex(request, session, [id])
        return Response(status_code=204)
    service = writes.set_deleted(session, id, deleted=True, key_name=key.name,
                                 expected_version=required_version(if_match))
    commit(session)
    reindex(request, session, [id])
    return respond(service)


@router.post("/services/{id}/restore", response_model=ServicePublic, summary="Undo a soft delete (admin)")
def restore_service(request: Request, id: str, session: SessionDep, key: CurrentAdmin):
    service = writes.set_deleted(session, id, deleted=False, key_name=key.name, expected_version=None)
    commit(session)
    reindex(request, session, [id])
    return respond(service)


@router.post("/services/{id}/assure", response_model=ServicePublic, summary="Mark a service checked (editor)")
def assure_service(request: Request, id: str, session: SessionDep, key: CurrentEditor,
                   body: Annotated[AssureIn | None, Body()] = None):
    body = body or AssureIn()
    service = writes.assure(session, id, key_name=key.name, assurer_email=body.assurer_email,
                            assured_date=body.assured_date)
    commit(session)
    reindex(request, session, [id])
    return respond(service)


# -- organizations, locations, taxonomy terms --------------------------------------------------
def _simple_routes(path: str, model: type[models.Base], kind: str, create_schema, patch_schema, public_schema,
                   deletable: bool) -> None:
    @router.post(f"/{path}", status_code=201, response_model=public_schema, summary=f"Create a {kind} (editor)",
                 name=f"create_{kind}")
    def create(request: Request, session: SessionDep, key: CurrentEditor, payload: create_schema):
        if kind == "taxonomy_term":
            _check_parent(session, payload.parent_id)
        obj, touched = writes.save_simple(session, model, kind, payload, key_name=key.name, ident=payload.id,
                                          extra=_term_extra(session) if kind == "taxonomy_term" else None)
        commit(session)
        _after(request, session, kind, touched)
        return respond(obj, 201)

    @router.get(f"/{path}/{{id}}", response_model=public_schema, summary=f"A {kind} with its ETag",
                name=f"get_{kind}")
    def get(id: str, session: SessionDep, key: CurrentEditor):
        obj = session.get(model, id)
        if obj is None:
            raise writes.NotFound(f"No {kind} with id '{id}'.")
        return respond(obj)

    @router.put(f"/{path}/{{id}}", response_model=public_schema, summary=f"Replace a {kind} (editor, If-Match)",
                name=f"replace_{kind}")
    def replace(request: Request, id: str, session: SessionDep, key: CurrentEditor, payload: create_schema,
                if_match: IfMatch = None):
        version = required_version(if_match)
        if kind == "taxonomy_term":
            _check_parent(session, payload.parent_id, id)
        obj, touched = writes.save_simple(session, model, kind, payload, key_name=key.name, ident=id,
                                          expected_version=version)
        commit(session)
        _after(request, session, kind, touched)
        return respond(obj)

    @router.patch(f"/{path}/{{id}}", response_model=public_schema, summary=f"Change a {kind} (editor, If-Match)",
                  name=f"patch_{kind}")
    def patch(request: Request, id: str, session: SessionDep, key: CurrentEditor, payload: patch_schema,
              if_match: IfMatch = None):
        version = required_version(if_match)
        if kind == "taxonomy_term" and "parent_id" in payload.model_fields_set:
            _check_parent(session, payload.parent_id, id)
        obj, touched = writes.save_simple(session, model, kind, payload, key_name=key.name, ident=id,
                                          expected_version=version, partial=True)
        commit(session)
        _after(request, session, kind, touched)
        return respond(obj)

    if deletable:
        @router.delete(f"/{path}/{{id}}", response_model=public_schema, summary=f"Soft delete a {kind} (admin)",
                       name=f"delete_{kind}")
        def delete(request: Request, id: str, session: SessionDep, key: CurrentAdmin, if_match: IfMatch = None):
            obj, touched = writes.delete_simple(session, model, kind, id, key_name=key.name,
                                                expected_version=required_version(if_match))
            commit(session)
            _after(request, session, kind, touched)
            return respond(obj)

        @router.post(f"/{path}/{{id}}/restore", response_model=public_schema, summary=f"Restore a {kind} (admin)",
                     name=f"restore_{kind}")
        def restore(request: Request, id: str, session: SessionDep, key: CurrentAdmin):
            obj, touched = writes.delete_simple(session, model, kind, id, key_name=key.name, expected_version=None,
                                                deleted=False)
            commit(session)
            _after(request, session, kind, touched)
            return respond(obj)


def _after(request: Request, session: Session, kind: str, touched: list[str]) -> None:
    if kind == "taxonomy_term":
        request.app.state.search.load_terms(session)
    reindex(request, session, touched)


def _check_parent(session: Session, parent_id: str | None, own_id: str | None = None) -> None:
    if parent_id is None:
        return
    if parent_id == own_id or session.get(models.TaxonomyTerm, parent_id) is None:
        raise writes.Invalid([writes.error(("body", "parent_id"), f"no other taxonomy term '{parent_id}'")])


def _term_extra(session: Session) -> dict:
    taxonomy = session.scalars(select(models.Taxonomy).order_by(models.Taxonomy.id).limit(1)).first()
    return {"taxonomy_id": taxonomy.id, "taxonomy": taxonomy.name} if taxonomy else {}


_simple_routes("organizations", models.Organization, "organization", OrganizationIn, OrganizationPatch,
               OrganizationPublic, True)
_simple_routes("locations", models.Location, "location", LocationIn, LocationPatch, LocationPublic, True)
_simple_routes("taxonomy_terms", models.TaxonomyTerm, "taxonomy_term", TaxonomyTermIn, TaxonomyTermPatch,
               TaxonomyTermPublic, False)


# Bounded: an offset past a 64-bit integer is an OverflowError in SQLite's driver, not an empty page.
Offset = Annotated[int, Query(ge=0, le=1_000_000_000)]


# -- audit, review, import, export ---------------------------------------------------------------
@router.get("/audit", summary="The audit trail, newest first (admin)")
def list_audit(session: SessionDep, key: CurrentAdmin,
               resource_id: Annotated[str | None, Query(max_length=36)] = None,
               since: dt.datetime | None = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 100,
               offset: Offset = 0):
    if since is not None and since.tzinfo is not None:
        since = since.astimezone(dt.UTC).replace(tzinfo=None)
    rows = audit.events(session, resource_id=resource_id, since=since, limit=limit, offset=offset)
    return [{"id": r.id, "at": r.at.isoformat() + "Z", "key_name": r.key_name, "action": r.action,
             "resource_type": r.resource_type, "resource_id": r.resource_id, "before": r.before, "after": r.after}
            for r in rows]


@router.get("/review", summary="Services due for checking: never assured or assured too long ago (editor)")
def review_queue(session: SessionDep, key: CurrentEditor, settings: SettingsDep,
                 limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Offset = 0):
    return review.queue(session, settings.review_days, limit=limit, offset=offset)


@router.post("/import", summary="Import HSDS JSON, NDJSON or CSV (admin); dry_run reports and writes nothing")
async def import_services(request: Request, session: SessionDep, key: CurrentAdmin, search: SearchDep,
                          dry_run: bool = False, allow_duplicates: bool = False,
                          format: Annotated[str | None, Query(pattern="^(json|ndjson|csv)$")] = None):
    raw = await request.body()
    fmt = format or bulk.sniff_format(request.headers.get("content-type", ""), raw)

    def run() -> bulk.ImportReport:
        report = bulk.import_bytes(session, raw, fmt, key_name=key.name, dry_run=dry_run,
                                   allow_duplicates=allow_duplicates)
        if not dry_run and report.ok:
            reindex(request, session, report.written_ids)
        return report

    # An import takes seconds to minutes of blocking database work: on the event loop it would stall
    # every other request this replica serves, the public API and the bot's included.
    report = await run_in_threadpool(run)
    return JSONResponse(report.as_dict(), status_code=200 if report.ok or dry_run else 422)


@router.get("/export", summary="Stream every service (admin): json, ndjson or csv")
def export(request: Request, key: CurrentAdmin,
           format: Annotated[str, Query(pattern="^(json|ndjson|csv)$")] = "json", include_deleted: bool = False):
    media, suffix = FORMATS[format]
    return StreamingResponse(
        export_stream(request.app.state.sessions, format, include_deleted=include_deleted), media_type=media,
        headers={"Content-Disposition": f'attachment; filename="directory-export.{suffix}"'},
    )
