"""An imported profession is answered at once, without retraining: its aliases route the questions.

The fictional fiche is imported with `make importer` into a copy of the behaviour tests' knowledge folder
(tests/fixtures/knowledge/, named by ASSISTANT_KNOWLEDGE_DIR); the expected figures are read from the files.
"""
import shutil
import subprocess

import pytest
import yaml

from loading.school import load_school
from tests.support.actions import ask
from tests.support.helpers import ROOT, norm, project_env, seen
from tests.support.knowledge import FIXTURE_KNOWLEDGE

DRAGONS = ROOT / "tests" / "fixtures" / "fiches" / "dresseur_dragons.txt"  # a fictional fiche


def import_into(knowledge):
    shutil.copytree(FIXTURE_KNOWLEDGE, knowledge)
    result = subprocess.run(["make", "--no-print-directory", "importer", f"FICHE={DRAGONS}"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env=project_env(ASSISTANT_KNOWLEDGE_DIR=str(knowledge)))
    assert result.returncode == 0, result.stdout + result.stderr
    [path] = [p for p in (knowledge / "metiers").glob("*.yml") if p.name not in
              {f.name for f in (FIXTURE_KNOWLEDGE / "metiers").glob("*.yml")}]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def default_profession():
    default = yaml.safe_load((FIXTURE_KNOWLEDGE / "sujets.yml").read_text(encoding="utf-8"))["metier_par_defaut"]
    return yaml.safe_load((FIXTURE_KNOWLEDGE / "metiers" / f"{default}.yml").read_text(encoding="utf-8"))


def figures(profession, level="debutant"):
    values = profession["salaire"]["niveaux"][level]
    return str(values["min"]), str(values["max"])


def test_imported_profession_is_answered_by_the_actions(tmp_path):
    imported = import_into(tmp_path / "knowledge")
    school = load_school(tmp_path / "knowledge")  # what the action server does at its start
    text, events = ask(school, "salaire", f"combien gagne un {imported['alias'][0]} débutant ?",
                       [("experience", "debutant")])
    low, high = figures(imported)
    assert low in text and high in text
    assert {"event": "slot", "timestamp": None, "name": "metier_id", "value": imported["id"]} in events
    text, _ = ask(school, "salaire", "combien gagne un débutant ?", [("experience", "debutant")])
    assert all(f in text for f in figures(default_profession())) and low not in text


@pytest.fixture
def stack_with_import(tmp_path, cat_stack):
    """The catalogue stack's Rasa (tests/stack/conftest.py) with an action server on the imported folder."""
    imported = import_into(tmp_path / "knowledge")
    with cat_stack.serving(tmp_path / "knowledge"):
        yield cat_stack, imported


def test_end_to_end_imported_profession_over_rest(stack_with_import):
    stack, imported = stack_with_import
    reply = norm(seen(stack.say(stack.new_sender(), f"combien gagne un {imported['alias'][0]} débutant ?")))
    low, high = figures(imported)
    assert low in reply and high in reply, reply
    assert norm(imported["intitule"]) in reply

    default = default_profession()
    reply = norm(seen(stack.say(stack.new_sender(), "combien gagne un débutant ?")))
    assert all(f in reply for f in figures(default)) and low not in reply, reply
