"""Kinds seen in a set written apart (tests/nlu/test_fresh47.yml): « un … qui débute » as a beginner; an opinion of an item
(« c chiant non ? ») answered with the fiche's fact and no « Oui » that would grant it; a word of the constraints quoted
back (« tu dis "jongler", avec quoi ? »); « 2) les études tu peux redire ? » right after a detail the fiche lacks asks the
studies, not that detail again; the evolutions asked beside the years a level takes, both answered; details the fiche
does not give asked in slang (knowledge/hors_fiche.yml: « télétaf », « il rend des comptes à qui ? », « comment on
trouve une alternance ? », « le meilleur bac », « un taf de bureau »). Texts and figures are read from the fixture
fiche."""
import re

from core import dialogue
from core.cues import cues
from core.pay_sums import pay_sum
from core.textnorm import fold
from core.understanding import _BEGINNING
from tests.support.knowledge import default_profession, pay_levels, replied, replies_to

A, C = dialogue.ANSWER, dialogue.CLARIFY


def plain(text: str) -> str:
    """A reply folded, with its thousands separators removed (« 30 000 » → « 30000 »)."""
    return fold(re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", text))


def test_someone_who_starts_is_a_beginner_but_a_range_that_starts_at_a_figure_is_not():
    beginner, confirmed = pay_levels()
    said = plain(replied("ça gagne cb un pro de ce métier qui débute ?", "salaire"))
    assert str(beginner.min) in said and str(confirmed.max) not in said, said
    assert _BEGINNING.search(fold("un pro qui démarre dans le métier")) and _BEGINNING.search(fold("ceux qui débutent"))
    assert not _BEGINNING.search(fold("la fourchette qui commence à 30k c'est pour qui ?"))


def test_an_opinion_of_an_item_gets_its_fact_without_a_yes():
    assert cues(fold("la gestion administrative c chiant non ?")).judging
    assert not cues(fold("la gestion administrative fait partie des missions ?")).judging
    mission = default_profession().missions[0]
    said = replied(f"{mission.intitule.lower()} c chiant non ?", "missions")
    assert fold(mission.intitule) in fold(said) and not re.match(r"\W*oui\b", fold(said)), said
    tool = default_profession().outils.categories[0]
    said = replied(f"les {tool.nom.lower()} c'est ennuyeux ?", "outils")
    assert fold(tool.nom) in fold(said) and not re.match(r"\W*oui\b", fold(said)), said


def test_a_word_of_the_constraints_quoted_back_is_answered_by_the_constraints():
    constraints = default_profession().contraintes.liste
    word = max(constraints[0].split(), key=len)
    first, quoted = replies_to(("c quoi le plus dur dans ce métier", "contraintes", A),
                               (f'tu dis "{word}", ça veut dire quoi ?', "nlu_fallback", C))
    assert fold(constraints[0]) in fold(quoted), quoted


def test_a_topic_named_with_a_request_to_say_it_again_after_a_missing_detail_is_that_topic():
    absent, studies = replies_to(("ya des noms de logiciels précis ?", "outils", A),
                                 ("2) les études tu peux redire stp", "diplome", A))
    assert fold(absent).startswith("la fiche ne precise pas"), absent
    assert not fold(studies).startswith("la fiche ne precise pas") and "bts" in fold(studies), studies


def test_the_evolutions_asked_beside_the_years_a_level_takes_are_answered_too():
    evolutions = default_profession().evolutions.postes
    said = fold(replied("c quoi les évolutions possibles et faut combien d'années pour être confirmé ?", "evolutions"))
    assert fold(evolutions[0]) in said and "ans" in said, said


def test_details_the_fiche_lacks_asked_in_slang_are_said_missing():
    for text, intent in (("ya du télétaf dans ce taf ?", "contraintes"), ("il rend des comptes à qui ?", "missions"),
                         ("comment on trouve une alternance ?", "alternance"),
                         ("c'est quoi le meilleur bac pour ce métier ?", "diplome"),
                         ("du coup c plutôt un taf de bureau ?", "contraintes")):
        assert fold(replied(text, intent)).startswith("la fiche ne precise pas"), text


def test_the_start_at_its_lowest_is_the_beginners_minimum():
    """« entre le début le plus bas et le confirmé le plus haut »: « le début » with a bound is the beginner's level;
    « au début de la conversation » names none."""
    beginner, confirmed = pay_levels()
    said = plain(replied("en % ça fait cb de plus entre le début le plus bas et le confirmé le plus haut ?", "salaire"))
    rise = f"{(confirmed.max - beginner.min) * 100 / beginner.min:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    assert f"{rise} %" in said and str(beginner.min) in said, said
    assert pay_sum(fold("au début de la conversation tu as dit combien ?"), True) is None


def test_with_what_a_mission_just_explained_is_done_is_the_tool_its_words_name():
    """« et avec quoi on la fait ? » right after one mission: the category of tools whose words that mission's words
    name (the watch mission, the watch tools), said without a « Oui »."""
    profession = default_profession()
    tools = {fold(t.nom) for t in profession.outils.categories}
    for mission in profession.missions:
        first = fold(mission.intitule).split()[0]
        tool = next((t for t in tools if first in t.split()), None)
        if tool is None:
            continue
        replies = replies_to(("quelles sont les missions ?", "missions", A),
                             (f"{mission.intitule.lower()} c'est quoi ?", "missions", A),
                             ("et avec quoi on la fait ?", "missions", A))
        assert tool in fold(replies[2]) and not re.match(r"\W*oui\b", fold(replies[2])), replies[2]
        return
    raise AssertionError("the fixture fiche has no mission whose first word names a tool")
