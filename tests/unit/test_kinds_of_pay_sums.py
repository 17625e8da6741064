"""Calculations on the pay figures, a kind read from the misses of sets written apart (tests/nlu/test_fresh17.yml to
test_fresh19.yml): the gap between two figures, the middle of a range, how many times one is another, a rise in
percent, a monthly amount put by the year. Each is said to be a calculation, with the figures it is made on; what is
no calculation keeps its answer. Through core/dialogue.py on the behaviour knowledge: every expected figure is
computed from the fixture fiche."""
from core import dialogue
from core.knowledge import euros
from core.pay_sums import PaySum, pay_sum
from core.textnorm import fold
from tests.support.knowledge import conversation, default_profession, template_start
from tests.support.knowledge import replied as reply

CALCULATION = template_start("salaire.calcul")


def levels():
    return default_profession().salaire.niveaux


def test_the_gap_between_a_bound_of_each_level_is_computed_from_the_fiche():
    beginner, confirmed = levels().debutant, levels().confirme
    text = reply("quel est l'écart entre le salaire max d'un débutant et le salaire min d'un confirmé ?", "salaire")
    assert text.startswith(CALCULATION), text
    assert f"{euros(abs(confirmed.min - beginner.max))} € d'écart" in text, text
    # one bound for both levels: « le salaire minimum quand on passe de débutant à confirmé »
    text = reply("de combien augmente le salaire minimum quand on passe de débutant à confirmé ?", "salaire")
    assert f"{euros(confirmed.min - beginner.min)} € d'écart" in text, text
    # « les 2 max », with no word of pay, after the pay
    text = reply("bref entre les 2 max ca fait cb de diff", "nlu_fallback", dialogue.CLARIFY, slots={"sujet": "salaire"},
                 ranking=(("nlu_fallback", 0.4), ("hard_skills", 0.3)))
    assert f"{euros(confirmed.max - beginner.max)} € d'écart" in text, text


def test_the_middle_of_a_range_is_its_two_bounds_halved():
    confirmed = levels().confirme
    text = reply("c koi le milieu de la fourchette pr un confirmé", "salaire")
    assert text.startswith(CALCULATION) and euros(round((confirmed.min + confirmed.max) / 2)) in text, text
    assert euros(round((levels().debutant.min + levels().debutant.max) / 2)) not in text, text


def test_how_many_times_and_the_percent_are_said_with_their_figures():
    beginner, confirmed = levels().debutant, levels().confirme
    text = reply("le haut de la fourchette confirmé, c'est combien de fois le bas de la fourchette débutant ?", "salaire")
    ratio = f"{confirmed.max / beginner.min:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    assert f"représente {ratio} fois" in text, text
    text = reply("si je passe de 30 000 € à 40 000 € par an, ça fait quel pourcentage d'augmentation ?", "salaire")
    assert text.startswith(template_start("salaire.calcul_montants_dits")) and "hausse de 33,33 %" in text, text


def test_a_monthly_amount_is_put_by_the_year_and_placed_against_each_range():
    beginner = levels().debutant
    monthly = (beginner.min + beginner.max) // 2 // 12  # a monthly pay whose year falls in the beginner's range
    text = reply(f"si je veux {monthly} € brut par mois, ça fait combien par an ? c'est dans la fourchette débutant ?",
                 "salaire")
    assert f"= {euros(monthly * 12)} € par an" in text, text
    assert f"c'est dans la fourchette {beginner.libelle}" in text, text
    # a net amount is not compared with the fiche's gross figures
    assert pay_sum(fold(f"{monthly} € net par mois c'est bien ?"), True) is None


def test_what_is_no_calculation_of_the_pay_is_left_alone():
    for text in ("moyenne des 6 ?", "écart entre la meilleure et la pire", "la différence entre un BTS et un bachelor ?",
                 "la moyenne de 15 suffit ?", "le salaire minimum d'un débutant ?"):
        assert pay_sum(fold(text), "salaire" in text) is None, text
    # (« 35 000 par an ça fait combien par mois ? » divides the student's own amount: tests/unit/test_kinds_of_fresh40.py)
    assert pay_sum(fold("quelle différence de salaire entre débutant et confirmé ?"), True) == PaySum(
        "ecart", (("debutant", ""), ("confirme", "")))


def test_a_short_follow_up_of_a_calculation_changes_its_level_or_its_operation():
    from tests.support.knowledge import school
    confirmed, beginner = levels().confirme, levels().debutant
    replies = _conversation(("le milieu de la fourchette débutant ça fait combien ?", "salaire"),
                            ("et pour un confirmé ?", "salaire"),
                            ("l'écart entre le max débutant et le max confirmé ?", "salaire"),
                            ("et en pourcentage ?", "nlu_fallback"))
    assert euros(round((confirmed.min + confirmed.max) / 2)) in replies[1], replies[1]
    assert f"hausse de {percent(beginner.max, confirmed.max)} %" in replies[3], replies[3]
    # after the pay figures, not a calculation, « et pour un confirmé ? » is no calculation
    q = school().understand("et pour un confirmé ?", [], "salaire", [])
    outcome = dialogue.respond(school(), dialogue.Turn(q, "salaire", (), {"sujet": "salaire"}, None, dialogue.ANSWER))
    assert not outcome.reply.text.startswith(CALCULATION), outcome.reply.text


def _conversation(*turns):
    """The replies to (text, intent, *levels) sent in order, read unsure (a clarification) when the intent is the
    fallback."""
    return conversation(*((text, intent, dialogue.CLARIFY if intent == "nlu_fallback" else dialogue.ANSWER, *levels)
                          for text, intent, *levels in turns))[0]


def percent(start: int, end: int) -> str:
    return f"{(end - start) / start * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def test_the_middles_of_the_two_ranges_are_compared_by_gap_and_percent():
    """(tests/nlu/test_fresh21.yml) « de combien augmente le milieu de fourchette entre les deux ? », then « et en
    pourcentage ? » after the middles: the change from one middle to the other, never « problème technique »."""
    beginner, confirmed = levels().debutant, levels().confirme
    low, high = round((beginner.min + beginner.max) / 2), round((confirmed.min + confirmed.max) / 2)
    replies = _conversation(("le salaire débutant et confirmé ?", "salaire"),
                            ("de combien augmente le milieu de fourchette entre les deux ?", "catalogue_comparer"),
                            ("et en pourcentage ?", "relance"))
    assert replies[1].startswith(CALCULATION) and f"{euros(high - low)} € d'écart" in replies[1], replies[1]
    assert f"hausse de {percent(low, high)} %" in replies[2], replies[2]
    replies = _conversation(("le milieu de la fourchette débutant ?", "salaire"), ("et en pourcentage ?", "relance"))
    assert f"hausse de {percent(low, high)} %" in replies[1], replies[1]


def test_two_bounds_named_without_a_level_are_those_of_the_level_just_answered():
    """« fourchette débutant ? » then « de combien de % le haut dépasse le bas ? »: that range's rise from its bottom to
    its top; « et pour les confirmés ? » the same on theirs. Without an answer on one level, no calculation is made."""
    beginner, confirmed = levels().debutant, levels().confirme
    replies = _conversation(("fourchette débutant ?", "salaire", "debutant"),
                            ("de combien de % le haut dépasse le bas ?", "salaire"),
                            ("et pour les confirmés ?", "salaire", "confirme"))
    assert f"hausse de {percent(beginner.min, beginner.max)} %" in replies[1], replies[1]
    assert f"hausse de {percent(confirmed.min, confirmed.max)} %" in replies[2], replies[2]
    replies = _conversation(("les missions ?", "missions"), ("de combien de % le haut dépasse le bas ?", "salaire"))
    assert not replies[1].startswith(CALCULATION), replies[1]


def test_a_calculation_that_names_no_figure_is_on_the_figures_just_asked():
    """(tests/nlu/test_fresh22.yml) « le salaire débutant max ? », « et le confirmé max ? », « donc l'écart entre les
    deux ? »: those two figures; « cb gagne un confirmé au minimum », « et au maximum ? », « la différence ? », « et ça
    représente quel % du minimum ? »; « salaire confirmé », « la moyenne des deux bornes ? ». Without a pay answer
    before, « la différence ? » is no calculation."""
    beginner, confirmed = levels().debutant, levels().confirme
    replies = _conversation(("le salaire debutant max c'est combien", "salaire", "debutant"),
                            ("et le salaire confirmé max ?", "salaire", "confirme"),
                            ("donc l'écart entre les deux ?", "salaire"))
    assert replies[2].startswith(CALCULATION) and f"{euros(confirmed.max - beginner.max)} € d'écart" in replies[2], replies[2]
    replies = _conversation(("cb gagne un confirme au minimum", "salaire", "confirme"), ("et au maximum ?", "salaire"),
                            ("la différence ?", "nlu_fallback"), ("et ça représente quel % du minimum ?", "salaire"))
    assert f"{euros(confirmed.max - confirmed.min)} € d'écart" in replies[2], replies[2]
    assert f"hausse de {percent(confirmed.min, confirmed.max)} %" in replies[3], replies[3]
    replies = _conversation(("salaire confirmé stp", "salaire", "confirme"), ("la moyenne des deux bornes ?", "salaire"))
    assert euros(round((confirmed.min + confirmed.max) / 2)) in replies[1], replies[1]
    replies = _conversation(("les missions", "missions"), ("la différence ?", "nlu_fallback"))
    assert not replies[1].startswith(CALCULATION), replies[1]


def test_a_bound_asked_alone_is_of_the_level_just_answered_and_a_bare_difference_is_no_comparison_of_jobs():
    """« cb gagne un confirmé au minimum », « et au maximum ? » (a follow-up the model reads as such): the confirmed's
    pay; « la différence ? » read as a comparison of professions: the gap between those two figures."""
    confirmed = levels().confirme
    replies, _ = conversation(("cb gagne un confirme au minimum", "salaire", dialogue.ANSWER, "confirme"),
                              ("et au maximum ?", "relance", dialogue.ANSWER),
                              ("la différence ?", "catalogue_comparer", dialogue.CATALOGUE), confidence=0.9)
    assert replies[1].startswith(template_start("salaire.niveau").split("{")[0]) and euros(confirmed.max) in replies[1], \
        replies[1]
    assert euros(levels().debutant.max) not in replies[1], replies[1]
    assert f"{euros(confirmed.max - confirmed.min)} € d'écart" in replies[2], replies[2]


def test_the_ratio_between_two_figures_named_is_computed():
    confirmed, beginner = levels().confirme, levels().debutant
    text = reply("Et quel est le rapport entre le plus haut salaire confirmé et ce salaire débutant le plus bas ?", "salaire")
    assert text.startswith(CALCULATION) and f"{confirmed.max / beginner.min:.2f}".rstrip("0").rstrip(".").replace(".", ",") \
        in text, text


def test_a_figure_named_after_another_and_the_middles_asked_apart():
    """(tests/nlu/test_fresh23.yml) « si je touche le max débutant, ça fait combien par mois ? » then « et si je monte
    jusqu'au max confirmé, je gagne combien de plus par an ? »: from the one to the other, then « en pourcentage ? »;
    « et le milieu de sa fourchette ? » after a confirmed's pay is the confirmed's middle, and « combien de plus en %
    par rapport au milieu de la fourchette débutant ? » compares the middles; « couper la fourchette en 2 » is its
    middle."""
    beginner, confirmed = levels().debutant, levels().confirme
    replies = _conversation(("si je touche le max debutant, ça fait combien par mois brut", "salaire", "debutant"),
                            ("et si je monte jusqu'au max confirmé, je gagne combien de plus par an ?", "salaire", "confirme"),
                            ("en pourcentage ?", "nlu_fallback"))
    assert f"{euros(confirmed.max - beginner.max)} € d'écart" in replies[1], replies[1]
    assert f"hausse de {percent(beginner.max, confirmed.max)} %" in replies[2], replies[2]
    low, high = round((beginner.min + beginner.max) / 2), round((confirmed.min + confirmed.max) / 2)
    replies = _conversation(("un mec qui a genre 6-7 ans dans le metier il touche combien", "salaire", "confirme"),
                            ("et le milieu de sa fourchette ?", "salaire"),
                            ("ça fait combien de plus en % par rapport au milieu de la fourchette debutant", "salaire",
                             "debutant"))
    assert euros(high) in replies[1] and euros(low) not in replies[1], replies[1]
    assert f"hausse de {percent(low, high)} %" in replies[2], replies[2]
    text = reply("en gros si on coupe la fourchette des debutants en 2 ca fait quoi comme salaire 'moyen'", "salaire")
    assert text.startswith(CALCULATION) and euros(low) in text, text


def test_two_figures_asked_then_a_calculation_and_thanks_before_it():
    """(tests/nlu/test_fresh24.yml) « le min débutant et le min confirmé c'est combien » (read unsure), then « ça fait
    +combien de % entre les 2 » (read out of scope): the rise between those two; « du coup l'écart entre les deux
    milieux ? » is the gap between the middles, and « merci t'es un boss et ça fait combien en % ? » their rise, never
    « problème technique »."""
    beginner, confirmed = levels().debutant, levels().confirme
    from tests.support.knowledge import school
    replies, _ = conversation(("slt, le min débutant et le min confirmé c'est combien", "nlu_fallback", dialogue.CLARIFY),
                              ("ça fait +combien de % entre les 2", "hors_sujet", dialogue.OUT_OF_SCOPE))
    assert f"hausse de {percent(beginner.min, confirmed.min)} %" in replies[1], replies[1]
    low, high = round((beginner.min + beginner.max) / 2), round((confirmed.min + confirmed.max) / 2)
    replies = _conversation(("le salaire débutant c combien svp", "salaire", "debutant"),
                            ("du coup l'écart entre les deux milieux ?", "salaire"))
    assert f"{euros(high - low)} € d'écart" in replies[1], replies[1]
    q = school().understand("merci t'es un boss 🙏 et ça fait combien en % d'augmentation ?", [], "merci", [
        {"text": "merci t'es un boss 🙏", "intent": "merci", "confidence": 0.99},
        {"text": "et ça fait combien en % d'augmentation ?", "intent": "salaire", "confidence": 0.95}])
    turn = dialogue.Turn(q, "merci", (("merci", 0.9),), {"sujet": "salaire",
                                                         dialogue.ITEM: "calcul:ecart:debutant-milieu,confirme-milieu:"},
                         None, dialogue.ANSWER)
    text = dialogue.question_after_politeness(school(), turn).reply.text
    assert f"hausse de {percent(low, high)} %" in text, text


def test_the_same_calculation_on_another_level_said_with_its_operation():
    """(tests/nlu/test_fresh24.yml) « écart entre le bas et le haut ? » after a confirmed's pay, then « et pour un
    débutant le même écart ? »: the beginner's."""
    beginner = levels().debutant
    replies = _conversation(("le salaire d'un confirmé, fourchette ?", "salaire", "confirme"),
                            ("écart entre le bas et le haut ?", "salaire"),
                            ("et pour un débutant le même écart ?", "salaire", "debutant"))
    assert f"{euros(beginner.max - beginner.min)} € d'écart" in replies[2], replies[2]


def test_the_smallest_and_biggest_pay_are_bounds_a_division_is_a_ratio_and_in_euros_follows_a_percent_up():
    """« le plus petit salaire de débutant », « le plus gros de confirmé »: the bounds; « divisé par le min débutant »:
    how many times; « et en euros ? » after a rise in percent: the same change in euros (tests/nlu/test_fresh31.yml,
    test_fresh32.yml)."""
    beginner, confirmed = levels().debutant, levels().confirme
    text = reply("ecart entre le plus petit salaire de debutant et le plus gros salaire de confirmé ??", "salaire")
    assert f"{euros(confirmed.max - beginner.min)} € d'écart" in text, text
    assert pay_sum(fold("le salaire max confirmé divisé par le min débutant ça fait combien"), True) \
        == PaySum("rapport", (("confirme", "max"), ("debutant", "min")))
    middles = [round((lvl.min + lvl.max) / 2) for lvl in (beginner, confirmed)]
    replies, _ = conversation(("en moyenne, le salaire confirmé c combien de % de plus que le débutant", "salaire",
                               dialogue.ANSWER),
                              ("et en euros ?", "relance", dialogue.ANSWER))
    assert f"{euros(middles[1] - middles[0])} € d'écart" in replies[1], replies[1]
