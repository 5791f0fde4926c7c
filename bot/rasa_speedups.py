"""Cheaper ways for Rasa 3.6 to do what it already does, installed when the
Rasa process imports our channel (bot/channels.py, named in credentials.yml).

Rasa checks every action server reply with `jsonschema.validate`, which first
checks the *schema itself* against its meta-schema and builds a new validator:
under load that was a third of all the Rasa process's CPU. The schema is a
constant, so here it is checked once and its validator reused. What is
accepted, what is rejected, and the error raised (the same `best_match`
ValidationError, with Rasa's hint appended to its message) stay as they were;
tests/bot/test_rasa_speedups.py compares the two on the same replies.
"""

from __future__ import annotations

import logging
from typing import Any

from jsonschema import exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

logger = logging.getLogger(__name__)

# Rasa's own method, kept for the tests to compare against.
ORIGINAL_VALIDATE_ACTION_RESULT = RemoteAction._validate_action_result

# Word for word what Rasa 3.6 appends (rasa/core/actions/action.py).
_HINT = (
    f". Failed to validate Action server response from API, "
    f"make sure your response from the Action endpoint is valid. "
    f"For more information about the format visit "
    f"{DOCS_BASE_URL}/custom-actions"
)


def _build_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    # What `jsonschema.validate(result, schema)` would pick: the draft named by `$schema`, else the latest.
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


_VALIDATOR = _build_validator()


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    # best_match, not the first error: the one `jsonschema.validate` raises.
    error = exceptions.best_match(_VALIDATOR.iter_errors(result))
    if error is not None:
        error.message += _HINT
        raise error
    return True


def install() -> None:
    # Idempotent, so a second import (tests, reloads) cannot stack anything.
    if RemoteAction._validate_action_result is not validate_action_result:
        RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
        logger.debug("action server replies are validated with a prebuilt schema validator")


install()
