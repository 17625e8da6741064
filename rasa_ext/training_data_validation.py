"""Validate the training data's entity annotations with validators built once, not once per annotation.

Profiling `rasa train` and `rasa data validate` (cProfile) showed a third of their time in
rasa.shared.utils.validation.validate_training_data: for each annotated entity of data/nlu/
(`[métier](profession)`, about 930 of them) it runs jsonschema.validate(data, schema), which first
re-checks the schema itself against the JSON-Schema meta-schema. The schemas are constants, so here
each is checked once and its validator reused; every annotation is still validated, and an invalid
one raises the same SchemaValidationError, with the same message, as stock Rasa.

Installed by rasa_ext.patches.install(), with the project's other changes to Rasa.
"""
from typing import Any, Dict, Text

import rasa.shared.utils.validation as rasa_validation
from jsonschema import exceptions
from rasa.shared.exceptions import SchemaValidationError

from rasa_ext.schemas import schema_validator

# Kept for comparison (tests/unit/test_training_data_validation.py): taken before install() replaces it.
stock_validate_training_data = rasa_validation.validate_training_data


def validate_training_data(json_data: Dict[Text, Any], schema: Dict[Text, Any]) -> None:
    error = exceptions.best_match(schema_validator(schema).iter_errors(json_data))
    if error is None:
        return
    error.message += (
        f". Failed to validate data, make sure your data "
        f"is valid. For more information about the format visit "
        f"{rasa_validation.DOCS_URL_TRAINING_DATA}."
    )
    raise SchemaValidationError.create_from(error) from error


def install() -> None:
    rasa_validation.validate_training_data = validate_training_data
