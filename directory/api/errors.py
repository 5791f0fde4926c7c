"""Errors the API raises, each carrying its status and a message for people."""

from fastapi import HTTPException, status


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
