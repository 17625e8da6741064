"""A second profession is one more knowledge file: loaded with the first, answered from its own
facts as soon as the student names it, without retraining."""
import importlib
import shutil

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.helpers import ROOT, norm

FIXTURE = ROOT / "tests" / "fixtures" / "metiers" / "testeur_jeux_societe.yml"


@pytest.fixture
def two_professions(tmp_path, monkeypatch):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    shutil.copy(FIXTURE, knowledge / "metiers")
    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(knowledge))
    import actions.actions
    module = importlib.reload(actions.actions)  # the action server loads the knowledge at start
    yield module
    monkeypatch.delenv("ASSISTANT_KNOWLEDGE_DIR")
    importlib.reload(actions.actions)


def ask(module, intent, text, entities=(), slots=None):
    latest = {"intent": {"name": intent}, "text": text, "intent_ranking": [],
              "entities": [{"entity": e, "value": v} for e, v in entities]}
    dispatcher = CollectingDispatcher()
    events = module.ActionRepondre().run(dispatcher, Tracker("t", slots or {}, latest, [], False, None, {}, ""), {})
    return norm(dispatcher.messages[0]["text"]), events


def test_both_files_are_loaded(two_professions):
    assert set(two_professions.PROFESSIONS) == {"charge_mission_relations_internationales", "testeur_jeux_societe"}


def test_answers_for_the_second_profession_come_from_its_file(two_professions):
    text, events = ask(two_professions, "salaire", "combien gagne un testeur de jeux de société débutant ?",
                       [("experience", "debutant")])
    assert "21000" in text and "23000" in text and "30000" not in text
    assert "testeur(se) de jeux de societe" in text
    assert {"event": "slot", "timestamp": None, "name": "metier_id", "value": "testeur_jeux_societe"} in events
    # The conversation stays on that profession for the follow-up.
    text, _ = ask(two_professions, "relance", "et pour un senior ?", [("experience", "confirme")],
                  slots={"metier_id": "testeur_jeux_societe", "sujet": "salaire"})
    assert "27000" in text and "31000" in text


def test_default_profession_is_unchanged(two_professions):
    text, _ = ask(two_professions, "salaire", "combien gagne un débutant ?", [("experience", "debutant")])
    assert "30000" in text and "35000" in text


def test_unknown_profession_lists_the_covered_ones(two_professions):
    text, _ = ask(two_professions, "salaire", "combien gagne un boulanger ?", [("metier", "boulanger")])
    assert "boulanger" in text
    assert "charge(e) de mission relations internationales" in text and "testeur(se) de jeux de societe" in text
