"""Kinds seen in a set written apart (tests/nlu/test_fresh43.yml): « merci quand même » read as a topic is thanks;
« divisé par 12 ? » after a middle is that middle by the month; a pay calculation beside a question on another topic
(« cb on gagne par semaine en début et c quoi les outils ? ») answers both; the introduction a courtesy mask blanks
(« je suis en reconversion à 35 ans… c'est réaliste pour moi ? ») is what the question asks about. Texts are read from
the fixture fiche."""
import re

from core import dialogue
from tests.support.knowledge import default_profession, replied, replies_to, school, template_start

A, CLARIFY = dialogue.ANSWER, dialogue.CLARIFY


def test_thanks_read_as_a_topic_is_thanks():
    assert replied("merci quand même", "diplome") == school().replier.thanks().text


def test_divided_by_12_after_a_middle_is_that_middle_by_the_month():
    low, high = (default_profession().salaire.niveaux.debutant.min, default_profession().salaire.niveaux.debutant.max)
    said = replies_to(("la moyenne de la fourchette débutant ?", "salaire", A), ("divisé par 12 ?", "experiences", A))[1]
    assert str(round((low + high) / 2 / 12)) in re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", said), said


def test_a_pay_calculation_beside_another_topic_answers_both():
    text = "cb on gagne par semaine en debut et c quoi les outils ?"
    parts = [{"text": "cb on gagne par semaine en debut", "start": 0, "end": 32, "intent": "salaire", "confidence": 1.0},
             {"text": "c quoi les outils", "start": 36, "end": 53, "intent": "outils", "confidence": 1.0}]
    said = replied(text, "nlu_fallback", CLARIFY, ranking=(("nlu_fallback", 0.5), ("outils", 0.5)), parts=parts)
    tools = template_start("outils.liste")
    assert tools in said and "€" in said, said


def test_an_introduction_asked_about_is_read_for_the_details_the_fiche_lacks():
    said = replied("Bonjour, je suis en reconversion à 35 ans après 12 ans dans la vente. Est-ce que c'est réaliste "
                   "pour moi ?", "nlu_fallback", CLARIFY)
    assert said.startswith("La fiche ne précise pas") and "reconversion" in said, said
    # introduced, then a question on a topic: the question's topic, not the introduction
    assert not replied("Bonjour, je suis en terminale STMG. Quel est le salaire d'un débutant ?", "salaire") \
        .startswith("La fiche ne précise pas")
