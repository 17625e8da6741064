"""Experiment for `make bench` only (variant "ours_schema_once"); the assistant never loads this.

Profiling Rasa under load (py-spy, bench/README.md) shows ~25 % of its CPU in
RemoteAction._validate_action_result: for every call to the action server, Rasa 3.6 runs
jsonschema.validate(result, schema), which first re-checks the schema itself against the
Draft 2020-12 meta-schema. Here the validator is built once per schema; the validation of each
response is unchanged (same errors). bench/run.py puts this directory first on PYTHONPATH for
that variant, so the gain is measured in the same run as the unchanged assistant.
"""
import json

import jsonschema
from jsonschema import exceptions, validators

_original_validate = jsonschema.validate
_validators = {}


def validate(instance, schema, cls=None, *args, **kwargs):
    if args or kwargs:
        return _original_validate(instance, schema, cls, *args, **kwargs)
    key = (json.dumps(schema, sort_keys=True, default=str), cls)
    validator = _validators.get(key)
    if validator is None:
        validator_class = cls or validators.validator_for(schema)
        validator_class.check_schema(schema)
        validator = _validators[key] = validator_class(schema)
    error = exceptions.best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


jsonschema.validate = validate
