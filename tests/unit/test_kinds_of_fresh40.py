"""Kinds seen in a set written apart (tests/nlu/test_fresh40.yml): calculations the student starts on his own amounts
(« 35000 / 12 ça fait combien ? », « 30000 par an ça fait combien par semaine ? », « si j'ai 40k et je passe à 60k ça
fait +combien ? »); « qd on commence » is the beginner; « ça fait cb par mois ça ? » after an average. Texts are read
from the fixture fiche."""
import re

from core import dialogue
from tests.support.knowledge import amounts, replied, replies_to, template_start

A, CLARIFY = dialogue.ANSWER, dialogue.CLARIFY


def _said(figure, reply: str) -> bool:
    """Whether a reply shows a figure, whatever its thousands separator."""
    return str(figure) in re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", reply)


def test_a_yearly_amount_the_student_gives_divided_by_the_months_weeks_or_days():
    own = template_start("salaire.calcul_montants_dits")
    for text, result in (("35000 / 12 ça fait combien ?", round(35000 / 12)),
                         ("et 40000 divisé par 12 ?", round(40000 / 12)),
                         ("35 000 par an ça fait combien par mois ?", round(35000 / 12)),
                         ("30000 par an ça fait combien par semaine ?", round(30000 / 52))):
        said = replied(text, "salaire")
        assert said.startswith(own) and _said(result, said), (text, said)
    # a net amount is not divided (the fiche's figures are gross; the net pay is a detail it lacks)
    assert not replied("30000 net par an ça fait combien par mois ?", "salaire").startswith(own)


def test_plus_how_much_between_two_amounts_is_their_gap_then_its_percentage():
    replies = replies_to(("si j'ai 40k et je passe à 60k ça fait +combien ?", "nlu_fallback", CLARIFY),
                         ("en pourcentage ?", "nlu_fallback", CLARIFY))
    assert _said(20000, replies[0]) and "50 %" in replies[1].replace("\u00a0", " "), replies


def test_when_one_starts_in_text_message_writing_is_the_beginner_and_its_average_by_the_month():
    (low, high), (_, top) = amounts("debutant"), amounts("confirme")
    replies = replies_to(("cb on gagne qd on commence ?", "salaire", A),
                         ("et la moyenne d'un débutant ?", "salaire", A, "debutant"),
                         ("ça fait cb par mois ça ?", "salaire", A))
    assert _said(low, replies[0]) and not _said(top, replies[0]), replies[0]
    assert _said(round((int(low) + int(high)) / 2 / 12), replies[2]), replies[2]


def test_the_same_calculation_on_a_new_amount_of_the_student():
    replies = replies_to(("30000 par an ça fait combien par semaine ?", "salaire", A), ("et 35000 ?", "salaire", A))
    assert _said(round(35000 / 52), replies[1]), replies[1]
    # right after the fiche's pay, a bare amount is still checked against its figures
    assert not replies_to(("quel salaire ?", "salaire", A), ("donc 60000 c'est le minimum ?", "salaire", A))[1] \
        .startswith(template_start("salaire.calcul_montants_dits"))


def test_must_not_be_organised_is_a_premise_denied_with_no():
    said = replied("et faut pas être organisé c'est ça ?", "soft_skills")
    assert said.startswith("Non"), said


def test_a_diploma_belittled_right_after_it_is_that_diploma_not_another_topic():
    master = replied("le mastère sert à quoi ?", "mastere")
    said = replies_to(("le mastère sert à quoi ?", "mastere", A),
                      ("donc ça sert à rien de le faire ou pas ?", "hard_skills", A))[1]
    assert said.startswith("Non") and master.split(":")[0].split("(")[0].strip()[:8] in said, said


def test_the_pay_asked_right_after_a_diploma_is_the_pay_by_diploma_which_the_fiche_lacks():
    intro = template_start("hors_fiche.intro")
    for diploma, intent in (("avec juste un bts je fais quoi comme poste ?", "bts"), ("le bachelor c'est quoi ?", "bachelor")):
        for follow_up in ("c'est le même salaire ?", "et ça paye combien ?"):
            said = replies_to((diploma, intent, A), (follow_up, "salaire", A))[1]
            assert said.startswith(intro), (diploma, follow_up, said)
    # a level of experience asked is the fiche's pay of that level
    (low, _), = (amounts("debutant"),)
    said = replies_to(("le bachelor c'est quoi ?", "bachelor", A), ("et un débutant il gagne combien ?", "salaire", A,
                                                                     "debutant"))[1]
    assert _said(low, said), said


def test_a_monthly_amount_times_twelve_is_its_yearly_amount():
    said = replied("et 4167 x 12 ça fait bien 50000 ?", "salaire")
    assert said.startswith(template_start("salaire.calcul_montants_dits")) and _said(4167 * 12, said), said


def test_a_search_in_a_school_of_one_profession_is_not_answered_on_a_topic_the_model_barely_gave(tmp_path):
    """« ya des maths ? », read as a search with the missions at 0.01: no missions given as if asked; « on bosse seul ou
    en équipe ? » is the quality its words name."""
    from tests.support.knowledge import one_profession_school
    one = one_profession_school(tmp_path)
    p = next(iter(one.professions.values()))

    def reply(text, ranking):
        q = one.understand(text, [], ranking[0][0], [])
        return dialogue.respond(one, dialogue.Turn(q, ranking[0][0], ranking, {"sujet": "contraintes"}, None,
                                                   dialogue.CATALOGUE)).reply.text

    said = reply("ya des maths ?", (("catalogue_chercher", 0.93), ("hors_sujet", 0.04), ("missions", 0.01)))
    assert not any(m.intitule in said for m in p.missions), said
    said = reply("c un métier où on bosse seul ou en équipe ?",
                 (("catalogue_chercher", 0.94), ("evolutions", 0.03), ("contraintes", 0.01)))
    assert not any(e in said for e in p.evolutions.postes), said
