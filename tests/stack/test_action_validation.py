"""Rasa checks every action-server response against its schema; ours builds that validator once.
The verdicts and error messages must stay exactly those of stock Rasa."""
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from rasa_ext import action_validation

ACTION = RemoteAction("action_repondre", None)

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "sujet", "value": "salaire"}],
     "responses": [{"text": "Un débutant gagne…", "buttons": [{"title": "Et après ?", "payload": "/aide"}]}]},
    {},
]
INVALID = [
    {"events": "pas une liste"},
    {"events": [{"name": "sujet"}]},
    {"responses": "texte"},
    {"events": [{"event": 3}]},
]


def stock_verdict(result):
    try:
        return action_validation.stock_validate_action_result(ACTION, result)
    except jsonschema.ValidationError as error:
        return error.message


def our_verdict(result):
    try:
        return action_validation.validate_action_result(ACTION, result)
    except jsonschema.ValidationError as error:
        return error.message


@pytest.mark.parametrize("result", VALID + INVALID)
def test_same_verdict_and_message_as_stock_rasa(result):
    assert our_verdict(result) == stock_verdict(result)


@pytest.mark.parametrize("result", INVALID)
def test_invalid_responses_are_still_rejected(result):
    assert isinstance(our_verdict(result), str) and "Failed to validate Action server response" in our_verdict(result)


def test_the_schema_is_checked_once_for_many_responses(monkeypatch):
    from rasa_ext import schemas
    monkeypatch.setattr(schemas, "_validators", {})
    checks = []
    original = jsonschema.Draft202012Validator.check_schema.__func__
    monkeypatch.setattr(jsonschema.Draft202012Validator, "check_schema",
                        classmethod(lambda cls, schema: checks.append(1) or original(cls, schema)))
    monkeypatch.setattr(jsonschema.Draft7Validator, "check_schema",
                        classmethod(lambda cls, schema: checks.append(1) or original(cls, schema)))
    for _ in range(20):
        assert action_validation.validate_action_result(ACTION, VALID[1]) is True
    assert len(checks) == 1


def test_building_the_channel_installs_it():
    from rasa_ext.rest_channel import SafeRestInput
    SafeRestInput()  # as Rasa does at start, from credentials.yml
    assert RemoteAction._validate_action_result is action_validation.validate_action_result
