"""JSON-Schema validators built once per schema and process: Rasa's jsonschema.validate() re-checks
its constant schemas against the meta-schema at every call (profiled: action responses under load,
entity annotations in rasa train). Used by rasa_ext.action_validation and
rasa_ext.training_data_validation."""
import json
from typing import Any, Dict, Text

from jsonschema import validators

_validators: Dict[str, Any] = {}


def schema_validator(schema: Dict[Text, Any]):
    """The validator of `schema`, the schema itself checked once."""
    # Rasa builds a new (equal) schema dict at each call: the key is its content.
    key = json.dumps(schema, sort_keys=True, default=str)
    validator = _validators.get(key)
    if validator is None:
        validator_class = validators.validator_for(schema)
        validator_class.check_schema(schema)
        validator = _validators[key] = validator_class(schema)
    return validator
