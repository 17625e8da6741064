"""The catalogue conversations' replies (list, search, compare, paths) on the fixture catalogue
(tests/fixtures/catalogue: 8 fictional professions). What a student reads is asserted, and the
expected professions are read from the fiches' fields, not written here as answers."""
import re

import pytest

from core import catalogue, diplomas
from core.textnorm import fold
from tests.support.catalogue_knowledge import catalogue_school
from tests.support.helpers import norm


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    return catalogue_school(tmp_path_factory.mktemp("cat"))


def professions(school):
    return list(school.professions.values())


def named(reply_text, school):
    return {p.id for p in professions(school) if f"• {p.intitule} —" in reply_text}


def test_the_catalogue_has_eight_distinct_professions_each_with_a_famille(school):
    ps = professions(school)
    assert len(ps) >= 8
    assert all(p.famille for p in ps)
    assert len({p.definition.resume for p in ps}) == len(ps)
    assert len({p.salaire.niveaux.debutant.min for p in ps}) >= 6


def test_the_list_groups_by_famille_with_one_button_per_profession(school):
    reply = school.replier.catalogue_page(professions(school))
    for p in professions(school):
        assert p.intitule in reply.text
        assert p.famille.capitalize() in reply.text
    assert len([b for b in reply.buttons if b["payload"].startswith("/definition")]) == len(professions(school))


def test_a_long_list_is_paged_with_a_more_button(school):
    ps = professions(school)
    first = catalogue.page(ps, 0, per_page=3)
    assert first.more and sum(len(g) for _, g in first.groups) == 3
    last = catalogue.page(ps, 2, per_page=3)
    assert not last.more
    # A famille longer than a page (a long catalogue lists by famille first): pages of PER_PAGE.
    reply = school.replier.catalogue_page(ps * 3, 0, famille=ps[0].famille)
    assert any(b["title"] == "Voir plus de métiers" for b in reply.buttons) == (len(ps) * 3 > catalogue.PER_PAGE)


def test_salary_filter_is_computed_from_the_fiches(school):
    reply = search_reply(school, "je veux gagner plus de 40000 euros")
    expected = {p.id for p in professions(school) if p.salaire.niveaux.confirme.max > 40000}
    assert named(reply.text, school) == expected or len(expected) > 5 and named(reply.text, school) <= expected
    assert "rubrique « Salaire »" in reply.text


def test_without_bac5_leaves_out_every_fiche_that_requires_it(school):
    reply = search_reply(school, "un métier accessible sans bac+5")
    found = named(reply.text, school)
    assert found
    assert not any(diplomas.bac5_needed(school.professions[i].parcours) for i in found)
    assert any(diplomas.bac5_needed(p.parcours) for p in professions(school))  # some were left out


def test_an_interest_is_shown_with_the_fiches_words_and_rubrique(school):
    reply = search_reply(school, "je cherche un truc dans le tourisme")
    found = named(reply.text, school)
    assert found == {p.id for p in professions(school) if p.famille == "tourisme"}
    assert "rubrique « Famille »" in reply.text


def test_languages_and_without_bac5_are_both_required(school):
    reply = search_reply(school, "des langues mais pas de bac+5")
    found = named(reply.text, school)
    assert found
    for pid in found:
        p = school.professions[pid]
        assert not diplomas.bac5_needed(p.parcours)
        assert "langue" in norm(reply.text) or "anglais" in norm(reply.text)


def test_nothing_matching_is_said_plainly_with_the_list(school):
    reply = search_reply(school, "un métier dans la boulangerie")
    assert reply.text.startswith("Aucune fiche de l'école ne correspond")
    assert all(p.intitule in reply.text for p in professions(school))


def test_compare_salaries_side_by_side_says_which_is_higher(school):
    a, b = school.professions["guide_croisieres_fluviales"], school.professions["developpeur_applications_sante"]
    reply = school.replier.comparison(a, b, "salaire")
    assert reply.text.count("rubrique « Salaire »") == 2
    higher = a if a.salaire.niveaux.confirme.max > b.salaire.niveaux.confirme.max else b
    assert f"c'est {higher.intitule} qui est le plus élevé" in reply.text
    assert norm(f"{b.salaire.niveaux.confirme.max:,}".replace(",", "\u00a0")) in norm(reply.text)


def test_compare_without_topic_is_a_short_card(school):
    a, b = school.professions["ebeniste_restauration_mobilier"], school.professions["infirmier_puericulture"]
    reply = school.replier.comparison(a, b, None)
    for p in (a, b):
        ref = next(x for x in p.parcours if x.statut == "reference")
        assert f"{ref.nom} (Bac+{ref.niveau})" in reply.text
        top = max(p.hard_skills.competences, key=lambda s: s.score)
        assert f"{top.nom} : {top.score}/100" in reply.text
    assert "plus élevé" not in reply.text


def test_paths_offer_the_professions_of_the_catalogue_only(school):
    for p in professions(school):
        buttons = school.replier.path_buttons(p, school.names.resolve, school.professions)
        linked = {b["title"].removeprefix("Ouvrir la fiche ") for b in buttons}
        cited = p.evolutions.postes + [e.poste for e in p.experiences]
        assert linked <= set(cited)
        assert all(re.search(r"/definition\{", b["payload"]) for b in buttons)
    energy = school.professions["conseiller_transition_energetique"]
    assert school.replier.path_buttons(energy, school.names.resolve, school.professions)


def search_reply(school, text):
    """The search's reply to a message, as the dialogue builds it (core/exploring.py)."""
    words = school.replier.diplomas
    found = catalogue.search(professions(school), school.vocabulary.catalogue_request(fold(text)),
                             index=school.search_index, interests=school.interests, diploma_words=words)
    return school.replier.search_results(professions(school), text, found)
