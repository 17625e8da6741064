"""Kinds seen in a set written apart (tests/nlu/test_fresh34.yml): « bah alors ? » right after « la fiche ne précise
pas … » is told the same again; « et de soft skills ? » right after « combien de hard skills ? » counts the other list;
« de combien ça grimpe entre le max débutant et le min confirmé ? » is a gap. Figures are read from the fixture fiche."""
from core import dialogue
from core.knowledge import euros
from tests.support.knowledge import default_profession, replied, replies_to, template_start

A = dialogue.ANSWER


def test_well_then_after_a_detail_the_fiche_lacks_is_told_it_again():
    replies = replies_to(("on peut faire du teletravail dans ce taf ?", "hors_sujet", dialogue.OUT_OF_SCOPE),
                         ("bah alors ?", "nlu_fallback", dialogue.CLARIFY))
    assert replies[0].startswith(template_start("hors_fiche.intro"))
    assert replies[1].split("\n")[0] == replies[0].split("\n")[0], replies[1]


def test_and_of_the_other_list_after_a_count_is_its_count():
    p = default_profession()
    replies = replies_to(("combien de hard skills au total", "hard_skills", A), ("et de soft skills ?", "soft_skills", A))
    assert f"{len(p.soft_skills.qualites)} dans la rubrique" in replies[1].split("\n")[0], replies[1]


def test_how_much_it_climbs_between_two_figures_is_their_gap():
    levels = default_profession().salaire.niveaux
    said = replied("de combien ça grimpe entre le max d'un débutant et le min d'un confirmé ?", "salaire")
    assert f"{euros(abs(levels.confirme.min - levels.debutant.max))} € d'écart" in said, said


def test_contributions_and_a_six_months_internship_are_details_the_fiche_lacks():
    for text, intent in (("les montants de la fiche c'est avant ou apres les cotisations ?", "contraintes"),
                         ("un stage de 6 mois ca suffit comme experience ?", "experiences")):
        said = replied(text, intent)
        assert said.startswith(template_start("hors_fiche.intro")), (text, said)


def test_he_helps_them_with_what_read_as_help_is_the_mission_just_answered():
    """« il les aide pour quoi exactement ? » after the mobility mission, read as a request for help: that mission,
    explained (its detail), not the assistant's help."""
    mission = next(m for m in default_profession().missions if "mobilit" in m.intitule.lower())
    replies = replies_to(("le charge de mission il accompagne des gens qui partent a letranger ?", "missions", A),
                         ("il les aide pour quoi exactement", "aide", dialogue.HELP))
    assert mission.intitule in replies[1] and mission.detail in replies[1], replies[1]


def test_where_alone_after_a_job_cited_for_later_repeats_where_the_fiche_says():
    p = default_profession()
    replies = replies_to(("moi je veux finir consultant, c possible depuis ce metier ?", "evolutions", A),
                         ("ou ca ?", "nlu_fallback", dialogue.CLARIFY))
    assert p.evolutions.ensuite in replies[1], replies[1]
