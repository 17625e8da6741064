"""Kinds seen in a set written apart (tests/nlu/test_fresh37.yml): « ça s'apprend où tout ça ? » after the skills asks
the studies; « c'est le niveau de référence ? » after the Bachelor and « dans quel cas serait-il pertinent ? » after the
Mastère follow that diploma; « elles sont pareilles dans toutes les entreprises ? » after the missions is that list and
its caveat; « qu'est-ce qui aide à tenir le coup ? » is no request for help; « par mois ça donne ? » after a middle is that
middle by the month; « au fait, les études pour y arriver ? » asks the studies. Texts are read from the fixture fiche."""
from core import dialogue
from core.knowledge import euros
from tests.support.knowledge import default_profession, pay_levels, replied, replies_to, template_start

A, C, H = dialogue.ANSWER, dialogue.CLARIFY, dialogue.HELP


def path(name: str):
    return next(p for p in default_profession().parcours if p.nom == name)


def test_where_the_skills_are_learnt_is_the_studies():
    replies = replies_to(("quelles sont les compétences techniques attendues ?", "hard_skills", A),
                         ("ok et ça s'apprend où tout ça ?", "hard_skills", A))
    assert replies[1].startswith(default_profession().diplome.voie), replies[1]


def test_a_word_of_what_the_fiche_says_of_a_diploma_for_this_job_follows_that_diploma():
    replies = replies_to(("le bachelor ça prépare à quoi ?", "bachelor", A), ("c'est le niveau de référence ?", "nlu_fallback", C))
    assert path("Bachelor").pour_ce_metier in replies[1], replies[1]
    replies = replies_to(("Un Mastère est-il indispensable ?", "mastere", A),
                         ("Dans quel cas serait-il pertinent ?", "nlu_fallback", C))
    assert path("Mastère").pour_ce_metier in replies[1], replies[1]


def test_whether_a_list_is_the_same_everywhere_is_that_list_with_its_caveat():
    p = default_profession()
    replies = replies_to(("la coopération institutionnelle c'est quoi dans les missions ?", "missions", A),
                         ("elles sont pareilles dans toutes les entreprises ?", "nlu_fallback", C))
    assert p.definition.precision in replies[1], replies[1]


def test_what_helps_to_hold_on_is_no_request_for_help():
    replies = replies_to(("c'est quoi les contraintes du métier ?", "contraintes", A),
                         ("bof. et qu'est-ce qui aide à tenir le coup ?", "aide", H))
    assert not replies[1].startswith(template_start("aide")), replies[1]


def test_by_the_month_it_gives_after_a_middle_is_that_middle_by_the_month():
    beginner, _ = pay_levels()
    replies = replies_to(("c quoi le salaire d'un débutant ?", "salaire", A, "debutant"),
                         ("et le milieu de la fourchette ?", "salaire", A), ("par mois ça donne ?", "salaire", A))
    assert f"{euros(round((beginner.min + beginner.max) / 2 / 12))} €" in replies[2], replies[2]


def test_by_the_way_the_studies_to_get_there_are_the_studies():
    replies = replies_to(("et ça paye combien au début ?", "salaire", A, "debutant"),
                         ("au fait les études pour y arriver c'est quoi ?", "diplome", A))
    assert replies[1].startswith(default_profession().diplome.voie), replies[1]


def test_the_help_says_the_assistant_does_simple_calculations():
    assert "calculs" in replied("tu sais faire des calculs toi ?", "aide", H)
