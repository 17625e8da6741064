"""Catalogue-wide questions as a student reads the answers (core/exploring.py via dialogue.respond), on
the fixture catalogue (tests/fixtures/catalogue: 8 fictional professions): a level the professions
require, a beginner's salary, superlatives over every fiche, paths between two fiches. Expected
professions and figures are computed from the fiches, never written here."""
import pytest

from core import catalogue, dialogue
from core.textnorm import fold
from tests.support.catalogue_knowledge import catalogue_school
from tests.support.helpers import norm


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    return catalogue_school(tmp_path_factory.mktemp("cat-filters"))


def say(school, text, intent, kind=dialogue.ANSWER, slots=None, confidence=0.9):
    q = school.understand(text, [], intent)
    return dialogue.respond(school, dialogue.Turn(q, intent, ((intent, confidence),), dict(slots or {}), None, kind))


def shown(outcome):
    return dict(outcome.slots).get("montres") or []


def test_a_required_level_lists_the_professions_that_require_it_and_no_other(school):
    levels = {p.id: catalogue.reference_years(p) for p in school.professions.values()}
    top = max(levels.values())
    out = say(school, f"quels métiers demandent au moins un bac+{top} ?", "catalogue_lister", dialogue.CATALOGUE)
    assert set(shown(out)) == {i for i, level in levels.items() if level >= top}
    for pid, level in levels.items():
        assert (school.professions[pid].intitule in out.reply.text) == (level >= top)


def test_a_level_limit_lists_every_profession_that_passes_not_only_five(school):
    levels = {p.id: catalogue.reference_years(p) for p in school.professions.values()}
    top = max(levels.values())
    fitting = {i for i, level in levels.items() if level < top}
    assert len(fitting) > 5  # the case that was cut at five
    out = say(school, f"un métier sans bac+{top} ?", "catalogue_chercher", dialogue.CATALOGUE)
    assert set(shown(out)) == fitting


@pytest.mark.parametrize("text,best", [("quel métier paye le mieux ?", max),
                                       ("c'est quoi le métier le moins bien payé ?", min)])
def test_a_superlative_over_the_catalogue_names_the_profession_with_its_figures_first(school, text, best):
    ps = list(school.professions.values())
    first = best(ps, key=catalogue.top_salary)
    other_end = (min if best is max else max)(ps, key=catalogue.top_salary)
    out = say(school, text, "salaire", confidence=0.6)
    assert shown(out)[0] == first.id
    reply = norm(out.reply.text)
    assert reply.index(norm(first.intitule)) < min(reply.index(norm(school.professions[i].intitule))
                                                   for i in shown(out)[1:])
    assert f"{catalogue.top_salary(first):,}".replace(",", "\u00a0") in out.reply.text
    assert other_end.intitule not in out.reply.text and len(shown(out)) == catalogue.RANKED


def test_a_salary_from_the_start_compares_the_beginners_figures(school):
    ps = sorted(school.professions.values(), key=lambda p: catalogue.salary_of(p, starting=True))
    floor = catalogue.salary_of(ps[-2], starting=True)  # only the best beginner's figure is above it
    out = say(school, f"je veux gagner plus de {floor} euros dès la sortie de l'école", "catalogue_chercher",
              dialogue.CATALOGUE)
    assert shown(out) == [ps[-1].id]


def test_a_filter_taken_for_the_counsellor_by_an_unsure_model_is_searched(school):
    out = say(school, "je veux commencer au-dessus de 30000 euros par an", "conseiller", dialogue.COUNSELLOR,
              confidence=0.5)
    assert shown(out) and not out.handoff
    sure = say(school, "je veux parler à un conseiller de mon salaire de 30000 euros", "conseiller",
               dialogue.COUNSELLOR, confidence=0.95)
    assert sure.handoff


def test_a_path_between_two_fiches_names_each_step_and_where_the_fiche_says_it(school):
    ps = list(school.professions.values())
    pairs = [(a, b, catalogue.path_between(a, b, school.names.resolve, school.professions))
             for a in ps for b in ps if a.id != b.id]
    a, b, steps = next((a, b, s) for a, b, s in pairs if len(s) >= 2)
    out = say(school, f"comment passer de {a.alias[0] if a.alias else a.intitule} à {b.intitule} ?", "nlu_fallback",
              dialogue.CLARIFY, confidence=0.5)
    for start, end, _ in steps:
        assert f"{start.intitule} → {end.intitule}" in out.reply.text
    assert dict(out.slots)["metier_id"] == b.id


def test_what_leads_to_a_profession_names_its_fiche_s_stepping_stones_too(school):
    target = next(p for p in school.professions.values() if p.experiences
                  and catalogue.leading_to(p, school.names.resolve, school.professions))
    out = say(school, f"quels métiers mènent à {target.intitule} ?", "catalogue_lister", dialogue.CATALOGUE)
    for p, _ in catalogue.leading_to(target, school.names.resolve, school.professions):
        assert p.intitule in out.reply.text
    assert target.experiences[0].poste in out.reply.text


def test_an_unplaced_message_asking_for_a_famille_s_professions_lists_that_famille(school):
    famille = next(p.famille for p in school.professions.values() if p.famille)
    out = say(school, f"y a quoi comme métier côté {famille} ?", "nlu_fallback", dialogue.CLARIFY, confidence=0.5)
    expected = {p.id for p in school.professions.values() if p.famille == famille}
    assert set(shown(out)) == expected


def test_where_to_go_from_a_profession_is_its_evolutions_not_the_conditions_of_a_change(school):
    p = next(p for p in school.professions.values() if p.evolutions.postes)
    out = say(school, "je peux me reconvertir vers quoi ?", "evolutions", slots={"metier_id": p.id})
    assert p.evolutions.postes[0] in out.reply.text
    assert "ne précise pas" not in out.reply.text


@pytest.mark.parametrize("condition,text", [("nuit", "je cherche un métier sans travail de nuit"),
                                            ("week_end", "je ne veux pas bosser le week-end, vous avez quoi ?")])
def test_a_condition_refused_leaves_out_every_fiche_that_speaks_of_it(school, condition, text):
    speaks = set(school.search_index.hits(condition, school.interests))
    assert speaks and len(speaks) < len(school.professions)
    out = say(school, text, "catalogue_chercher", dialogue.CATALOGUE)
    assert set(shown(out)) == set(school.professions) - speaks
    for pid in speaks:
        assert school.professions[pid].intitule not in out.reply.text


def test_a_doubt_is_no_refusal(school):
    asked = catalogue.request(fold("je sais pas si la musique c'est pour moi, mais le week-end ça me va"),
                              school.interests)
    assert "musique" in asked.interests and not asked.avoids


def test_a_refusal_written_after_the_word_as_students_write_it(school):
    assert school.vocabulary.catalogue_request(fold("un métier où on voyage pas ?")).avoids == ("voyage",)
    assert school.vocabulary.catalogue_request(fold("je veux voyager pas mal")).interests == ("voyage",)


def test_a_profession_sought_without_a_condition_is_searched_even_when_taken_for_a_topic(school):
    speaks = set(school.search_index.hits("week_end", school.interests))
    out = say(school, "je cherche un métier sans travail le week-end", "contraintes", confidence=0.7)
    assert set(shown(out)) == set(school.professions) - speaks
    p = next(iter(school.professions.values()))
    about_one = say(school, "et le week-end ?", "contraintes", slots={"metier_id": p.id})
    assert not shown(about_one)  # with a profession in play: that profession's answer
