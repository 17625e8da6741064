"""The entity annotations of the training data are validated as stock Rasa does it, with the schema
checked once (rasa_ext/training_data_validation.py): same acceptance, same error and message."""
import pytest
from rasa.shared.exceptions import SchemaValidationError
from rasa.shared.nlu.training_data.schemas import data_schema

from rasa_ext import schemas
from rasa_ext import training_data_validation as ours

GOOD = [{"entity": "profession"}, {"entity": "profession", "value": "infirmier"},
        {"entity": "niveau", "role": "debut", "group": "1"}]
BAD = [{"value": "infirmier"}, {"entity": 3}, {"entity": "profession", "role": 5}, {"entity": ["a"]}]


def error_of(validate, data):
    with pytest.raises(SchemaValidationError) as raised:
        validate(data, data_schema.entity_dict_schema())
    return str(raised.value)


@pytest.mark.parametrize("data", GOOD)
def test_a_valid_annotation_is_accepted_by_both(data):
    assert ours.stock_validate_training_data(data, data_schema.entity_dict_schema()) is None
    assert ours.validate_training_data(data, data_schema.entity_dict_schema()) is None


@pytest.mark.parametrize("data", BAD)
def test_an_invalid_annotation_gets_the_same_error_as_stock_rasa(data):
    assert error_of(ours.validate_training_data, data) == error_of(ours.stock_validate_training_data, data)


def test_the_schema_is_checked_once_for_many_annotations(monkeypatch):
    from jsonschema import validators
    schema_class = validators.validator_for(data_schema.entity_dict_schema())
    checks = []
    real = schema_class.check_schema
    monkeypatch.setattr(schema_class, "check_schema", lambda schema, **kw: (checks.append(1), real(schema, **kw)))
    monkeypatch.setattr(schemas, "_validators", {})
    for _ in range(50):
        ours.validate_training_data(GOOD[1], data_schema.entity_dict_schema())
    with pytest.raises(SchemaValidationError):
        ours.validate_training_data(BAD[0], data_schema.entity_dict_schema())
    assert len(checks) == 1
