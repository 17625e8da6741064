"""Kinds seen in a set written apart (tests/nlu/test_fresh42.yml): the rank at which something was said (« le truc que
t'as dit en 2e »), « la 3e tu peux développer ? » read as a request for help, the list in play when a word is in two
(« reporting »), « pareil dans toute la France ? » after the pay, « bon et sinon les contraintes ? », a calculation
between a bound of one level and the middle of the other, « pourcents », « diff », a typed « debutan », one
profession only (« tu connais d'autres métiers ? »), details the fiche lacks (how long the experiences last, the number
of jobs). Texts are read from the fixture fiche."""
import re

from core import dialogue
from core.pay_sums import pay_sum
from core.textnorm import fold
from tests.support.knowledge import default_profession, one_profession_school, replied, replies_to

A, HELP, OUT = dialogue.ANSWER, dialogue.HELP, dialogue.OUT_OF_SCOPE


def test_the_item_said_at_a_rank_and_the_rank_asked_as_help_are_that_item_of_the_list_just_given():
    qualities = [q.nom for q in default_profession().soft_skills.qualites]
    said = replies_to(("quelles qualités faut-il ?", "soft_skills", A),
                      ("le truc que t'as dit en 2e c'est quoi déjà", "hors_sujet", OUT))[1]
    assert said.startswith(f"« {qualities[1]} »"), said
    third = default_profession().missions[2].intitule
    said = replies_to(("c quoi les missions ?", "missions", A), ("la 3e tu peux développer ?", "aide", HELP))[1]
    assert said.startswith(f"« {third} »"), said


def test_the_same_all_over_france_after_the_pay_is_the_place_the_fiche_does_not_give_then_the_pay():
    said = replies_to(("cb on gagne ?", "salaire", A), ("ok et ça c'est pareil dans toute la france ?", "rncp", A))[1]
    assert said.startswith("La fiche ne précise pas") and "RNCP" not in said and "salaire" in said.lower(), said


def test_by_the_way_and_a_topic_is_that_topic():
    constraints = replied("quelles sont les contraintes ?", "contraintes")
    said = replies_to(("c'est plus pour les filles ou les garçons ?", "definition", A),
                      ("bon et sinon les contraintes principales ?", "relance", A))[1]
    assert said.split("\n")[0] == constraints.split("\n")[0], said


def test_a_bound_of_one_level_and_the_middle_of_the_other():
    asked = pay_sum(fold("et pour arriver au milieu de la fourchette confirmé, ça fait +cb par rapport au debutant max ?"),
                    True)
    assert asked.kind == "ecart" and set(asked.figures) == {("debutant", "max"), ("confirme", "milieu")}, asked
    assert pay_sum(fold("de combien de pourcents augmente le salaire entre le max débutant et le min confirmé ?"),
                   True).kind == "pourcentage"


def test_a_beginner_typed_with_a_letter_less_is_the_beginner():
    low, high = (str(x) for x in (default_profession().salaire.niveaux.debutant.min,
                                  default_profession().salaire.niveaux.debutant.max))
    top = str(default_profession().salaire.niveaux.confirme.max)
    said = re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", replied("c koi le salère d'un debutan", "salaire"))
    assert low in said and high in said and top not in said, said


def test_a_school_of_one_profession_says_it_has_no_other(tmp_path):
    alone = one_profession_school(tmp_path)
    q = alone.understand("et tu connais d'autres métiers ?", [], "catalogue_lister", [])
    said = dialogue.respond(alone, dialogue.Turn(q, "catalogue_lister", (), {}, None, dialogue.CATALOGUE)).reply.text
    assert default_profession().intitule in said and "conseiller" in said and "Autres métiers" not in said, said


def test_details_the_fiche_lacks():
    for text, intent, previous in (("ça dure cb de temps ces expériences ?", "experiences", "experiences"),
                                   ("nb de postes en france ?", "nlu_fallback", None)):
        turns = ((("quelles expériences avant ?", "experiences", A),) if previous else ()) \
            + ((text, intent, dialogue.CLARIFY if intent == "nlu_fallback" else A),)
        assert replies_to(*turns)[-1].startswith("La fiche ne précise pas"), text


def test_a_level_right_after_the_pay_by_the_month_is_that_level_by_the_month():
    level = default_profession().salaire.niveaux.confirme
    said = replies_to(("ok et par mois pour un débutant ?", "salaire", A, "debutant"),
                      ("et pour un confirmé ?", "salaire", A, "confirme"))[1]
    shown = re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", said)
    assert str(round(level.min / 12)) in shown and str(round(level.max / 12)) in shown, said
    # without the month before, the level's pay by the year
    assert str(round(level.min / 12)) not in re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", replies_to(
        ("combien on gagne ?", "salaire", A), ("et pour un confirmé ?", "salaire", A, "confirme"))[1])
