"""Dependencies: one session per request, the search engine, and validated path ids."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from directory import auth, models
from directory.api.errors import ServiceNotFound
from directory.search.engine import SearchEngine, service_load_options
from directory.settings import Settings


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


def get_engine(request: Request) -> SearchEngine:
    return request.app.state.search


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SessionDep = Annotated[Session, Depends(get_session)]
SearchDep = Annotated[SearchEngine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


# The same rule as admin_schemas.Id, so every id the admin API or the importer can store is one
# these paths can look up; anything else is not an id at all (422), rather than an unknown one (404).
ID_PATTERN = r"^[A-Za-z0-9_.:-]+$"
RecordId = Annotated[str, Path(min_length=1, max_length=36, pattern=ID_PATTERN, description="A record id.")]


def valid_service_id(session: SessionDep, id: RecordId) -> models.Service:
    service = session.scalars(
        select(models.Service)
        .where(models.Service.id == id, models.Service.deleted_at.is_(None))
        .options(*service_load_options())
    ).first()
    if service is None:
        raise ServiceNotFound(id)
    return service


ValidService = Annotated[models.Service, Depends(valid_service_id)]


bearer = HTTPBearer(auto_error=False, description="A staff API key: `python -m directory create-key`.")


def client_id(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def current_key(
    request: Request, session: SessionDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> models.ApiKey:
    limiter = request.app.state.auth_limiter
    client = client_id(request)
    wait = limiter.blocked_for(client)
    if wait:
        raise HTTPException(429, "Too many failed attempts; try again later.",
                            headers={"Retry-After": str(int(wait) + 1)})
    key = auth.find_key(session, credentials.credentials) if credentials else None
    if key is None:
        limiter.failed(client)
        raise HTTPException(401, "A valid API key is needed: send 'Authorization: Bearer <key>'.",
                            headers={"WWW-Authenticate": "Bearer"})
    return key


def require_role(*roles: str):
    def check(key: Annotated[models.ApiKey, Depends(current_key)]) -> models.ApiKey:
        if key.role not in roles:
            raise HTTPException(403, f"This needs the {' or '.join(roles)} role; your key is '{key.role}'.")
        return key

    # Read when the OpenAPI document is built: a route some valid keys may not use documents 403.
    check.roles = roles
    return check


CurrentEditor = Annotated[models.ApiKey, Depends(require_role("editor", "admin"))]
CurrentAdmin = Annotated[models.ApiKey, Depends(require_role("admin"))]
