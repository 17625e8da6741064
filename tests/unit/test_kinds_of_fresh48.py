"""Kinds seen in a set written apart (tests/nlu/test_fresh48.yml): « bon bah merci qd même 🙃 » is thanks, however many
little words around it; « allez stp juste un petit prono 🙏 » after a refusal is refused again, not a goodbye;
« erasmus ça aide ? », read as a request for help, asks a detail the fiche does not give; « ça dépend de la boîte ou c
tjrs pareil ? » after a mission is that list with its caveat; « ça fait cb en plus par rapport au début en % ? » after
the confirmed's pay compares the two levels; in knowledge/hors_fiche.yml, what « brut » means (a sentence true of every
fiche), « bilingue », « google trad », « les chiffres à côté c sur combien ? ». Texts and figures are read from the
fixture fiche."""
import re

from core import dialogue
from core.textnorm import fold
from tests.support.knowledge import default_profession, pay_levels, replied, replies_to

A, C, H, OUT = dialogue.ANSWER, dialogue.CLARIFY, dialogue.HELP, dialogue.OUT_OF_SCOPE


def plain(text: str) -> str:
    """A reply folded, with its thousands separators removed (« 30 000 » → « 30000 »)."""
    return fold(re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", text))


def test_thanks_with_little_words_around_it_is_thanks():
    thanks = fold(replied("merci", "remerciement"))
    for text in ("bon bah merci qd même 🙃", "ok ben merci beaucoup", "ah bon bah merci quand même"):
        said = fold(replied(text, "hard_skills"))
        assert said[:20] == thanks[:20], (text, said)
    assert fold(replied("merci et les outils ?", "outils"))[:20] != thanks[:20]


def test_insisting_after_a_refusal_is_refused_again_even_read_as_a_goodbye():
    refusal, again = replies_to(("tu penses que le psg va gagner la ligue des champions ?", "hors_sujet", OUT),
                                ("allez stp juste un petit prono 🙏", "au_revoir", A))
    assert fold(again)[:40] == fold(refusal)[:40], again


def test_a_detail_the_fiche_lacks_read_as_a_request_for_help_is_said_missing():
    assert fold(replied("erasmus ça aide ?", "aide", H)).startswith("la fiche ne precise pas")
    assert not fold(replied("tu sers à quoi ?", "aide", H)).startswith("la fiche ne precise pas")


def test_whether_a_list_depends_on_the_company_after_one_of_its_items_is_that_list():
    mission = default_profession().missions[0]
    said = replies_to(("c quoi les missions ?", "missions", A), (f"{mission.intitule.lower()} c quoi ?", "missions", A),
                      ("ca depend de la boite ou c tjrs pareil ?", "nlu_fallback", C))[2]
    assert all(fold(m.intitule) in fold(said) for m in default_profession().missions[:3]), said


def test_a_level_compared_with_the_one_just_answered_is_a_calculation_on_both():
    beginner, confirmed = pay_levels()
    said = plain(replies_to(("c quoi le salaire au début", "salaire", A), ("et pour un confirmé ?", "relance", A),
                            ("ça fait cb en plus par rapport au début en % ?", "salaire", A))[2])
    low, high = (beginner.min + beginner.max) / 2, (confirmed.min + confirmed.max) / 2
    assert str(round(high - low)) in said and "%" in said, said


def test_what_gross_means_and_other_details_in_slang_are_said_missing():
    said = fold(replied("c quoi brut", "definition"))
    assert said.startswith("la fiche ne precise pas") and "cotisations" in said, said
    for text, intent in (("donc faut être bilingue minimum ?", "hard_skills"), ("traduction genre google trad ?", "outils"),
                         ("les chiffres à côté c sur combien ? /100 ?", "hard_skills")):
        assert fold(replied(text, intent)).startswith("la fiche ne precise pas"), text
