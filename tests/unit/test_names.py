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
from core.names import NameIndex, canonical, name_words, sound
from core.textnorm import fold
from core.understanding import Vocabulary, named_apart
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


# -- kinds of names a real catalogue meets (made-up titles, written in the catalogues' « X / Y » form) --
KINDS = [("vitrier", "Vitrier / Vitrière"), ("vitrier_auto", "Vitrier / Vitrière automobile"),
         ("luthier", "Luthier / Luthière guitare"), ("ingenieur_son", "Ingénieur / Ingénieure du son"),
         ("opb", "Opérateur / Opératrice de pesage des bagages"), ("navigant", "Pilote de ligne"),
         ("chef_a", "Chef / Cheffe de chantier (Travaux publics)"), ("chef_b", "Chef / Cheffe de chantier naval"),
         ("garde", "Garde forestier / forestière de montagne"), ("carto", "Cartographe de montagne"),
         ("taxi_fluvial", "Pilote / Pilote de bateau-taxi fluvial")]


@pytest.fixture(scope="module")
def kinds():
    return NameIndex(KINDS, frozenset({"garde", "son", "montagne", "ligne", "quoi", "faut", "il"}),
                     clippings={"inge": ("ingenieur",), "auto": ("automobile",)}, common=frozenset())


def test_a_name_shortened_to_words_only_one_title_has_in_that_order(kinds):
    assert kinds.find("luthier c'est quel diplome ?") == ("luthier",)          # a complement dropped
    assert kinds.find("operateur pesage, il faut quoi ?") == ("opb",)           # small words and the rest dropped
    assert kinds.find("je veux devenir vitrier") == ("vitrier",)               # the full name of one wins
    assert kinds.find("vitrier auto c'est bien ?") == ("vitrier_auto",)        # a clipped word of the name


def test_clipped_words_are_read_as_the_words_they_stand_for(kinds):
    assert kinds.find("devenir inge du son") == ("ingenieur_son",)


def test_a_spelling_that_sounds_like_the_name_is_that_name(kinds):
    assert kinds.find("je veux etre vitriaire automobile") == ("vitrier_auto",) or \
        kinds.find("je veux etre vitriere automobile") == ("vitrier_auto",)
    assert kinds.find("operatrisse de pesage des bagages") == ("opb",)


def test_a_form_without_its_bracket_is_no_name_when_other_titles_start_with_it(kinds):
    assert kinds.find("combien gagne un chef de chantier ?") == ()
    assert set(kinds.heads("combien gagne un chef de chantier ?")) == {"chef_a", "chef_b"}
    assert kinds.find("chef de chantier travaux publics") == ("chef_a",)


def test_the_feminine_side_of_a_title_starts_at_the_word_it_changes():
    from core.names import gendered_forms
    assert gendered_forms("Garde forestier / forestière de montagne") == [
        "Garde forestier de montagne", "Garde forestière de montagne"]
    assert gendered_forms("Homme sage-femme / Sage-femme") == ["Homme sage-femme", "Sage-femme"]


def test_a_complement_no_name_has_makes_the_head_name_none(kinds):
    assert kinds.find("je veux devenir garde de zoo") == ()           # garde forestier has no zoo
    assert kinds.find("je veux devenir pilote de drone") == ()
    assert kinds.find("je veux devenir pilote de bateau taxi") == ("taxi_fluvial",)


def test_one_distinctive_person_word_said_as_a_job(kinds):
    assert kinds.find("je voudrais etre cartographe") == ("carto",)
    assert kinds.find("j'aime la montagne") == ()   # an everyday word of a name is no job


def test_an_acronym_is_a_name_only_as_written_not_an_everyday_word_that_folds_to_it():
    index = NameIndex([("ode", "Opérateur / Opératrice de données éditoriales (IDE)"), ("b", "Brodeur / Brodeuse")],
                      frozenset({"idee", "ide"}))
    assert index.find("t'as une idée de métier ?") == ()
    assert index.find("des idées de métiers ?") == ()
    assert index.find("je veux devenir IDE") == ("ode",)


def test_a_word_twice_in_one_name_does_not_make_it_closer_than_the_others():
    index = NameIndex([("a", "Régisseur / Régisseuse de plateau lumière"),
                       ("b", "Régisseur / Régisseuse de plateau en studio de plateau mobile"),
                       ("c", "Régisseur / Régisseuse de plateau son")])
    assert index.find("régisseur de plateau, un bac+2 suffit ?") == ()
    assert set(index.heads("régisseur de plateau, un bac+2 suffit ?")) == {"a", "b", "c"}


def test_a_word_after_an_object_pronoun_is_a_verb_not_a_job():
    index = NameIndex([("orientation", "Conseiller / Conseillère d'orientation"), ("formateur", "Formateur / Formatrice")])
    assert index.find("pouvez-vous me conseiller sur mon orientation ?") == ()
    assert index.find("je voudrais vous former, ou devenir formateur ?") == ("formateur",)
    assert index.find("conseiller d'orientation, c'est quel diplôme ?") == ("orientation",)


def test_a_distinctive_word_said_as_a_job_outweighs_a_head_noun_after_les():
    index = NameIndex([("urgences", "Médecin urgentiste"), ("enfant", "Garde d'enfant"), ("parc", "Garde de parc naturel")])
    assert index.find("urgentiste, les gardes c'est comment ?") == ("urgences",)
    # a head noun said as a job leaves the question open: which one is meant is asked
    assert index.find("devenir garde ou urgentiste ?") == ()


def test_a_word_after_a_possessive_is_something_of_the_students_not_a_job_asked():
    index = NameIndex([("cuisine", "Cuisinier / Cuisinière")])
    assert index.find("notre cuisinière à gaz ne marche plus, c'est grave ?") == ()
    assert index.find("ma fille veut devenir cuisinière, quel diplôme ?") == ("cuisine",)
    assert index.find("comment devient-on cuisinière ?") == ("cuisine",)


def test_a_name_whose_first_word_is_an_everyday_one_is_read_only_in_full():
    """« garçon de café » names a waiter; « garçon » or « café » alone names nothing (core/names.py `whole`)."""
    index = NameIndex([("serveur", "Serveur / Serveuse en restauration")], ordinary=frozenset({"garcon", "cafe"}),
                      whole=[("serveur", "garçon de café")])
    assert index.find("combien gagne un garçon de café ?") == ("serveur",)
    assert index.find("un garçon de 15 ans peut travailler ?") == ()
    assert index.find("le café c'est bon pour réviser ?") == ()
    assert index.find("combien gagne un serveur ?") == ("serveur",)


def test_a_job_word_used_as_a_verb_or_an_adjective_names_no_profession():
    """« on peut reporter l'oral ? », « comment on interprète un graphique ? », « la crème pâtissière »: a verb after
    a modal or a subject pronoun, an adjective after an article and a noun; said as a job, each is found."""
    index = NameIndex([("r", "Reporter"), ("i", "Interprète"), ("p", "Pâtissier(ère)"), ("m", "Mécanicien(ne) automobile")])
    for said in ("est-ce qu'on peut reporter l'oral ?", "comment on interprète un graphique ?",
                 "comment on rate pas une crème pâtissière ?"):
        assert index.find(said) == (), said
    assert index.find("comment devient-on interprète ?") == ("i",)
    assert index.find("je veux devenir reporter") == ("r",)
    assert index.find("ma fille pâtissière cherche un stage") == ("p",)
    assert index.find("salaire d'un mecanisien automobile") == ("m",)


def test_an_everyday_word_not_said_as_a_job_names_one_only_where_the_message_speaks_of_work_or_studies():
    """« le serveur de l'ENT est en panne », « la fonte des glaciers »: a title that is also an everyday word, not said as
    a job (after « devenir », « un », or first), names the job only in a message that speaks of work or studies
    (knowledge/mots_du_metier.yml)."""
    index = NameIndex([("serveur", "Serveur / Serveuse en restauration"), ("glacier", "Glacier / Glacière"),
                       ("dsi", "Directeur / Directrice des systèmes d'information -DSI-")],
                      ordinary=frozenset({"serveur", "glaciers", "glacier", "dsi"}),
                      career=frozenset(canonical(w) for w in ("salaire", "etudes", "metier")))
    assert index.find("le serveur de l'ENT est encore en panne, je peux pas rendre mon devoir") == ()
    assert index.find("exposé sur la fonte des glaciers dans les Alpes, des sources ?") == ()
    assert index.find("le serveur, il touche quel salaire ?") == ("serveur",)
    assert index.find("devenir glacier après mes études, possible ?") == ("glacier",)
    assert index.find("je veux être serveur") == ("serveur",)
    assert index.find("serveur, c'est dur ?") == ("serveur",)  # first: a title asked alone
    assert index.find("mon père est DSI, il fait quoi ?") == ("dsi",)  # an acronym is written as a name
    # without the words of work (a school that deleted the file), an everyday word is read as the title, as before
    plain = NameIndex([("serveur", "Serveur / Serveuse en restauration")], ordinary=frozenset({"serveur"}))
    assert plain.find("le serveur de l'ENT est encore en panne") == ("serveur",)


def test_or_joins_two_words_of_a_name_and_est_ce_que_is_no_article():
    """« bleu marine ou noir »: « ou » joins two words of « mécanique marine ou navale » without being one of them, so
    « marine » alone is an everyday word; « est-ce que ripeur… »: « ce que » is no article before an adjective."""
    index = NameIndex([("meca", "Mécanicien / Mécanicienne en mécanique marine ou navale"), ("ripeur", "Ripeur / Ripeuse")],
                      ordinary=frozenset({"marine", "ripeur"}),
                      career=frozenset(canonical(w) for w in ("salaire", "metier", "travail")))
    assert index.find("je mets un pull bleu marine ou noir ?") == ()
    assert index.find("est-ce que ripeur c'est un métier où on trouve du travail ?") == ("ripeur",)


def test_mpt_sounds_like_nt():
    """« contable » is how « comptable » sounds: a typo corrected by sound."""
    assert sound("contable") == sound("comptable")
    index = NameIndex([("comptable", "Comptable")], ordinary=frozenset({"ennuyeux"}))
    assert index.find("contable dans une boite, c'est ennuyeux ?") == ("comptable",)


def test_a_job_asked_after_another_by_one_word_with_un_is_that_job():
    """« et un serveur ? » after another profession: the only word of the message, said with « un », is a job; « un
    tailleur ou un pantalon ? » still names none."""
    index = NameIndex([("serveur", "Serveur / Serveuse en restauration"), ("tailleur", "Tailleur / Tailleuse")],
                      ordinary=frozenset({"serveur", "tailleur", "pantalon"}),
                      career=frozenset(canonical(w) for w in ("salaire", "metier")))
    assert index.find("et un serveur ?") == ("serveur",)
    assert index.find("je mets un tailleur ou un pantalon pour l'oral ?") == ()


def test_professions_compared_part_by_part_are_read_in_the_whole_messages_light():
    """« le serveur et le tailleur, quels outils chacun ? »: each part alone holds no word of work, the message does."""
    index = NameIndex([("serveur", "Serveur / Serveuse en restauration"), ("tailleur", "Tailleur / Tailleuse")],
                      ordinary=frozenset({"serveur", "tailleur"}), career=frozenset(canonical(w) for w in ("outils",)))
    vocabulary = Vocabulary(find_profession=index.find_folded, speaks_of_work=index.speaks_of_work)
    assert named_apart(fold("le serveur et le tailleur, ils utilisent quels outils chacun ?"), vocabulary) \
        == ("serveur", "tailleur")
    assert named_apart(fold("le serveur et le tailleur sont partis en vacances"), vocabulary) == ()


def test_a_one_word_title_followed_by_words_of_longer_titles_of_its_head_is_not_the_bare_title():
    index = NameIndex([("seul", "Sonneur / Sonneuse"), ("cloches", "Sonneur / Sonneuse de cloches de cathédrale"),
                       ("cors", "Sonneur / Sonneuse de cors de chasse")])
    assert index.find("sonneuse, c'est quoi le salaire ?") == ("seul",)
    # the complement says which longer title: that one; a word two longer titles share: the student is asked which
    assert index.find("sonneuse de cloches, c'est quoi le salaire ?") == ("cloches",)
    assert index.find("sonneuse cathedrale ça paye ?") == ("cloches",)
    index = NameIndex([("seul", "Sonneur / Sonneuse"), ("a", "Sonneur / Sonneuse de cloches de cathédrale"),
                       ("b", "Sonneur / Sonneuse de cloches de village")])
    assert index.find("sonneuse cloches, c'est quoi le salaire ?") == ()
    assert set(index.heads("sonneuse cloches, c'est quoi le salaire ?")[:2]) == {"a", "b"}
