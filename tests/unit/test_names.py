"""Profession names as students write them (core/names.py), measured on a held-out list of misspelt
names over a generated catalogue of 600 professions (tests/fixtures/names/heldout.yml, written apart).

Targets: at least 95 % of the names routed to the right profession, none to a wrong one,
and none of the names that the catalogue does not hold routed anywhere.
"""
import json
from pathlib import Path

import pytest
import yaml

from core import dialogue
from core.names import NameIndex, canonical, name_words
from tests.support.catalogue import names as generated_names
from tests.support.catalogue import write_catalogue

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "names" / "heldout.yml"


@pytest.fixture(scope="module")
def catalogue_index():
    return NameIndex((f"metier_{i:03d}", name) for i, name in enumerate(generated_names(600)))


@pytest.fixture(scope="module")
def scores(catalogue_index):
    cases = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))["noms"]
    result = {"right": [], "ambiguous": [], "wrong": [], "missed": [], "absent_ok": [], "absent_routed": []}
    for case in cases:
        found, expected = catalogue_index.find(case["ecrit"]), case["metier"]
        if expected == "aucun":
            result["absent_routed" if found else "absent_ok"].append((case["ecrit"], found))
        elif found == (expected,):
            result["right"].append(case["ecrit"])
        elif expected in found:
            result["ambiguous"].append((case["ecrit"], found))
        else:
            result["wrong" if found else "missed"].append((case["ecrit"], expected, found))
    return result


def test_misspelt_names_go_to_their_profession(scores):
    named = sum(len(scores[k]) for k in ("right", "ambiguous", "wrong", "missed"))
    assert named >= 100
    print(f"\nnoms mal écrits : {len(scores['right'])}/{named} bien routés, {len(scores['ambiguous'])} ambigus, "
          f"{len(scores['wrong'])} faux, {len(scores['missed'])} manqués ; absents du catalogue : "
          f"{len(scores['absent_ok'])} sans métier, {len(scores['absent_routed'])} routés")
    assert len(scores["right"]) >= 0.95 * named, scores["missed"]
    assert scores["wrong"] == []


def test_names_the_catalogue_does_not_hold_are_routed_nowhere(scores):
    assert len(scores["absent_ok"]) >= 30
    assert scores["absent_routed"] == []


@pytest.mark.parametrize("written, same_as", [
    ("chargées", "chargé(e)"), ("internationales", "international"), ("conseillère", "conseiller"),
    ("animatrice", "animateur"), ("technicienne", "technicien"), ("acheteuse", "acheteur"),
    ("cheffe", "chef"), ("fluviaux", "fluvial"), ("énergies", "energie"),
])
def test_gender_number_and_accents_do_not_matter(written, same_as):
    assert name_words(written) == name_words(same_as)


def test_small_words_and_order_of_writing():
    index = NameIndex([("a", "Conseiller(ère) en apiculture urbaine"), ("b", "Technicien(ne) du patrimoine fluvial")])
    assert index.find("je veux devenir conseillere de l'apiculture urbaine") == ("a",)
    assert index.find("technicien patrimoine fluvial, ça paye ?") == ("b",)
    assert index.find("tecnicien du patrimoine fluviale") == ("b",)
    assert index.find("un apiculteur") == ()


def test_two_professions_with_the_same_name_are_both_returned_never_one_guessed():
    index = NameIndex([("a", "Chargé(e) de projets"), ("b", "Chargé(e) de projets"), ("c", "Animateur(trice)")])
    assert index.find("chargée de projet ?") == ("a", "b")


def test_a_part_of_a_name_refers_to_the_one_profession_that_has_it():
    index = NameIndex([("ri", "Chargé(e) de mission relations internationales"), ("ri", "charge de mission ri"),
                       ("t", "Testeur(se) de jeux")])
    assert index.resolve("chargée de mission") == ("ri",)
    assert index.find("c'est quoi le salaire d'un charge de mision RI ?") == ("ri",)  # an abbreviation the file declares
    assert index.find("charge de mision relation internationale") == ("ri",)
    two = NameIndex([("a", "Chargé(e) de mission export"), ("b", "Chargé(e) de mission import")])
    assert two.resolve("chargé de mission") == ()  # two professions have it: not a guess


def test_canonical_is_stable():
    assert canonical(canonical("internationales")) == canonical("internationales")


@pytest.fixture(scope="module")
def twin_school(tmp_path_factory):
    """A catalogue where two professions share a name: the dialogue must ask which one."""
    import yaml as _yaml

    from loading.school import load_school
    folder = write_catalogue(tmp_path_factory.mktemp("catalogue") / "knowledge", 3)
    for pid in ("metier_000", "metier_001"):
        path = folder / "metiers" / f"{pid}.yml"
        data = _yaml.safe_load(path.read_text(encoding="utf-8"))
        data["alias"] = data["alias"] + ["chargé de projets"]
        path.write_text(_yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_school(folder)


def test_an_ambiguous_name_gets_one_button_per_profession_and_keeps_the_topic(twin_school):
    text = "combien gagne un chargé de projets ?"
    q = twin_school.understand(text, [], "salaire")
    outcome = dialogue.respond(twin_school, dialogue.Turn(q, "salaire", (), {}, None))
    titles = [b["title"] for b in outcome.reply.buttons]
    assert titles == [twin_school.professions["metier_000"].intitule, twin_school.professions["metier_001"].intitule]
    assert "Duquel parlez-vous" in outcome.reply.text
    assert dict(outcome.slots)["sujet"] == "salaire"
    # The button names the profession: the same topic is then answered for it.
    payload = outcome.reply.buttons[1]["payload"]
    assert payload.startswith("/salaire{")  # the topic asked, for the profession of the button
    chosen = json.loads(payload[len("/salaire"):])["metier"]
    follow = twin_school.understand(payload, [{"entity": "metier", "value": chosen}], "salaire")
    answer = dialogue.respond(twin_school, dialogue.Turn(follow, "salaire", (), {"sujet": "salaire"}, None))
    assert twin_school.professions["metier_001"].intitule in answer.reply.text
    assert dict(answer.slots)["metier_id"] == "metier_001"
