"""The FastAPI application: public API, recommendations, the demo page and the widget files."""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import TypeAdapter
from sqlalchemy import Engine
from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from directory.api import admin, public, recommend
from directory.api.errors import ADMIN_ERRORS, FRIENDLY_PATTERN_MESSAGES, FieldErrors
from directory.api.service_cache import ServiceCache
from directory.auth import failure_limiter
from directory.db import make_engine, session_factory
from directory.geo import load_gazetteer
from directory.schemas import AuditEventOut, ImportReport, ReviewQueue
from directory.search.engine import SearchEngine
from directory.settings import PROJECT_ROOT, Settings, get_settings
from directory.writes import WriteError

log = logging.getLogger(__name__)
WIDGET_DIR = PROJECT_ROOT / "bot" / "widget"


def demo_page(settings: Settings) -> str:
    bot = html.escape(settings.bot_url, quote=True)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Find Your Place</title>
<style>body{{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#1b1b1b}}
h1{{color:#4b2a85}}</style></head>
<body><main><h1>Find Your Place</h1>
<p>Clubs, teams and groups in Liverpool where you can belong: sport, music, drama, art, gaming, coding,
LGBTQ+ groups, youth clubs and more. Parents and carers can ask where to get help.</p>
<p>Open the chat in the corner to start. If you need help right now, use <strong>Need help now?</strong></p>
<p><small>Local listings here are sample data for demonstration.</small></p></main>
<script src="/widget/widget.js" data-bot-url="{bot}" defer></script>
</body></html>"""


async def _poll_index(app: FastAPI, seconds: float) -> None:
    """Writes made by other processes reach this index within `seconds`."""
    while True:
        await asyncio.sleep(seconds)
        try:
            await asyncio.to_thread(_refresh, app)
        except Exception:
            log.warning("index refresh failed; retrying in %.0fs", seconds, exc_info=True)


def _refresh(app: FastAPI) -> None:
    with app.state.sessions() as session:
        changed = app.state.search.refresh(session)
    if changed:
        log.info("index refreshed: %d services changed", changed)


class PublicCORS(CORSMiddleware):
    """CORS `*` for the public read API; none at all for /admin (a browser on another site gets nothing)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/admin"):
            await self.app(scope, receive, send)
        else:
            await super().__call__(scope, receive, send)


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
ADMIN_HEADERS = {"Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'"}
# The API docs load only from this server: ReDoc's footer would fetch its maker's logo from a CDN.
DOCS_PATHS = ("/docs", "/redoc")
DOCS_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' "
    "'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'"
}


class SecurityHeaders:
    """SECURITY_HEADERS on every HTTP response, ADMIN_HEADERS on /admin ones and DOCS_HEADERS on the API docs,
    replacing any the route set. A plain ASGI middleware, not `@app.middleware("http")`: that one (BaseHTTPMiddleware)
    runs each request in an extra task with a memory stream for the body, a cost paid on every request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.public = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
        self.admin = self.public + [(k.lower().encode(), v.encode()) for k, v in ADMIN_HEADERS.items()]
        self.docs = self.public + [(k.lower().encode(), v.encode()) for k, v in DOCS_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        extra = self.admin if path.startswith("/admin") else self.docs if path in DOCS_PATHS else self.public
        names = {name for name, _ in extra}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # Replace, as MutableHeaders.update did: drop any value the response set for these names.
                headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in names]
                message = {**message, "headers": headers + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """The database is down or restarting: a 503 a client can retry, not a 500. pool_pre_ping
    reconnects on the next request once the server is back (tests/cluster/test_postgres_restart.py)."""
    # The type only: a driver's message can quote the statement and its parameters.
    log.warning("database unavailable (%s) for %s %s", type(exc).__name__, request.method, request.url.path)
    return JSONResponse({"detail": "The directory's database is unavailable just now; try again in a few seconds."},
                        status_code=503, headers={"Retry-After": "5"})


async def write_error(request: Request, exc: WriteError) -> JSONResponse:
    body: dict = {"detail": exc.detail}
    headers = {}
    if exc.current is not None:
        body["current"] = exc.current
    if exc.version is not None:
        headers["ETag"] = f'"v{exc.version}"'
    return JSONResponse(body, status_code=exc.status, headers=headers)


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422, except that a pattern mismatch on a documented field says what to send
    instead of quoting the regex."""
    errors = jsonable_encoder(exc.errors())
    for err in errors:
        field = err.get("loc", [None])[-1]
        if err.get("type") == "string_pattern_mismatch" and field in FRIENDLY_PATTERN_MESSAGES:
            err["msg"] = FRIENDLY_PATTERN_MESSAGES[field]
            err.pop("ctx", None)
    return JSONResponse({"detail": errors}, status_code=422)


# Admin handlers that build their own JSON: the shape of their 200 for the OpenAPI document.
ADMIN_BODIES: dict[str, object] = {
    "list_audit": list[AuditEventOut],
    "review_queue": ReviewQueue,
    "import_services": ImportReport,
}
# Creating an id that exists, and purging too early, are conflicts (writes.Conflict).
ADMIN_CONFLICTS = {"create_service", "create_organization", "create_location", "create_taxonomy_term", "delete_service"}


def _roles(dependant: Dependant) -> set[str] | None:
    for dep in dependant.dependencies:
        roles = getattr(dep.call, "roles", None)
        if roles is not None:
            return set(roles)
        if (found := _roles(dep)) is not None:
            return found
    return None


def admin_statuses(route: APIRoute) -> set[int]:
    """What an admin route can answer besides success and 422, read from the route itself."""
    codes = {401, 429}
    if route.body_field is not None:
        codes.add(400)  # a body that is not UTF-8 cannot even be parsed
    roles = _roles(route.dependant)
    if roles is not None and "editor" not in roles:
        codes.add(403)
    if "{id}" in route.path:
        codes.add(404)
    if "if-match" in {p.alias.lower() for p in route.dependant.header_params}:
        codes |= {412, 428}
    if route.methods - {"GET"} and route.name != "import_services":
        codes.add(412)  # any write can meet a concurrent one
    if route.name in ADMIN_CONFLICTS:
        codes.add(409)
    return codes


def _schema(doc: dict, type_: object) -> dict:
    """The JSON schema of a type for this document: nested models go to components.schemas."""
    schema = TypeAdapter(type_).json_schema(mode="serialization", ref_template="#/components/schemas/{model}")
    doc.setdefault("components", {}).setdefault("schemas", {}).update(schema.pop("$defs", {}))
    return schema


def document_admin_responses(doc: dict, routes: list) -> dict:
    """Give every admin route its error statuses and bodies in the OpenAPI document, so clients
    (and the fuzz suite, which checks every response against it) know what can come back.
    Done on the document because FastAPI builds it from routes it no longer exposes for editing."""

    def document(route: APIRoute, status: int, description: str, model: object | None) -> None:
        for method in route.methods:
            responses = doc["paths"][route.path][method.lower()]["responses"]
            entry: dict = {"description": description}
            if model is not None:
                entry["content"] = {"application/json": {"schema": _schema(doc, model)}}
            responses[str(status)] = entry

    for route in routes:
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        for status in sorted(admin_statuses(route)):
            model, description = ADMIN_ERRORS[status]
            document(route, status, description, model)
        if route.name in ADMIN_BODIES:
            document(route, 200, "Success", ADMIN_BODIES[route.name])
        if route.name == "import_services":
            document(route, 422, "Bad parameters, or the file's errors (nothing was written)",
                     FieldErrors | ImportReport)
        if route.name == "delete_service":
            document(route, 204, "Purged for good (purge=true)", None)
    return doc


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = engine or make_engine(settings.database_url)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with app.state.sessions() as session:
            app.state.search.load(session)
        task = asyncio.create_task(_poll_index(app, settings.index_poll_seconds))
        yield
        task.cancel()

    # Swagger UI and ReDoc from a package that ships them: staff on a network that blocks CDNs still see
    # the docs, and no visit to them tells a third party.
    app = FastAPIOffline(
        title="Find Your Place directory",
        version="1.0.0",
        description="Open Referral UK (HSDS 3.0) directory of activities and support for young people "
        "in Liverpool, with recommendations. Local listings are sample data.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.db_engine = engine
    app.state.sessions = session_factory(engine)
    app.state.search = SearchEngine(load_gazetteer(Path(settings.geo_dir)))
    app.state.service_cache = ServiceCache(settings.service_cache_entries)
    app.state.demo_page = demo_page
    app.state.auth_limiter = failure_limiter(settings.auth_failures_per_minute, settings.redis_url)
    # Public data: any site may read it. The admin API sends no CORS headers.
    app.add_middleware(PublicCORS, allow_origins=["*"], allow_methods=["GET"], allow_headers=["*"])
    app.add_exception_handler(WriteError, write_error)
    app.add_exception_handler(OperationalError, database_unavailable)
    app.add_exception_handler(InterfaceError, database_unavailable)
    app.add_exception_handler(RequestValidationError, validation_error)

    # Added after PublicCORS, so outside it: CORS preflight answers get these headers too.
    app.add_middleware(SecurityHeaders)

    app.include_router(public.router)
    app.include_router(recommend.router)
    app.include_router(admin.router)

    def openapi() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = document_admin_responses(FastAPI.openapi(app), admin.router.routes)
        return app.openapi_schema

    app.openapi = openapi
    if WIDGET_DIR.is_dir():
        app.mount("/widget", StaticFiles(directory=WIDGET_DIR), name="widget")
    return app
