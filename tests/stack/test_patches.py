"""Rasa's own code is changed only by rasa_ext.patches.install(), never by importing a module."""
import importlib

import rasa.core.actions.action as rasa_action

from rasa_ext import action_validation, patches


def test_importing_the_extensions_changes_nothing_in_rasa_and_install_does(monkeypatch):
    monkeypatch.setattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT", 300)
    monkeypatch.setattr(rasa_action.RemoteAction, "_validate_action_result",
                        action_validation.stock_validate_action_result)
    for module in ("rasa_ext.rest_channel", "rasa_ext.tracker_store", "rasa_ext.action_validation"):
        importlib.reload(importlib.import_module(module))
    assert rasa_action.DEFAULT_REQUEST_TIMEOUT == 300 and not patches.installed()
    patches.install()
    assert rasa_action.DEFAULT_REQUEST_TIMEOUT == patches.ACTION_TIMEOUT_SECONDS
    assert patches.installed()


def test_the_rest_channel_installs_the_patches_when_rasa_builds_it(monkeypatch):
    from rasa_ext.rest_channel import SafeRestInput
    monkeypatch.setattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT", 300)
    SafeRestInput()
    assert patches.installed()


def test_the_tracker_store_tunes_only_its_own_engine():
    import sqlalchemy as sa
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from rasa_ext.tracker_store import tune_sqlite
    assert not event.contains(Engine, "connect", tune_sqlite)
    assert not event.contains(sa.create_engine("sqlite://"), "connect", tune_sqlite)
