"""Kinds seen in a set written apart (tests/nlu/test_fresh46.yml): « plus simple stp », « en plus simple ? » asking the
last answer again, plainly; « en mois » as a month (« et ça en mois ? »); « moyene », one n, as an average; « résume en 3
points », read with no confidence, as the fiche in short. (« le pire dans ce métier », « salère », « dbt », « compétences
humaines » with typos are examples and entity forms: tests/stack measure them.) Texts and figures are read from the
fixture fiche."""
import re

from core import dialogue
from core.amounts import MONTHLY
from core.cues import _AGAIN
from core.textnorm import fold
from tests.support.knowledge import pay_levels, replied, replies_to

A, C = dialogue.ANSWER, dialogue.CLARIFY


def plain(text: str) -> str:
    """A reply with its thousands separators removed (« 30 000 » → « 30000 »)."""
    return re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", text)


def test_asking_it_simpler_is_the_last_answer_again_but_a_comparison_is_not():
    for text in ("plus simple stp", "en plus simple ?", "tu peux le dire plus simplement ?", "simplifie", "plus clair svp"):
        assert _AGAIN.search(fold(text)), text
    for text in ("c plus simple avec un bts ?", "le bachelor c'est plus simple ?", "plus simple ou plus dur qu'infirmier ?"):
        assert not _AGAIN.search(fold(text)), text
    first, again = replies_to(("quelles sont les contraintes ?", "contraintes", A), ("en plus simple ?", "nlu_fallback", C))
    assert again[:50] == first[:50], again


def test_in_months_is_a_month():
    for text in ("et ça en mois ?", "ça fait combien en mois", "ramené au mois ?"):
        assert MONTHLY.search(fold(text)), text
    assert not MONTHLY.search(fold("le bts se fait en 24 mois ?"))
    beginner, confirmed = pay_levels()
    said = plain(replies_to(("le salaire au max ?", "salaire", A), ("et ça en mois ?", "relance", A))[1])
    assert str(round(confirmed.max / 12)) in said and "12" in said, said


def test_an_average_typed_with_one_n_is_an_average():
    beginner, _ = pay_levels()
    said = plain(replied("la moyene du salaire débutant ?", "salaire"))
    assert str(round((beginner.min + beginner.max) / 2)) in said, said


def test_a_summary_asked_with_no_confidence_is_the_fiche_in_short():
    summary = replied("résume-moi le métier", "definition")
    said = replied("resume en 3 points stp", "nlu_fallback", C)
    assert said[:60] == summary[:60], said
    # a topic named is that topic, not the summary
    assert replied("resume le salaire stp", "nlu_fallback", C)[:60] != summary[:60]
