"""The changes this project makes to Rasa's own code, in one place, applied by one explicit call.

`install()` is called once by the REST channel when Rasa builds it at start (credentials.yml), so it
applies to every Rasa process that serves this assistant, and by rasa_ext.cli, the command that trains
and validates (make train, make check, « Appliquer »); never by merely importing a module.
"""
import rasa.core.actions.action as rasa_action
import rasa.shared.utils.validation as rasa_validation

from rasa_ext import action_validation, training_data_validation

# Rasa waits 5 minutes for the action server by default; a student must not wait that long.
ACTION_TIMEOUT_SECONDS = 5


def install() -> None:
    rasa_action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_SECONDS
    # The action server's responses are validated against a schema checked once, not per call.
    action_validation.install()
    # So are the training data's entity annotations (rasa train, rasa data validate, tests/).
    training_data_validation.install()


def installed() -> bool:
    return (rasa_action.DEFAULT_REQUEST_TIMEOUT == ACTION_TIMEOUT_SECONDS
            and rasa_action.RemoteAction._validate_action_result is action_validation.validate_action_result
            and rasa_validation.validate_training_data is training_data_validation.validate_training_data)
