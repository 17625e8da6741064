"""A second profession is one more knowledge file: loaded with the first, answered from its own
facts as soon as the student names it (or the page says so), without retraining."""
import pytest

from actions.actions import ActionAccueil
from loading.school import load_school
from tests.support.actions import ask
from tests.support.helpers import norm
from tests.support.knowledge import FIXTURE_PROFESSION, amounts, behaviour_knowledge

DEFAULT = load_school(behaviour_knowledge()).default.id


@pytest.fixture(scope="module")
def school():
    """The behaviour knowledge folder: the default profession and the fixture one (testeur_jeux_societe)."""
    loaded = load_school(behaviour_knowledge())
    assert FIXTURE_PROFESSION.stem in loaded.professions, f"{behaviour_knowledge()} sans {FIXTURE_PROFESSION.name}"
    return loaded


def test_every_file_is_loaded(school):
    """Each file of metiers/ is a profession, however many the school has (two in the fixtures)."""
    files = {path.stem for path in (behaviour_knowledge() / "metiers").glob("*.yml")}
    assert set(school.professions) == files and {DEFAULT, "testeur_jeux_societe"} <= files


def test_answers_for_the_second_profession_come_from_its_file(school):
    tester, default = school.professions["testeur_jeux_societe"], school.professions[DEFAULT]
    text, events = ask(school, "salaire", "combien gagne un testeur de jeux de société débutant ?",
                       [("experience", "debutant")])
    assert all(a in text for a in amounts("debutant", tester))
    assert amounts("debutant", default)[0] not in text
    assert norm(tester.intitule) in text
    assert {"event": "slot", "timestamp": None, "name": "metier_id", "value": "testeur_jeux_societe"} in events
    # The conversation stays on that profession for the follow-up.
    text, _ = ask(school, "relance", "et pour un senior ?", [("experience", "confirme")],
                  slots={"metier_id": "testeur_jeux_societe", "sujet": "salaire"})
    assert all(a in text for a in amounts("confirme", tester))


def test_default_profession_is_unchanged(school):
    text, _ = ask(school, "salaire", "combien gagne un débutant ?", [("experience", "debutant")])
    assert all(a in text for a in amounts("debutant", school.professions[DEFAULT]))


def test_the_page_profession_is_answered_until_the_student_names_another(school):
    tester, default = school.professions["testeur_jeux_societe"], school.professions[DEFAULT]
    page = {"metier": "testeur_jeux_societe"}
    text, _ = ask(school, "salaire", "combien gagne un débutant ?", [("experience", "debutant")], metadata=page)
    assert all(a in text for a in amounts("debutant", tester))
    welcome, _ = ask(school, "salutation", "bonjour", metadata=page, action=ActionAccueil)
    assert norm(tester.intitule) in welcome and norm(default.intitule) not in welcome
    # A student who named the other profession keeps it, whatever the page.
    text, _ = ask(school, "salaire", "combien gagne un débutant ?", [("experience", "debutant")], metadata=page,
                  slots={"metier_id": DEFAULT})
    assert all(a in text for a in amounts("debutant", default))


def test_an_unknown_page_profession_falls_back_to_the_default(school):
    text, _ = ask(school, "salaire", "combien gagne un débutant ?", [("experience", "debutant")],
                  metadata={"metier": "inconnu"})
    assert all(a in text for a in amounts("debutant", school.professions[DEFAULT]))


def test_unknown_profession_lists_the_covered_ones(school):
    text, _ = ask(school, "salaire", "combien gagne un boulanger ?", [("metier", "boulanger")])
    assert "boulanger" in text
    assert all(norm(p.intitule) in text for p in school.professions.values())
