"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh16.yml): the first items of a
list, an item said not to be part of the job that the fiche does not cite, a job to become that the evolutions do not
cite, a count of the kinds of tools, details the fiches do not give. Through core/dialogue.py on the behaviour
knowledge: every expected word is read from the fixture fiche, its templates or hors_fiche.yml."""
import pytest

from core import dialogue
from core.stemming import stems
from core.textnorm import fold
from tests.support.knowledge import default_profession, school, template_start
from tests.support.knowledge import replied as reply

UNSURE = [("nlu_fallback", 0.5), ("bachelor", 0.3)]


def test_the_first_items_of_the_last_list_are_those_and_no_more():
    missions = [m.intitule for m in default_profession().missions]
    text = reply("cite les 3 premieres", "nlu_fallback", dialogue.CLARIFY, slots={"sujet": "missions"}, ranking=UNSURE)
    assert text.startswith(template_start("premiers_elements")), text
    assert all(m in text for m in missions[:3]) and missions[3] not in text, text


def test_the_first_skills_are_the_best_scored():
    skills = sorted(default_profession().hard_skills.competences, key=lambda s: -s.score)
    text = reply("donne-moi les deux premières", "hard_skills", slots={"sujet": "hard_skills"})
    assert skills[0].nom in text and skills[1].nom in text and skills[2].nom not in text, text


def test_a_task_said_not_to_be_part_of_the_job_that_the_fiche_does_not_cite_is_said_not_cited_without_non():
    text = reply("il ne fait pas de recrutement, si ?", "missions")
    assert text.startswith(template_start("element_non_cite")), text
    assert not text.startswith("Non"), text


def test_a_job_to_become_that_the_evolutions_do_not_cite_is_said_so_then_the_evolutions():
    p = default_profession()
    text = reply("on peut devenir astronaute ?", "evolutions", slots={"sujet": "evolutions"})
    assert text.startswith(template_start("metier_non_cite")) and "astronaute" in text, text
    assert p.evolutions.postes[0] in text, text
    cited = p.evolutions.postes[0].split("(")[0].strip()
    for asked in (f"on peut devenir {cited.lower()} ?", "peut-on évoluer vers du management ?"):  # cited; a field, no job
        text = reply(asked, "evolutions", slots={"sujet": "evolutions"})
        assert not text.startswith(template_start("metier_non_cite")), text


def test_the_kinds_of_tools_are_counted():
    count = len(default_profession().outils.categories)
    text = reply("combien de catégories d'outils sont citées ?", "outils")
    assert text.startswith(template_start("nombre_elements")) and str(count) in text.split("\n")[0], text


@pytest.mark.parametrize("text, detail", [
    ("c'est dangereux dans certains pays ?", "securite"),
    ("qui a dit la citation ?", "auteur_citation"),
    ("c'est un métier de bureau ou de terrain ?", "cadre_travail"),
    ("il faut combien d'années d'expérience minimum pour postuler ?", "experience_requise"),
    ("mes élèves peuvent faire leur stage d'observation dans ce métier ?", "stage_observation"),
    ("il existe des tests de personnalité pour savoir si on est fait pour ça ?", "tests_personnalite"),
    ("Which companies hire the most for this role?", "employeur"),
])
def test_details_the_fiches_do_not_give_are_said_not_given(text, detail):
    label = next(d.label for d in school().absent_details if d.id == detail)
    got = reply(text, "nlu_fallback", dialogue.CLARIFY, ranking=UNSURE)
    assert label in got, got


def test_a_model_torn_between_what_the_job_is_and_its_missions_gets_the_definition_which_gives_both():
    p = default_profession()
    torn = [("nlu_fallback", 0.5), ("missions", 0.5), ("definition", 0.47)]
    text = reply("concrètement elle ferait quoi de ses journées ?", "nlu_fallback", dialogue.CLARIFY, ranking=torn)
    assert text.startswith(p.intitule) and p.missions[0].intitule in text, text


def test_scores_under_a_threshold_are_those_counted_even_when_the_model_reads_the_pay():
    skills = default_profession().hard_skills.competences
    limit = sorted(k.score for k in skills)[len(skills) // 2]
    under = [k for k in skills if k.score < limit]
    for intent in ("hard_skills", "salaire"):
        text = reply(f"et combien sont en dessous de {limit} ?", intent, slots={"sujet": "hard_skills"})
        assert text.startswith(template_start("hard_skills.seuil")) and f" {len(under)} " in text.split("\n")[0], text
        assert all(k.nom in text for k in under) and not any(k.nom in text for k in skills if k.score >= limit), text


def test_the_gap_between_the_first_and_the_last_is_computed_from_the_fiches_scores():
    by_score = sorted(default_profession().hard_skills.competences, key=lambda k: -k.score)
    text = reply("écart de points entre la 1ère et la dernière ?", "hard_skills")
    gap = by_score[0].score - by_score[-1].score
    assert f"{gap} point(s) d'écart" in text and by_score[0].nom in text.split("\n")[0], text
    a, b = by_score[1], by_score[2]
    text = reply(f"quel écart entre {a.nom.lower()} et {b.nom.lower()} ?", "hard_skills")
    assert f"{abs(a.score - b.score)} point(s) d'écart" in text, text


def test_the_average_score_is_said_to_be_a_calculation():
    skills = default_profession().hard_skills.competences
    mean = f"{sum(k.score for k in skills) / len(skills):.1f}".replace(".", ",").replace(",0", "")
    text = reply("quelle est la moyenne de ces scores ?", "hard_skills")
    assert text.startswith(template_start("hard_skills.moyenne")) and mean in text, text


def test_the_most_important_mission_is_not_ranked_by_the_fiche():
    text = reply("laquelle est la plus importante ?", "missions", slots={"sujet": "missions"})
    assert text.startswith(template_start("missions.sans_classement")), text


def test_a_tool_said_not_used_by_the_job_gets_si():
    names = [c.nom for c in default_profession().outils.categories]
    word = next(w for name in names for w in fold(name).split()
                if len(w) > 5 and sum(stems(w) <= stems(fold(other)) for other in names) == 1)
    text = reply(f"et les {word}, ce métier n'en utilise pas ?", "outils")
    assert text.startswith(template_start("outils.premisse_niee")), text


def test_the_experiences_are_counted():
    count = len(default_profession().experiences)
    text = reply("combien d'expériences préalables la fiche conseille-t-elle ?", "experiences")
    assert text.startswith(template_start("nombre_elements")) and str(count) in text.split("\n")[0], text
