"""Kinds seen in a set written apart (tests/nlu/test_fresh41.yml): « et faut quel diplôme pour ça ? » after the pay asks
the studies; a weakness of the student (« j'aime pas parler en public, c'est grave ? ») is the quality it names, with
no « Oui »; « et les hard ? » names its topic; « tu disais quoi sur … déjà ? » recalls the topic it names; the beginner
who « débute à 50k » is checked against the beginner's pay; details the fiche lacks (« y a des maths ? », « un stage
ça compte ? », « un métier de mec ou de fille ? »). Texts are read from the fixture fiche."""
import re

from core import dialogue
from tests.support.knowledge import amounts, default_profession, replied, replies_to

A, HELP = dialogue.ANSWER, dialogue.HELP


def test_which_diploma_for_it_after_the_pay_is_the_studies_not_a_detail_of_the_pay():
    studies = replied("faut quel diplôme ?", "diplome")
    said = replies_to(("c bien payé ?", "salaire", A), ("et faut quel diplôme pour ça ?", "diplome", A))[1]
    assert said == studies, said


def test_a_weakness_of_the_student_is_the_quality_it_names_never_a_yes():
    quality = next(s.nom for s in default_profession().soft_skills.qualites if s.nom.lower().startswith("communication"))
    said = replies_to(("quelles qualités faut-il ?", "soft_skills", A),
                      ("j'aime pas trop parler en public, c grave ?", "hard_skills", A))[1]
    assert quality in said and not said.startswith("Oui"), said
    # read as the quality itself: explained, still no « Oui »
    assert replied("je suis nul a l'oral, c grave ?", "soft_skills").startswith(f"« {quality} »")


def test_and_the_hard_ones_after_the_qualities_is_the_skills():
    skills = replied("quelles compétences techniques ?", "hard_skills")
    said = replies_to(("c quoi les soft skills ?", "soft_skills", A), ("et les hard ?", "relance", A))[1]
    assert said == skills, said


def test_what_you_said_about_a_topic_is_that_topic_again():
    qualities = replied("quelles qualités faut-il ?", "soft_skills")
    said = replies_to(("quelles qualités faut-il ?", "soft_skills", A), ("combien on gagne ?", "salaire", A),
                      ("tu disais quoi sur les qualités déjà ?", "aide", HELP))[2]
    assert said == qualities, said
    # without a topic, it is the help it asks for
    assert replies_to(("combien on gagne ?", "salaire", A), ("tu disais quoi déjà ?", "aide", HELP))[1] != \
        replied("combien on gagne ?", "salaire")


def test_one_who_starts_at_a_confirmed_amount_is_told_the_beginners_pay():
    (low, high), (_, top) = amounts("debutant"), amounts("confirme")
    said = replies_to(("puisqu'on débute à 50k c'est pas mal non ?", "salaire", A, "debutant"))[0]
    shown = re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", said)
    assert said.startswith("Non") and low in shown and high in shown and top not in shown, said


def test_details_the_fiche_lacks_said_so():
    absent = "La fiche ne précise pas"
    for text, intent in (("c plutot un metier de mec ou de fille ?", "definition"),
                         ("y a des maths ?", "nlu_fallback"),
                         ("un stage ca compte ?", "experiences")):
        kind = dialogue.CLARIFY if intent == "nlu_fallback" else A
        assert replied(text, intent, kind).startswith(absent), text


def test_insisting_on_a_wrong_amount_after_the_pay_is_checked_again():
    (low, high), (_, top) = amounts("debutant"), amounts("confirme")
    said = replies_to(("puisqu'on débute à 50k c'est pas mal non ?", "salaire", A, "debutant"),
                      ("mais si mon cousin il m'a dit 50k direct en sortant d'école", "hors_sujet", dialogue.OUT_OF_SCOPE,
                       "debutant"))[1]
    shown = re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", said)
    assert said.startswith("Non") and low in shown and high in shown and top not in shown, said


def test_how_a_calculation_was_made_is_that_calculation_again_and_why_the_saying_is_there_is_the_saying():
    replies = replies_to(("combien gagne un débutant par mois ?", "salaire", A, "debutant"),
                         ("tu calcules comment ?", "hors_sujet", dialogue.OUT_OF_SCOPE))
    # (in a catalogue school too: no search for professions « où l'on calcule »)
    assert not replies[1].startswith(("Désolé", "Les fiches")) and ("12" in replies[1] or "Source" in replies[1]), \
        replies[1]
    saying = default_profession().salaire.citation
    said = replies_to(("c quoi la citation sur le salaire ?", "salaire", A),
                      ("pk ils mettent ca ?", "nlu_fallback", dialogue.CLARIFY))[1]
    assert saying.strip("« »")[:20] in said, said
