"""Ranks and counts asked in words seen in sets written apart (tests/nlu/test_fresh31.yml, test_fresh32.yml): « l'avant-
dernier » is the one before the last (not the last, nor a superlative); « le nombre exact de qualités » is a count; « ils
citent combien de jobs …, et c'est quoi ? » is one question (the count, then the list), whatever parts the classifier
cut. Every expected name and count is read from the fixture fiche."""
from core import dialogue
from core.items import shown_titles
from core.understanding import fold, ordinal, superlative
from tests.support.helpers import question_parts
from tests.support.knowledge import default_profession, replied, replies_to

A = dialogue.ANSWER


def test_the_one_before_the_last_is_not_the_last():
    assert ordinal(fold("et l'avant-dernier ?")) == -2 and superlative(fold("et l'avant-dernier ?")) is None
    titles = shown_titles(default_profession(), "hard_skills")
    replies = replies_to(("c'est quoi les hard skills ?", "hard_skills", A), ("et l'avant-dernier ?", "relance", A))
    assert replies[1].startswith(titles[-2]), replies[1]


def test_the_exact_number_of_qualities_is_a_count():
    p = default_profession()
    said = replied("jpeux avoir le nombre exact de qualités humaines (soft skills) demandées ?", "soft_skills")
    assert str(len(p.soft_skills.qualites)) in said.split("\n")[0], said


def test_how_many_and_which_ones_is_one_question_whatever_the_parts():
    p = default_profession()
    text = "ils citent combien de jobs pour se faire de l exp avant, et c quoi ?"
    parts = question_parts(text, ("ils citent combien de jobs pour se faire de l exp avant", "experiences", 1.0),
                           ("c quoi", "definition", 0.92))
    said = replied(text, "experiences", parts=parts)
    assert str(len(p.experiences)) in said.split("\n")[0] and all(e.poste in said for e in p.experiences), said
    assert p.definition.resume not in said
