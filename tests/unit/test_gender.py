"""core/gender.py: the feminine forms fiches write in brackets, for the importer and make check alike."""
import pytest

from core.gender import feminine_words, gender_forms, of, without_marks


@pytest.mark.parametrize("title, forms", [
    ("Chargé(e) de mission", ["Chargé de mission", "Chargée de mission"]),
    ("Testeur(se) de jeux", ["Testeur de jeux", "Testeuse de jeux"]),
    ("Coordinateur(trice) de projets", ["Coordinateur de projets", "Coordinatrice de projets"]),
    ("Conseiller(ère) en voyages", ["Conseiller en voyages", "Conseillère en voyages"]),
    ("Animateur(rice) nature", ["Animateur nature", "Animatrice nature"]),
    ("Technicien(ne) réseau", ["Technicien réseau", "Technicienne réseau"]),
    ("Responsable export", ["Responsable export"]),
])
def test_gender_forms(title, forms):
    assert gender_forms(title) == forms
    assert without_marks(title) == forms[0]


def test_make_check_and_the_importer_read_the_same_feminine_form():
    title = "Chargé(e) de mission, testeur(se)"
    assert feminine_words(title) == ["chargee", "testeuse"]
    assert all(word in " ".join(gender_forms(title)).lower().replace("é", "e") for word in feminine_words(title))


def test_de_is_elided_before_a_vowel_only():
    assert of("Ébéniste en restauration") == "d'Ébéniste en restauration"
    assert of("Infirmier(ère)") == "d'Infirmier(ère)"
    assert of("Guide de croisières") == "de Guide de croisières"
