"""A fact the fiche does not give is absent from the knowledge file: every topic then gets « La fiche ne
précise pas … » with the counsellor button, never an empty or invented answer (fixture knowledge)."""
import pytest

from core.replies import SILENT_WHEN
from core.understanding import Question
from tests.support.helpers import norm
from tests.support.knowledge import amounts, default_profession, school, without_facts


@pytest.mark.parametrize("topic", sorted(SILENT_WHEN))
def test_a_topic_the_fiche_does_not_give_is_said_so_with_a_counsellor(topic):
    profession = without_facts(default_profession())
    reply = school().replier.answer(profession, Question(topic=topic))
    assert reply.text.startswith("La fiche ne précise pas ") and profession.intitule in reply.text
    assert "None" not in reply.text and "Source :" not in reply.text
    assert reply.buttons[0]["payload"] == "/conseiller"


@pytest.mark.parametrize("topic", sorted(SILENT_WHEN))
def test_the_same_topic_is_answered_when_the_fiche_gives_it(topic):
    reply = school().replier.answer(default_profession(), Question(topic=topic))
    assert "La fiche ne précise pas" not in reply.text and "Source :" in reply.text


def test_a_salary_level_the_fiche_does_not_give_is_said_so_and_the_other_level_is_given():
    profession = without_facts(default_profession(), partly=True)
    replier = school().replier
    asked = norm(replier.answer(profession, Question(topic="salaire", experience="confirme")).text)
    low, high = amounts("debutant")
    assert asked.startswith(norm("La fiche ne précise pas le salaire")) and low in asked and high in asked
    general = norm(replier.answer(profession, Question(topic="salaire")).text)
    assert low in general and norm("La fiche ne précise pas le salaire") in general
    assert norm("des critères que la fiche ne précise pas") in general  # no factors in the fiche
    assert not any(a in general for a in amounts("confirme"))


def test_a_skill_without_a_sentence_or_keywords_is_named_with_its_score_only():
    profession = without_facts(default_profession(), partly=True)
    skill = profession.hard_skills.competences[0]
    text = school().replier.answer(profession, Question(topic="hard_skills", skill=skill.id)).text
    assert skill.nom in text and str(skill.score) in text and "()" not in text
    assert "La fiche ne précise pas à quoi sert cette compétence." in text
    listed = school().replier.answer(profession, Question(topic="hard_skills")).text
    assert f"{skill.nom} ({skill.score})\n" in listed
