"""Kinds seen in a set written apart (tests/nlu/test_fresh45.yml): the pay over years (« sur 3 ans ça fait combien ? »,
« si je reste 3 ans au max ? »); another period after a calculation (« et par mois le max débutant ? » after a weekly
figure); the options to choose at the lycée and « en ville ou à la campagne » as details the fiche does not give; « je
sors d'école » as the beginner's level; a student who takes back the start of the message (« le salaire... non en fait
les études »); « hmm et pour un confirmé ? »; « ok merci, and the main missions? » after a diploma. Texts and figures are read
from the fixture fiche."""
import re

from core import dialogue
from core.understanding import retracted
from tests.support.knowledge import default_profession, pay_levels, replied, replies_to, school

A = dialogue.ANSWER


def plain(text: str) -> str:
    """A reply with its thousands separators removed (« 30 000 » → « 30000 »)."""
    return re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", text)


def test_the_pay_over_years_is_the_yearly_figures_times_the_years():
    beginner, _ = pay_levels()
    said = plain(replied("sur 3 ans ça fait combien pour un débutant ?", "salaire"))
    assert str(beginner.min * 3) in said and str(beginner.max * 3) in said, said
    said = plain(replies_to(("un débutant gagne combien ?", "salaire", A, "debutant"),
                            ("et si je reste 3 ans au max débutant ?", "salaire", A))[1])
    assert str(beginner.max * 3) in said and str(beginner.min * 3) not in said, said


def test_another_period_after_a_calculation_is_no_follow_up_of_it():
    beginner, _ = pay_levels()
    said = plain(replies_to(("combien par semaine au début ? le min", "salaire", A),
                            ("et par mois le max débutant ?", "salaire", A))[1])
    assert str(round(beginner.max / 12)) in said and "semaine" not in said, said


def test_options_at_the_lycee_and_town_or_country_are_details_the_fiche_does_not_give():
    for text in ("Il est en 3e, quelles options devrait-il choisir au lycée ?",
                 "les postes c plus en ville ou à la campagne ?"):
        assert replied(text, "missions").startswith("La fiche ne précise pas"), text


def test_leaving_school_is_the_beginners_level_even_after_a_subject():
    beginner, confirmed = pay_levels()
    text = "moi je sors d'école, on me paiera combien ?"
    start = text.index("sors")
    entity = {"entity": "experience", "value": "debutant", "start": start, "end": start + len("sors d'école")}
    q = school().understand(text, [entity], "salaire", [])
    said = plain(dialogue.respond(school(), dialogue.Turn(q, "salaire", (("salaire", 1.0),), {}, None, A)).reply.text)
    assert str(beginner.min) in said and str(confirmed.max) not in said, said
    # « tu confirmes ? » is still a verb, no level
    text = "un débutant gagne 40k, tu confirmes ?"
    verb = {"entity": "experience", "value": "confirme", "start": text.index("confirmes"),
            "end": text.index("confirmes") + len("confirmes")}
    assert school().understand(text, [verb], "salaire", []).experience is None


def test_a_student_who_takes_back_the_start_of_the_message_asks_what_follows():
    said = replied("le salaire... non en fait les études", "salaire")
    assert said[:60] == replied("quelles études faut-il faire ?", "diplome")[:60], said
    assert default_profession().soft_skills.qualites[0].nom in replied("les outils, enfin non, les qualités", "outils")
    assert retracted("il faut un bac+5 non ?") == 0 and retracted("c'est ça non ?") == 0


def test_a_hesitation_before_a_follow_up_keeps_it_a_follow_up():
    _, confirmed = pay_levels()
    turns = [("ok et par mois au début ça fait cb ?", "salaire", A, "debutant"),
             ("hmm et pour un confirmé ?", "salaire", A, "confirme")]
    said = plain(replies_to(*turns)[1])
    assert str(round(confirmed.max / 12)) in said, said


def test_ok_before_another_topic_after_a_diploma_asks_that_topic_not_whether_the_diploma_is_enough():
    said = replies_to(("un master c'est obligatoire ?", "mastere", A), ("ok merci, and the main missions?", "missions", A))[1]
    assert default_profession().missions[0].intitule in said, said
    assert school().understand("le bts c ok ?", [], "bts", []).asks_sufficiency
