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
