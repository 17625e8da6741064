"""The diploma model (« parcours »): answers about any diploma, read from the fiche's paths.

Three fictional fiches (tests/fixtures/parcours/) cover what the old BTS / Bachelor / Mastère triad could
not say: a regulated profession (a Diplôme d'État at Bac+3 required, neither a BTS nor a Bachelor
enough), a trade whose reference is a CAP, a profession whose reference is a Bac+5. The migrated seed
(tests/fixtures/knowledge/) must answer as before. Every message goes through the dialogue as the NLU
gives it (intent and « diplome » entity), and every fact expected is read from the fiche.
"""
import shutil

import pytest
import yaml

from core import catalogue, compare, dialogue, diplomas
from core.knowledge import KnowledgeError, Profession
from core.textnorm import fold
from loading.knowledge import load_profession, project_diplomas
from loading.school import load_school
from tests.support.helpers import ROOT, norm
from tests.support.knowledge import FIXTURE_KNOWLEDGE

PARCOURS = ROOT / "tests" / "fixtures" / "parcours"
SEED = "charge_mission_relations_internationales"
REGULATED, TRADE, BAC5 = "guerisseur_griffons", "forgeron_fers_dragons", "architecte_cites_flottantes"


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parcours") / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, folder, ignore=shutil.ignore_patterns("metiers"))
    (folder / "metiers").mkdir()
    shutil.copy(FIXTURE_KNOWLEDGE / "metiers" / f"{SEED}.yml", folder / "metiers")
    for fiche in PARCOURS.glob("*.yml"):
        shutil.copy(fiche, folder / "metiers")
    return load_school(folder)


def ask(school, pid, text, intent="diplome", diplome=None):
    """The reply to one message about profession `pid`, as the dialogue gives it (normalised)."""
    entities = [{"entity": "diplome", "value": diplome}] if diplome else []
    q = school.understand(text, entities, intent)
    turn = dialogue.Turn(q, intent, ((intent, 0.9),), {"metier_id": pid})
    return norm(dialogue.respond(school, turn).reply.text)


def path(school, pid, statut):
    return next(p for p in school.professions[pid].parcours if p.statut == statut)


# -- a regulated profession ---------------------------------------------------------------------
def test_the_required_state_diploma_is_named_first_with_those_that_are_not_enough(school):
    de = path(school, REGULATED, "requis")
    first = norm(f"il faut le {de.nom} (bac+{de.niveau}) pour exercer ce metier ; ni un bts ni un bachelor ne suffisent.")
    for text, intent, entity in [("faut-il un bac+5 ?", "diplome", "mastere"), ("quel diplome faut-il ?", "diplome", None),
                                 ("un bts suffit ?", "bts", "bts"), ("et le bachelor ?", "bachelor", "bachelor"),
                                 ("juste un CAP, ca passe ?", "diplome", None)]:
        assert ask(school, REGULATED, text, intent, entity).startswith(first), text


def test_a_regulated_profession_says_no_bac5_is_needed_and_no_bts_nor_bachelor_is_enough(school):
    de = path(school, REGULATED, "requis")
    reply = ask(school, REGULATED, "faut-il un bac+5 ?", "diplome", "mastere")
    assert "non, un bac+5 n'est pas necessaire" in reply and norm(de.nom) in reply
    for text, intent, entity, name in [("un bts suffit ?", "bts", "bts", "bts"),
                                       ("un bachelor ca suffit ?", "bachelor", "bachelor", "bachelor")]:
        reply = ask(school, REGULATED, text, intent, entity)
        assert f"un {name} (bac+" in reply and "seul ne suffit generalement pas" in reply
        assert "oui" not in reply.split("\n")[1]


def test_the_state_diploma_asked_is_the_one_required(school):
    de = path(school, REGULATED, "requis")
    reply = ask(school, REGULATED, "faut-il un DE pour ce metier ?")
    assert reply.startswith(norm(f"oui : le {de.nom} (bac+{de.niveau}) est le diplome exige pour exercer ce metier"))
    assert norm(de.en_bref) in reply


def test_without_the_required_level_the_answer_is_no(school):
    reply = ask(school, REGULATED, "sans bac+3 je peux ?", "diplome", "bachelor")
    assert "non : sans le bac+3, la fiche ne permet pas d'exercer ce metier" in reply


def test_a_diploma_the_regulated_fiche_does_not_name_is_said_so_without_a_level_comparison(school):
    reply = ask(school, REGULATED, "une licence ca suffit ?", "bachelor", "bachelor")
    assert "la fiche de ce metier ne cite pas la licence (bac+3)" in reply
    assert "au moins egal" not in reply  # a Licence at Bac+3 is not the Diplôme d'État


def test_without_a_named_diploma_the_answer_is_its_status_in_the_fiche(school):
    de = path(school, REGULATED, "requis")
    assert norm(f"non : sans le {de.nom} (bac+{de.niveau}), la fiche ne permet pas d'exercer ce metier") in ask(
        school, REGULATED, "sans le DE je peux ?")
    assert "d'apres la fiche, le bts (bac+2) n'est ni exige ni le niveau de reference de ce metier" in ask(
        school, REGULATED, "sans BTS je peux ?", "bts", "bts")
    assert ask(school, SEED, "sans CAP je peux ?").startswith(
        "la fiche de ce metier ne cite pas le cap (avant le bac) : le niveau de reference est le bachelor (bac+3)")
    assert ask(school, SEED, "sans bachelor je peux ?", "diplome", "bachelor").startswith(
        "d'apres la fiche, le bachelor (bac+3) est le niveau de reference de ce metier")


# -- a CAP-level trade ---------------------------------------------------------------------------
def test_a_cap_is_enough_where_the_cap_is_the_reference(school):
    cap = path(school, TRADE, "reference")
    reply = ask(school, TRADE, "juste un CAP ca suffit ?")
    assert reply.startswith(norm(f"oui, un {cap.nom} (avant le bac) permet d'exercer ce metier"))


def test_a_cap_trade_needs_no_bac5_and_no_bac3(school):
    cap = path(school, TRADE, "reference")
    reply = ask(school, TRADE, "faut-il un bac+5 ?", "diplome", "mastere")
    assert reply.startswith(norm(f"non, un bac+5 n'est pas necessaire pour ce metier : le {cap.nom} (avant le bac) "
                                 "est le niveau de reference"))
    assert ask(school, TRADE, "sans bac+3 je peux ?", "diplome", "bachelor").startswith("oui : d'apres la fiche")
    bac_pro = path(school, TRADE, "suffisant")
    assert ask(school, TRADE, "j'ai juste un bac pro, ca passe ?", "bts").startswith(
        norm(f"oui, un {bac_pro.nom} (niveau bac) permet d'exercer ce metier"))


def test_a_diploma_the_fiche_does_not_name_is_compared_with_the_reference_level(school):
    cap = path(school, TRADE, "reference")
    reply = ask(school, TRADE, "un master c'est utile ?", "mastere", "mastere")
    assert reply.startswith("la fiche de ce metier ne cite pas le master (bac+5).")
    assert norm(f"le master (bac+5) est d'un niveau au moins egal au niveau de reference, le {cap.nom}") in reply


# -- a Bac+5 reference ---------------------------------------------------------------------------
def test_a_bac5_reference_says_yes_with_the_fiches_answer(school):
    fiche = school.professions[BAC5]
    reply = ask(school, BAC5, "faut-il un bac+5 ?", "diplome", "mastere")
    assert reply.startswith(norm(f"oui : {fiche.diplome.reponse}"))
    assert ask(school, BAC5, "je n'ai pas de master, je peux quand meme ?", "diplome", "mastere").startswith(
        "pour ce metier, la fiche indique qu'un bac+5 est attendu")
    licence = path(school, BAC5, "insuffisant_seul")
    assert ask(school, BAC5, "juste une licence ?", "bachelor", "bachelor").startswith(
        norm(f"une {licence.nom} (bac+3) seule ne suffit generalement pas"))


# -- the migrated seed answers as before ----------------------------------------------------------
def test_the_migrated_seed_answers_as_before(school):
    fiche = school.professions[SEED]
    reference = path(school, SEED, "reference")
    assert (reference.nom, reference.niveau) == ("Bachelor", 3)
    reply = ask(school, SEED, "faut-il un bac+5 ?", "diplome", "mastere")
    assert reply.startswith("non, un bac+5 n'est pas necessaire pour ce metier : le bachelor (bac+3) est le niveau de reference")
    mastere = ask(school, SEED, "a quoi sert un mastere ?", "mastere", "mastere")
    assert norm(fiche.diplome.reponse) in mastere  # « Il n'est pas nécessaire de faire un Mastère (Bac+5) … »
    assert "il n'est pas necessaire de faire un mastere (bac+5)" in mastere
    assert ask(school, SEED, "juste un bts ca passe ?", "bts", "bts").startswith(
        "un bts (bac+2) seul ne suffit generalement pas")
    assert "le bachelor (bac+3) est le niveau de reference pour ce metier" in ask(school, SEED, "un bts suffit ?", "bts", "bts")
    assert ask(school, SEED, "un bachelor suffit ?", "bachelor", "bachelor").startswith(
        "oui, un bachelor (bac+3) permet d'exercer ce metier")


def test_an_old_format_fiche_reads_into_the_same_paths_and_answers(school, tmp_path):
    """The importer's current output (formations bts / bachelor / mastere) still loads, as paths."""
    old = yaml.safe_load((ROOT / "tests/fixtures/reference" / f"{SEED}.yml").read_text(encoding="utf-8"))
    assert "formations" in old and "parcours" not in old
    written = tmp_path / f"{SEED}.yml"
    written.write_text(yaml.safe_dump(old, allow_unicode=True), encoding="utf-8")
    loaded = load_profession(written)
    assert loaded.formations is None
    assert [(p.nom, p.niveau, p.statut) for p in loaded.parcours] == [
        ("BTS", 2, "insuffisant_seul"), ("Bachelor", 3, "reference"), ("Mastère", 5, "suffisant")]
    assert not diplomas.bac5_needed(loaded.parcours)
    migrated = school.professions[SEED]
    for p in migrated.parcours:
        assert diplomas.suffices(p, migrated.parcours) == diplomas.suffices(
            next(x for x in loaded.parcours if x.nom == p.nom), loaded.parcours)


def test_an_old_bac5_flag_with_a_lower_reference_makes_the_mastere_required():
    data = yaml.safe_load((ROOT / "tests/fixtures/reference" / f"{SEED}.yml").read_text(encoding="utf-8"))
    data["diplome"]["bac5_necessaire"] = True
    profession = Profession.parse_obj(data)
    assert [p.statut for p in profession.parcours] == ["insuffisant_seul", "reference", "requis"]


# -- the search filters and the comparison ------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("un metier accessible bac+2 max", {TRADE}),
    ("juste un CAP", {TRADE}),
    ("un metier sans bac+5", {TRADE, REGULATED, SEED}),
    ("avec une licence", {TRADE, REGULATED, SEED}),
])
def test_the_search_filters_read_the_required_or_reference_level(school, text, expected):
    asked = school.vocabulary.catalogue_request(fold(text))
    found = catalogue.search(list(school.professions.values()), asked, limit=10, diploma_words=school.replier.diplomas)
    assert {m.profession.id for m in found} == expected


def test_the_comparison_shows_the_required_diploma(school):
    de = path(school, REGULATED, "requis")
    c = compare.compare(school.professions[REGULATED], school.professions[TRADE], school.replier.diplomas, "diplome")
    assert c.sides[0].lines[0] == f"{de.nom} (Bac+{de.niveau})"
    assert c.sides[1].lines[0].endswith("(avant le bac)")
    assert c.higher is school.professions[REGULATED]


# -- the diploma words (knowledge/diplomes.yml) ---------------------------------------------------
@pytest.mark.parametrize("text, kind, level, situation", [
    ("juste un CAP ?", "cap", -1, "seulement"),
    ("sans bac+3 je peux ?", None, 3, "sans"),
    ("une licence pro ça suffit ?", "licence_pro", 3, None),
    ("le BUT info ?", "but", 3, None),
    ("faut-il le DE ?", "diplome_etat", None, None),
    ("je n'ai pas de master", "master", 5, "sans"),
    ("j'ai juste un bac pro", "bac_pro", 0, "seulement"),
])
def test_a_message_names_its_diploma(text, kind, level, situation):
    first = project_diplomas().mentions(text)[0]
    assert (first.kind, first.level, first.situation) == (kind, level, situation)


def test_ordinary_words_are_not_diplomas():
    assert project_diplomas().mentions("quel est le but de ce métier ?") == []
    assert project_diplomas().mentions("IL FAUT QUOI COMME DE DIPLOME") == []
    assert project_diplomas().kind_of("Diplôme d'État de guérisseur de griffons") == "diplome_etat"


def test_check_names_the_field_and_the_fix(tmp_path):
    fiche = (PARCOURS / f"{REGULATED}.yml").read_text(encoding="utf-8")
    for old, new, message in [
        ("statut: requis", "statut: obligatoire", "champ « parcours.0.statut » : statut « obligatoire » inconnu : "
                                                  "choisissez requis, reference, suffisant, insuffisant_seul ou "
                                                  "utile_pour_evoluer"),
        ("niveau: 3\n    statut: requis", "niveau: Bac+3\n    statut: requis",
         "champ « parcours.0.niveau » : « Bac+3 » : le niveau est un nombre d'années d'études après le bac : écrivez 3"),
        ("statut: requis", "statut: suffisant", "champ « parcours » : aucun diplôme n'a le statut « reference » ni "
                                                "« requis »"),
    ]:
        path_ = tmp_path / f"{REGULATED}.yml"
        path_.write_text(fiche.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(KnowledgeError) as error:
            load_profession(path_)
        assert message in str(error.value)
