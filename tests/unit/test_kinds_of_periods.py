"""Pay over another period than the fiche's year, read from a set written apart (tests/nlu/test_fresh30.yml) and seen in
earlier sets (« ça fait combien par semaine ? », « par jour si on compte les 365 jours ? », « en 18 mois au max ? », « 1
an et demi au minimum, j'aurai gagné combien en tout ? »): each figure computed from the fixture fiche's own figures,
said to be a calculation. Hours a day are no pay."""
from core import dialogue
from core.knowledge import euros
from core.pay_sums import PER_DAY, PER_WEEK, pay_sum
from core.understanding import fold, understand
from tests.support.knowledge import pay_levels as levels
from tests.support.knowledge import replied as reply
from tests.support.knowledge import replies_to as conversation
from tests.support.knowledge import template_start

A = dialogue.ANSWER


def test_a_levels_pay_by_the_week_is_each_bound_divided_by_52():
    beginner, _ = levels()
    text = reply("ca fait combien par semaine quand tu debutes ?", "salaire")
    assert text.startswith(template_start("salaire.calcul")), text
    assert f"{euros(round(beginner.min / 52))} € par semaine" in text and f"{euros(round(beginner.max / 52))} €" in text


def test_one_bound_by_the_day_and_over_a_year_and_a_half():
    beginner, _ = levels()
    text = reply("si je divise le salaire de debut le plus bas par 365 jours, ça fait cb par jour ?", "salaire")
    assert f"{euros(round(beginner.min / 365))} € par jour" in text and f"{euros(round(beginner.max / 365))} €" not in text
    text = reply("si je reste 1 an et demi au salaire mini debutant j'aurai gagné combien en tout ?", "salaire")
    assert f"{euros(round(beginner.min * 1.5))} € sur 18 mois" in text, text


def test_a_period_alone_after_the_pay_is_on_the_figure_or_level_just_given():
    _, confirmed = levels()
    replies = conversation(("le confirmé il touche entre combien et combien ?", "salaire", A, "confirme"),
                           ("en 18 mois au max ca fait combien ?", "relance", A))
    assert f"{euros(round(confirmed.max * 1.5))} € sur 18 mois" in replies[1], replies[1]
    replies = conversation(("le confirmé il touche entre combien et combien ?", "salaire", A, "confirme"),
                           ("et par jour ?", "relance", A))
    assert f"{euros(round(confirmed.min / 365))} € par jour" in replies[1], replies[1]


def test_hours_a_day_and_a_monthly_amount_are_no_period_of_pay():
    assert pay_sum(fold("combien d'heures par jour pour un débutant ?"), True) is None
    assert pay_sum(fold("un débutant gagne combien par semaine ?"), True).kind == PER_WEEK
    assert pay_sum(fold("le max confirmé par jour ça donne quoi ?"), True).kind == PER_DAY
    assert pay_sum(fold("3 000 € par mois ça fait combien par an ?"), True).kind == "par_an"


def test_twelve_months_in_a_monthly_question_is_no_period_and_rising_within_a_range_is_its_width():
    assert pay_sum(fold("et en mensuel sur 12 mois le min debutant ça donne ?"), True) is None
    beginner, _ = levels()
    text = reply("un debutant son salaire peut monter de combien dans sa fourchette ?", "salaire")
    assert f"{euros(beginner.max - beginner.min)} € d'écart" in text, text


def test_just_out_of_school_what_one_earns_is_the_beginners_pay():
    q = understand("qqn qui sort tout juste d'ecole il touche quoi ?")
    assert q.about_pay and q.experience == "debutant"


def test_a_quarter_and_a_semester_are_three_and_six_months_of_the_year():
    """« sur un semestre », « par trimestre »: a figure of the year times 6 or 3 twelfths; after the middle of a range,
    that middle."""
    beginner, _ = levels()
    text = reply("En brut, un débutant toucherait combien sur un semestre ? (la fourchette svp)", "salaire")
    assert f"{euros(round(beginner.min / 2))} € sur 6 mois" in text and f"{euros(round(beginner.max / 2))} €" in text
    middle = round((beginner.min + beginner.max) / 2)
    replies = conversation(("c'est quoi la fourchette débutant", "salaire", A, "debutant"),
                           ("le milieu de cette fourchette ?", "salaire", A),
                           ("par trimestre ça fait combien ?", "salaire", A))
    assert f"{euros(round(middle / 4))} € sur 3 mois" in replies[2], replies[2]
    assert f"{euros(round(beginner.min / 4))} €" not in replies[2]


def test_months_said_once_carry_to_the_next_level_and_a_period_after_the_monthly_pay_is_on_the_level_kept():
    """« en 18 mois au max ? » then « et pour un confirmé ? »: 18 months of the confirmed's maximum; « et par mois ? »
    (the fiche gives no monthly pay) after a confirmed's pay, then « par semaine ? »: the confirmed's pay by the week."""
    beginner, confirmed = levels()
    replies = conversation(("un débutant touche combien en 18 mois au max ?", "salaire", A, "debutant"),
                           ("et pour un confirmé ?", "relance", A, "confirme"))
    assert f"{euros(round(confirmed.max * 1.5))} € sur 18 mois" in replies[1], replies[1]
    replies = conversation(("il gagne combien par an un confirmé", "salaire", A, "confirme"),
                           ("et par mois en moyenne ?", "salaire", A),
                           ("par semaine ?", "relance", A))
    assert f"{euros(round(confirmed.max / 52))} € par semaine" in replies[2], replies[2]
    assert f"{euros(round(beginner.min / 52))} €" not in replies[2]
