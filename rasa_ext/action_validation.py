"""Validate the action server's responses with a validator built once, not once per call.

Profiling Rasa 3.6 under load (bench/README.md, py-spy) showed much of its CPU in
RemoteAction._validate_action_result: for every call to the action server it runs
jsonschema.validate(result, schema), which first re-checks the schema itself against the
JSON-Schema meta-schema. The schema is a constant, so here it is checked once and the validator
reused; each response is still validated, and an invalid one raises the same ValidationError
with the same message as stock Rasa.

Installed by rasa_ext.patches.install(), with the project's other changes to Rasa.
"""
from typing import Any, Dict, Text

from jsonschema import exceptions
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

from rasa_ext.schemas import schema_validator

# Kept for comparison (tests/stack/test_action_validation.py): taken before install() replaces it.
stock_validate_action_result = RemoteAction._validate_action_result


def response_validator():
    return schema_validator(RemoteAction.action_response_format_spec())


def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    error = exceptions.best_match(response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
