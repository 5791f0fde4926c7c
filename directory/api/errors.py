"""Errors the API raises, each carrying its status and a message for people, and the shapes of
their bodies as the OpenAPI document shows them (so a client, and the fuzzer, can rely on them)."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, status
from pydantic import BaseModel, ConfigDict, Field


class NotFound(HTTPException):
    def __init__(self, kind: str, ident: str):
        super().__init__(status.HTTP_404_NOT_FOUND, f"No {kind} with id '{ident}'.")


class ServiceNotFound(NotFound):
    def __init__(self, ident: str):
        super().__init__("service", ident)


class BadParameter(HTTPException):
    """422 in FastAPI's own shape, so clients see one error format: the field and what is wrong."""

    def __init__(self, field: str, message: str, **extra):
        detail = [{"loc": ["query", field], "msg": message, "type": "value_error", **extra}]
        super().__init__(422, detail)


# -- bodies -------------------------------------------------------------------------------------
class ErrorMessage(BaseModel):
    """Most errors: one sentence for people."""

    detail: str


class FieldError(BaseModel):
    # Extra keys (pydantic's `input`, `ctx`, our `suggestions`) ride along.
    model_config = ConfigDict(extra="allow")

    loc: list[str | int]
    msg: str
    type: str


class FieldErrors(BaseModel):
    """422: which field is wrong and why (FastAPI's validation shape)."""

    detail: list[FieldError]


class PlaceNotFoundError(BaseModel):
    detail: str
    suggestions: list[str] = Field(description="The closest place names we know.")


class StaleWriteError(BaseModel):
    """412: someone else changed the record; here is what it is now (its ETag is in the header)."""

    detail: str
    current: dict[str, Any] | None = None


# Statuses only the admin API gives, with what each means there.
ADMIN_ERRORS: dict[int, tuple[type[BaseModel] | None, str]] = {
    400: (ErrorMessage, "The body could not be read at all (not UTF-8)."),
    401: (ErrorMessage, "No API key, or not a valid one (send 'Authorization: Bearer <key>')."),
    403: (ErrorMessage, "The key's role may not do this."),
    404: (ErrorMessage, "No such record."),
    409: (ErrorMessage, "A record with this id exists already, or it cannot be purged yet."),
    412: (StaleWriteError, "The record changed since your If-Match version: reload it and apply your change again."),
    428: (ErrorMessage, "If-Match is missing or is not an ETag from a GET."),
    429: (ErrorMessage, "Too many failed key checks from this client; wait for Retry-After seconds."),
}
NOT_FOUND = {404: {"model": ErrorMessage, "description": "No record with this id."}}

# Said instead of "String should match pattern '<regex>'" when a documented field's pattern fails.
FRIENDLY_PATTERN_MESSAGES = {
    "day": "Use MO..SU, mon..sun, a day name, weekend, weekday or today (a list may be comma-separated).",
    "start_time": "Use a 24-hour time like 18:00.",
    "end_time": "Use a 24-hour time like 18:00.",
    "id": "An id is 1 to 36 letters, digits and . _ : - characters.",
}
