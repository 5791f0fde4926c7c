"""Dependencies: one session per request, the search engine, and validated path ids."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from directory import models
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


def valid_service_id(session: SessionDep, id: Annotated[str, Path(max_length=100)]) -> models.Service:
    service = session.scalars(
        select(models.Service)
        .where(models.Service.id == id, models.Service.deleted_at.is_(None))
        .options(*service_load_options())
    ).first()
    if service is None:
        raise ServiceNotFound(id)
    return service


ValidService = Annotated[models.Service, Depends(valid_service_id)]
