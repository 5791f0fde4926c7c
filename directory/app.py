"""The FastAPI application: public API, recommendations, the demo page and the widget files."""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.types import Receive, Scope, Send

from directory.api import admin, public, recommend
from directory.auth import FailureLimiter
from directory.db import make_engine, session_factory
from directory.geo import load_gazetteer
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


async def write_error(request: Request, exc: WriteError) -> JSONResponse:
    body: dict = {"detail": exc.detail}
    headers = {}
    if exc.current is not None:
        body["current"] = exc.current
    if exc.version is not None:
        headers["ETag"] = f'"v{exc.version}"'
    return JSONResponse(body, status_code=exc.status, headers=headers)


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

    app = FastAPI(
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
    app.state.demo_page = demo_page
    app.state.auth_limiter = FailureLimiter(settings.auth_failures_per_minute, 60.0)
    # Public data: any site may read it. The admin API sends no CORS headers.
    app.add_middleware(PublicCORS, allow_origins=["*"], allow_methods=["GET"], allow_headers=["*"])
    app.add_exception_handler(WriteError, write_error)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        if request.url.path.startswith("/admin"):
            response.headers.update(ADMIN_HEADERS)
        return response

    app.include_router(public.router)
    app.include_router(recommend.router)
    app.include_router(admin.router)
    if WIDGET_DIR.is_dir():
        app.mount("/widget", StaticFiles(directory=WIDGET_DIR), name="widget")
    return app
