"""Kinds seen in a set written apart (tests/nlu/test_fresh33.yml): « c'est la pire note ? » is a superlative; « en
moyenne je gagnerai 2 fois plus qu'un débutant ? » compares the middles of the ranges, the higher first; after the
stepping stones, « laquelle est la plus utile des trois ? » is among them (which the fiche does not rank) and « lequel
des 3 paye le mieux ? » asks a pay the fiche does not give; managing a team, the gap between women's and men's pay and
who the saying is from are details the fiche lacks. Figures and names are read from the fixture fiche."""
from core import dialogue
from core.knowledge import euros
from core.pay_sums import decimal
from core.understanding import fold, superlative
from tests.support.helpers import question_parts
from tests.support.knowledge import default_profession, replied, replies_to, template_start

A = dialogue.ANSWER
ABSENT = template_start("hors_fiche.intro")


def test_the_worst_mark_is_the_lowest():
    assert superlative(fold("c'est la pire note ?")) == "min"


def test_twice_as_much_on_average_compares_the_middles_the_higher_first():
    levels = default_profession().salaire.niveaux
    middles = [(lvl.min + lvl.max) / 2 for lvl in (levels.debutant, levels.confirme)]
    said = replied("plus tard en moyenne je gagnerai 2 fois plus qu'un debutant, c ça ?", "salaire")
    assert f"{decimal(middles[1] / middles[0])} fois" in said, said


def test_which_stepping_stone_is_most_useful_or_pays_best_after_the_list():
    p = default_profession()
    replies = replies_to(("quelles expériences avant sont conseillées ?", "experiences", A),
                         ("mais dans l'absolu la fiche dit laquelle est la plus utile des trois ?", "hard_skills", A),
                         ("lequel des 3 paye le mieux ?", "salaire", A))
    assert replies[1].startswith(template_start("experiences_sans_classement")), replies[1]
    assert replies[2].startswith(ABSENT) and str(p.salaire.niveaux.debutant.min)[:2] not in replies[2].split("\n")[0]


def test_managing_a_team_equal_pay_and_the_author_of_the_saying_are_not_given():
    for text, intent in (("il a des gens sous ses ordres ou pas ? genre il manage une equipe ?", "missions"),
                         ("est-ce que les femmes sont moins payées que les hommes dans ce métier ?", "salaire")):
        said = replied(text, intent)
        assert said.startswith(ABSENT), (text, said)
    replies = replies_to(("ya une citation sur la fiche, c laquelle", "salaire", A), ("elle vient de qui ?", "hors_sujet",
                                                                                       dialogue.OUT_OF_SCOPE))
    assert replies[1].startswith(ABSENT), replies[1]


def test_a_number_after_the_article_still_names_what_is_asked():
    """« donne moi les 2 fourchettes »: the ranges, which the pay answer gives (not « la fiche ne précise pas »)."""
    levels = default_profession().salaire.niveaux
    said = replied("salaire debutant vs confirmé, donne moi les 2 fourchettes", "salaire")
    assert not said.startswith(ABSENT) and euros(levels.debutant.min) in said and euros(levels.confirme.max) in said, said


def test_a_count_asked_in_one_part_of_two_is_said():
    """« c quoi le score de la rédaction et combien de missions ya en tout ? »: the skill's score, then how many
    missions before them."""
    p = default_profession()
    text = "c quoi le score de la redaction et combien de missions ya en tout ?"
    parts = question_parts(text, ("c quoi le score de la redaction", "hard_skills", 1.0),
                           ("combien de missions ya en tout", "missions", 0.91))
    said = replied(text, "hard_skills", parts=parts)
    skill = next(s for s in p.hard_skills.competences if s.nom.lower().startswith("r"))
    assert str(skill.score) in said and f"{len(p.missions)} dans la rubrique" in said, said
