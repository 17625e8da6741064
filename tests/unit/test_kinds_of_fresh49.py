"""Kinds seen in a set written apart (tests/nlu/test_fresh49.yml): an amount or a figure over years « au total »;
how long a level lasts (« combien de temps on reste débutant ? », « combien d'années avant d'être confirmé ? ») is the
fiche's levels, not the experience asked to apply; a short message that names one topic, read with no confidence (« ok
ok et les missions alors ? »), gets that topic, but a level of the pay said alone (« en début de carrière je veux
dire ») is no topic; « tu fais comment tes calculs ? » asks where a figure comes from; « cb en + » is a gap; in
knowledge/hors_fiche.yml, « on touche combien en alternance », « before or after taxes », « négocier son salaire ».
Texts and figures are read from the fixture fiche."""
import re

from core import dialogue
from core.cues import cues
from core.pay_sums import pay_sum
from core.textnorm import fold
from tests.support.knowledge import default_profession, pay_levels, replied, replies_to

A, C = dialogue.ANSWER, dialogue.CLARIFY


def plain(text: str) -> str:
    """A reply folded, with its thousands separators removed (« 30 000 » → « 30000 »)."""
    return fold(re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", text))


def test_how_long_a_level_lasts_is_the_fiches_levels():
    levels = fold(replied("débutant, ça veut dire combien d'années ?", "salaire"))
    for text in ("combien de temps on reste débutant ?", "combien d'années avant d'être confirmé ?"):
        said = fold(replied(text, "salaire"))
        assert said[:60] == levels[:60] and not said.startswith("la fiche ne precise pas"), (text, said)


def test_a_short_message_naming_one_topic_gets_it_but_a_level_of_the_pay_is_no_topic():
    mission = fold(default_profession().missions[0].intitule)
    said = replies_to(("le salaire c'est combien ?", "salaire", A), ("ok ok et les missions alors ?", "nlu_fallback", C))[1]
    assert mission in fold(said), said
    beginner, confirmed = pay_levels()
    said = plain(replies_to(("c quoi le salaire ?", "salaire", A),
                            ("en début de carrière je veux dire", "nlu_fallback", C, "debutant"))[1])
    assert str(beginner.min) in said and str(confirmed.max) not in said, said


def test_how_the_calculations_are_made_asks_where_a_figure_comes_from():
    assert cues(fold("ok tu fais comment tes calculs ?")).whence
    assert not cues(fold("tu fais comment pour trouver une alternance ?")).whence


def test_cb_en_plus_is_a_gap():
    asked = pay_sum(fold("cb en + par an entre débutant max et confirmé min ?"), True)
    assert asked is not None and asked.kind == "ecart" and asked.figures == (("debutant", "max"), ("confirme", "min"))


def test_work_study_pay_and_taxes_asked_in_slang_or_english_are_said_missing():
    for text, intent in (("et en alternance on touche combien ?", "alternance"), ("is it before or after taxes?", "salaire"),
                         ("jpeux négocier mon salaire à l'embauche ?", "salaire")):
        assert fold(replied(text, intent)).startswith("la fiche ne precise pas"), text


def test_an_amount_or_a_figure_over_years_in_all_is_a_total():
    """« si je gagne 30k pendant 3 ans ça fait cb au total ? »: the student's amount over those years; « et au max
    débutant ? » next: the fiche's figure over the same years; « et un confirmé au max sur 5 ans ? »: that figure over
    the years that end the message. « le bts se fait sur 2 ans ? » is no pay."""
    beginner, confirmed = pay_levels()
    replies = [plain(text) for text in replies_to(("si je gagne 30k pendant 3 ans ça fait cb au total ?", "salaire", A),
                                                  ("et au max débutant ?", "salaire", A),
                                                  ("et un confirmé au max sur 5 ans ?", "salaire", A))]
    assert "90000" in replies[0], replies[0]
    assert str(beginner.max * 3) in replies[1], replies[1]
    assert str(confirmed.max * 5) in replies[2], replies[2]
    assert pay_sum(fold("le bts se fait sur 2 ans ?"), False) is None
