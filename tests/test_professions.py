"""A second profession is one more knowledge file: loaded with the first, answered from its own
facts as soon as the student names it (or the page says so), without retraining."""
import shutil

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionAccueil, ActionRepondre
from actions.assistant import Assistant
from actions.replies import euros
from tests.helpers import ROOT, norm

FIXTURE = ROOT / "tests" / "fixtures" / "metiers" / "testeur_jeux_societe.yml"
DEFAULT = "charge_mission_relations_internationales"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    knowledge = tmp_path_factory.mktemp("two") / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    shutil.copy(FIXTURE, knowledge / "metiers")
    return Assistant.load(knowledge)


def ask(assistant, intent, text, entities=(), slots=None, metadata=None, action=ActionRepondre):
    latest = {"intent": {"name": intent}, "text": text, "intent_ranking": [], "metadata": metadata or {},
              "entities": [{"entity": e, "value": v} for e, v in entities]}
    dispatcher = CollectingDispatcher()
    tracker = Tracker("t", slots or {}, latest, [], False, None, {}, "")
    events = action(assistant).run(dispatcher, tracker, {})
    return norm(dispatcher.messages[0]["text"]), events


def amounts(profession, level):
    niveau = getattr(profession.salaire.niveaux, level)
    return norm(euros(niveau.min)), norm(euros(niveau.max))


def test_both_files_are_loaded(assistant):
    assert set(assistant.professions) == {DEFAULT, "testeur_jeux_societe"}


def test_answers_for_the_second_profession_come_from_its_file(assistant):
    tester, default = assistant.professions["testeur_jeux_societe"], assistant.professions[DEFAULT]
    text, events = ask(assistant, "salaire", "combien gagne un testeur de jeux de société débutant ?",
                       [("experience", "debutant")])
    assert all(a in text for a in amounts(tester, "debutant"))
    assert amounts(default, "debutant")[0] not in text
    assert norm(tester.intitule) in text
    assert {"event": "slot", "timestamp": None, "name": "metier_id", "value": "testeur_jeux_societe"} in events
    # The conversation stays on that profession for the follow-up.
    text, _ = ask(assistant, "relance", "et pour un senior ?", [("experience", "confirme")],
                  slots={"metier_id": "testeur_jeux_societe", "sujet": "salaire"})
    assert all(a in text for a in amounts(tester, "confirme"))


def test_default_profession_is_unchanged(assistant):
    text, _ = ask(assistant, "salaire", "combien gagne un débutant ?", [("experience", "debutant")])
    assert all(a in text for a in amounts(assistant.professions[DEFAULT], "debutant"))


def test_the_page_profession_is_answered_until_the_student_names_another(assistant):
    tester, default = assistant.professions["testeur_jeux_societe"], assistant.professions[DEFAULT]
    page = {"metier": "testeur_jeux_societe"}
    text, _ = ask(assistant, "salaire", "combien gagne un débutant ?", [("experience", "debutant")], metadata=page)
    assert all(a in text for a in amounts(tester, "debutant"))
    welcome, _ = ask(assistant, "salutation", "bonjour", metadata=page, action=ActionAccueil)
    assert norm(tester.intitule) in welcome and norm(default.intitule) not in welcome
    # A student who named the other profession keeps it, whatever the page.
    text, _ = ask(assistant, "salaire", "combien gagne un débutant ?", [("experience", "debutant")], metadata=page,
                  slots={"metier_id": DEFAULT})
    assert all(a in text for a in amounts(default, "debutant"))


def test_an_unknown_page_profession_falls_back_to_the_default(assistant):
    text, _ = ask(assistant, "salaire", "combien gagne un débutant ?", [("experience", "debutant")],
                  metadata={"metier": "inconnu"})
    assert all(a in text for a in amounts(assistant.professions[DEFAULT], "debutant"))


def test_unknown_profession_lists_the_covered_ones(assistant):
    text, _ = ask(assistant, "salaire", "combien gagne un boulanger ?", [("metier", "boulanger")])
    assert "boulanger" in text
    assert all(norm(p.intitule) in text for p in assistant.professions.values())
