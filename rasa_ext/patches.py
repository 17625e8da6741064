"""The changes this project makes to Rasa's own code, in one place, applied by one explicit call.

`install()` is called once by the REST channel when Rasa builds it at start (credentials.yml), so it
applies to every Rasa process that serves this assistant, and to nothing that merely imports a module.
"""
import rasa.core.actions.action as rasa_action

from rasa_ext import action_validation

# Rasa waits 5 minutes for the action server by default; a student must not wait that long.
ACTION_TIMEOUT_SECONDS = 5


def install() -> None:
    rasa_action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT_SECONDS
    # The action server's responses are validated against a schema checked once, not per call.
    action_validation.install()


def installed() -> bool:
    return (rasa_action.DEFAULT_REQUEST_TIMEOUT == ACTION_TIMEOUT_SECONDS
            and rasa_action.RemoteAction._validate_action_result is action_validation.validate_action_result)
