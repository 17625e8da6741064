"""`make importer` (trainer/importer): a school's fiche métier becomes a draft knowledge file.

Expected values are read from the hand-written knowledge file of the school's fiche, or are the
invented figures of the fictional fiches of tests/fixtures/fiches/ (see its README).
"""
import re
import subprocess
from itertools import permutations
from pathlib import Path

import pytest
import yaml

from core.knowledge import KnowledgeError, euros
from core.textnorm import fold
from core.understanding import Question
from loading.knowledge import load_profession, load_professions
from tests.support.helpers import ROOT, norm, project_env
from tests.support.knowledge import FIXTURE_KNOWLEDGE, school
from tests.support.project import project_copy, run_check
from trainer.importer.__main__ import import_fiche, main
from trainer.importer.facts import COPIED, NUMBER, Fact, Missing, as_yaml_data, draft_leaves
from trainer.importer.parse import IGNORED, classify, read_fiche
from trainer.importer.text import clean_paste, content_words, paragraphs, sentences, squash
from trainer.importer.verify import verify, words_in

FICHES = ROOT / "tests" / "fixtures" / "fiches"
SEED = FICHES / "ecole_charge_mission_relations_internationales.txt"
# The hand-written file of the seed fiche, kept as a fixture: the school's live file may change.
KNOWN = ROOT / "tests" / "fixtures" / "reference" / "charge_mission_relations_internationales.yml"
DRAGONS, ROBOTS, DAMAGED = (FICHES / n for n in ("dresseur_dragons.txt", "restaurateur_robots.txt",
                                                 "dresseur_dragons_abimee.txt"))
# Fictional fiches that leave facts out (alternance, RNCP, sentences on some skills…), list their
# constraints in one sentence, open their stepping stones in several ways and state a famille.
AIRSHIP, ROOFS = FICHES / "organisateur_voyages_dirigeable.txt", FICHES / "jardinier_toits_suspendus.txt"


def imported(path: Path):
    draft, text, markers, unused, rejected = import_fiche(path.read_text(encoding="utf-8"), path.name)
    return yaml.safe_load(text), text, markers, unused, rejected


# -- how a value of the knowledge file is compared with the import --------------------------------
def copied_from(fiche: str, text: str) -> bool:
    """Each sentence of the text is in the fiche as it is (quotes and spaces aside)."""
    whole = squash(clean_paste(fiche))
    return all(squash(re.sub(r"^(?:enfin),\s*", "", s, flags=re.I)) in whole for s in sentences(text))


def coverage(hand_written: str, text: str) -> float:
    """Share of the words of a hand-summarised text that the imported text contains."""
    wanted, present = content_words(hand_written), set(content_words(text))
    return sum(w in present for w in wanted) / len(wanted)


def same_name(hand_written: str, name: str) -> bool:
    """The same name, give or take words the author added or dropped (« le », « spécialisé(e) dans »)."""
    a, b = set(content_words(hand_written)), set(content_words(name))
    return a <= b or b <= a


def pairing(hand_written, names):
    """The imported names, one per hand-written name, in that order (None if some has no match)."""
    if len(hand_written) != len(names):
        return None
    for order in permutations(range(len(names))):
        if all(same_name(h, names[i]) for h, i in zip(hand_written, order)):
            return list(order)
    return None


# -- the school's fiche reproduces every fact of its hand-written knowledge file -------------------
@pytest.fixture(scope="module")
def seed():
    data, text, markers, unused, rejected = imported(SEED)
    return data, yaml.safe_load(KNOWN.read_text(encoding="utf-8")), SEED.read_text(encoding="utf-8"), markers, \
        unused, rejected


def test_the_seed_is_the_schools_fiche():
    shared = ROOT.parent / "shared" / "seed" / "000_ea2ce022fd035802.txt"
    if shared.exists():  # the team's machine; a fresh clone only has the copy
        assert SEED.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


def test_seed_imports_complete_verified_and_valid(seed, tmp_path):
    data, known, fiche, markers, unused, rejected = seed
    assert markers == [] and rejected == [] and unused == []
    path = tmp_path / f"{data['id']}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert load_profession(path).id == known["id"]


def test_seed_name_and_aliases(seed):
    data, known, fiche, *_ = seed
    assert data["id"] == known["id"] and data["intitule"] == known["intitule"]
    # The masculine and feminine forms of the full name, and the short name the fiche uses.
    tail = fold(known["intitule"]).split(" ", 1)[1]
    full_forms = [a for a in known["alias"] if a.split(" ", 1)[1] == tail]
    assert len(full_forms) == 2 and set(full_forms) <= set(data["alias"])
    assert set(data["alias"]) & set(known["alias"]) - set(full_forms), "aucune forme courte reprise"


def test_seed_salary(seed):
    data, known, *_ = seed
    assert data["salaire"]["unite"] == known["salaire"]["unite"]
    assert data["salaire"]["niveaux"] == known["salaire"]["niveaux"]  # figures, bounds, labels
    assert coverage(known["salaire"]["facteurs"], data["salaire"]["facteurs"]) == 1


def test_seed_hard_skills(seed):
    data, known, fiche, *_ = seed
    facts = lambda skills: [(s["nom"], s["score"], s["mots_cles"]) for s in skills]  # noqa: E731
    assert facts(data["hard_skills"]["competences"]) == facts(known["hard_skills"]["competences"])
    for mine, theirs in zip(data["hard_skills"]["competences"], known["hard_skills"]["competences"]):
        assert copied_from(fiche, mine["detail"]) and coverage(theirs["detail"], mine["detail"]) >= 0.8
    # the ids the NLU recognises (entity « competence ») are kept when the name contains them
    ids = {s["id"] for s in known["hard_skills"]["competences"]}
    assert len(ids & {s["id"] for s in data["hard_skills"]["competences"]}) >= len(ids) - 1


def test_seed_diploma_and_paths(seed):
    """The seed's diploma paths as the migrated knowledge file gives them (name, level, status), each status
    read from the fiche's own sentence; `diplome` keeps only the fiche's answer, route and remark."""
    data, known, fiche, *_ = seed
    assert "bac5_necessaire" not in data["diplome"] and "niveau_reference" not in data["diplome"]
    assert "formations" not in data
    for field in ("reponse", "voie", "precision"):
        assert copied_from(fiche, data["diplome"][field]) and coverage(known["diplome"][field],
                                                                       data["diplome"][field]) >= 0.6
    model = yaml.safe_load((FIXTURE_KNOWLEDGE / "metiers" / "charge_mission_relations_internationales.yml")
                           .read_text(encoding="utf-8"))["parcours"]  # the migrated file, as the tests' fixture has it
    assert [(fold(p["nom"]), p["niveau"], p["statut"]) for p in data["parcours"]] == \
        [(fold(p["nom"]), p["niveau"], p["statut"]) for p in model]
    for mine, theirs in zip(data["parcours"], model):
        for field in ("general", "pour_ce_metier", "en_bref"):
            assert copied_from(fiche, mine[field])
        assert coverage(theirs["general"], mine["general"]) >= 0.75
        assert coverage(theirs["pour_ce_metier"], mine["pour_ce_metier"]) >= 0.75


def test_seed_missions_and_skills(seed):
    data, known, fiche, *_ = seed
    assert pairing([m["intitule"] for m in known["missions"]], [m["intitule"] for m in data["missions"]]) == \
        list(range(len(known["missions"])))
    for mine, theirs in zip(data["missions"], known["missions"]):
        assert copied_from(fiche, mine["intitule"]) and copied_from(fiche, mine["detail"])
        assert coverage(theirs["detail"], mine["detail"]) >= 0.7
    names = lambda q: [x["nom"].lower() for x in q]  # noqa: E731 — the fiche capitalises « Écoute Active »
    assert names(data["soft_skills"]["qualites"]) == names(known["soft_skills"]["qualites"])
    for mine, theirs in zip(data["soft_skills"]["qualites"], known["soft_skills"]["qualites"]):
        assert copied_from(fiche, mine["detail"]) and coverage(theirs["detail"], mine["detail"]) >= 0.5
    for section in ("definition", "soft_skills", "hard_skills"):
        assert copied_from(fiche, data[section]["precision"])
        assert coverage(known[section]["precision"], data[section]["precision"]) >= 0.8
    assert coverage(known["definition"]["resume"], data["definition"]["resume"]) >= 0.5


def test_seed_stepping_stones_tools_constraints(seed):
    data, known, fiche, *_ = seed
    positions = [e["poste"] for e in data["experiences"]]
    assert pairing([e["poste"] for e in known["experiences"]], positions) == [0, 1, 2]
    for mine, theirs in zip(data["experiences"], known["experiences"]):
        # rewritten at the infinitive from the fiche's words (« se familiarise » -> « se familiariser »)
        assert words_in(mine["apport"], fiche) and coverage(theirs["apport"], mine["apport"]) >= 0.7

    categories = data["outils"]["categories"]
    order = pairing([c["nom"] for c in known["outils"]["categories"]], [c["nom"] for c in categories])
    assert order is not None, [c["nom"] for c in categories]
    for theirs, index in zip(known["outils"]["categories"], order):
        assert copied_from(fiche, categories[index]["detail"])
        assert coverage(theirs["detail"], categories[index]["detail"]) >= 0.3
    assert copied_from(fiche, data["outils"]["precision"])

    said = " ".join(data["contraintes"]["liste"]) + " " + data["contraintes"]["exigences"]
    for constraint in known["contraintes"]["liste"]:
        assert coverage(constraint, said) >= 0.5, constraint
    assert copied_from(fiche, data["contraintes"]["exigences"]) and copied_from(fiche, data["contraintes"]["precision"])


def test_seed_evolutions_and_other_texts(seed):
    data, known, fiche, *_ = seed
    assert data["evolutions"]["postes"] == known["evolutions"]["postes"]
    for field in ("ensuite", "conditions"):
        assert copied_from(fiche, data["evolutions"][field])
        assert coverage(known["evolutions"][field], data["evolutions"][field]) >= 0.8
    for field in ("alternance", "rncp", "formation_continue", "avertissement"):
        assert copied_from(fiche, data[field]) and coverage(known[field], data[field]) >= 0.4, field


# -- fictional fiches: other figures, orders, no accents, glued sentences ---------------------------
def without_a_status(unused):
    """The Bachelor and Mastère paragraphs of the fictional fiches say what they bring, not what they are worth for
    the profession (« il permet de diriger un chantier », « il n'est pas nécessaire ») : no path is written for
    them (never a status the fiche does not give) and the importer reports them."""
    return len(unused) == 4 and all(re.match(r"Le (?:niveau )?(?:Bachelor|Mast[eè]re)\b", p) for p in unused)


def test_fictional_fiche_without_accents_euros_and_spaced_figures():
    data, text, markers, unused, rejected = imported(DRAGONS)
    assert (markers, rejected) == ([], []) and without_a_status(unused)
    assert [(p["nom"], p["niveau"], p["statut"]) for p in data["parcours"]] == [("BTS", 2, "reference")]
    assert data["id"] == "dresseur_dragons_compagnie" and data["intitule"] == "Dresseur(se) de dragons de compagnie"
    assert data["alias"][:2] == ["dresseur de dragons de compagnie", "dresseuse de dragons de compagnie"]
    levels = data["salaire"]["niveaux"]
    assert (levels["debutant"]["min"], levels["debutant"]["max"], levels["debutant"]["annees_max"]) == (21500, 26000, 3)
    assert (levels["confirme"]["min"], levels["confirme"]["max"], levels["confirme"]["annees_min"]) == (33000, 47500, 6)
    assert levels["debutant"]["experience"] == "moins de 3 ans d'expérience"
    skills = [(s["nom"], s["score"], s["mots_cles"]) for s in data["hard_skills"]["competences"]]
    assert skills == [("Connaissance des dragons", 77, ["Especes", "Comportement", "Alimentation"]),
                      ("Securite incendie", 83, ["Extincteurs", "Evacuation", "Prevention"]),
                      ("Soins veterinaires de base", 64, ["Ecailles", "Pansements", "Vaccins"])]
    # « du public cible.Les hard skills » and « par an.Le metier de » : glued sentences are split
    assert data["hard_skills"]["precision"] == "La valeur de chaque hard skill varie selon l'elevage."
    assert data["definition"]["precision"].startswith("Ces missions sont typiques")
    assert [m["intitule"] for m in data["missions"]] == ["Education des jeunes dragons", "Suivi sanitaire",
                                                          "Prevention des incendies", "Conseil aux proprietaires"]
    assert [q["nom"] for q in data["soft_skills"]["qualites"]] == ["Patience", "Calme", "Pedagogie", "Sang-froid"]
    assert data["soft_skills"]["qualites"][0]["detail"] == "repeter les ordres sans s'enerver"  # curly ’ -> '
    assert [e["poste"] for e in data["experiences"]] == ["Soigneur(se) animalier dans un parc zoologique",
                                                         "Pompier(ere) volontaire"]
    assert [c["nom"] for c in data["outils"]["categories"]] == ["Outils de protection", "Outils de soin",
                                                                "Outils de dressage"]
    assert data["contraintes"]["liste"] == ["supporter la chaleur", "supporter des horaires decales",
                                            "supporter des brulures legeres"]
    assert data["evolutions"]["postes"] == ["Chef(fe) d'elevage de dragons", "Formateur(trice) en dressage"]
    assert data["salaire"]["facteurs"] == "la taille de l'elevage, la region et le nombre de dragons confies"


def test_fictional_fiche_in_another_order_with_junior_senior_and_a_required_master():
    data, text, markers, unused, rejected = imported(ROBOTS)
    assert (markers, rejected, unused) == ([], [], [])
    assert data["id"] == "restaurateur_robots_anciens"
    assert data["alias"] == ["restaurateur de robots anciens", "restauratrice de robots anciens", "robots anciens"]
    levels = data["salaire"]["niveaux"]
    assert {k: (v["libelle"], v["min"], v["max"], v.get("annees_min"), v.get("annees_max"))
            for k, v in levels.items()} == {"debutant": ("junior", 24500, 28000, None, 2),
                                             "confirme": ("senior", 36000, 52000, 8, None)}
    # « Le niveau Mastère … constitue le niveau de référence », « ce socle nécessite une poursuite d'études »,
    # « il reste une étape intermédiaire »: the order of the fiche, each status from its own sentence
    assert [(p["nom"], p["niveau"], p["statut"]) for p in data["parcours"]] == [
        ("Mastère", 5, "reference"), ("BTS", 2, "insuffisant_seul"), ("Bachelor", 3, "insuffisant_seul")]
    assert [(s["nom"], s["score"]) for s in data["hard_skills"]["competences"]] == [("Micromécanique", 93),
                                                                                   ("Soudure fine", 81)]
    assert data["hard_skills"]["competences"][1]["mots_cles"] == ["Étain", "Circuits", "Précision"]
    assert [q["nom"] for q in data["soft_skills"]["qualites"]] == ["Minutie", "Persévérance"]
    assert data["contraintes"]["liste"] == ["travailler penché des heures", "respirer des vapeurs de soudure",
                                            "attendre des pièces introuvables"]
    assert data["evolutions"]["postes"] == ["Conservateur(trice) de musée de la robotique"]
    assert data["formation_continue"] == 'Pour évoluer, des stages "robotique ancienne" peuvent être utiles.'
    assert "precision" not in data["salaire"]  # the fiche has none: nothing invented


@pytest.mark.parametrize("path", [SEED, DRAGONS, ROBOTS, AIRSHIP, ROOFS], ids=lambda p: p.stem)
def test_every_imported_file_is_a_valid_profession(path, tmp_path):
    data, text, *_ = imported(path)
    target = tmp_path / f"{data['id']}.yml"
    target.write_text(text, encoding="utf-8")
    assert load_profession(target).intitule == data["intitule"]
    assert "# " in text.splitlines()[0] and "À COMPLÉTER" not in text


@pytest.mark.parametrize("level, amount, expected", [
    ("DÉBUTANT (- de 3ans)", "De 30000€ à 35000€ brut par an", (3, 30000, 35000)),
    ("DEBUTANT (moins de 3 ans)", "De 30 000 euros a 35 000 euros brut par an", (3, 30000, 35000)),
    ("Débutant ( - de 3 ans )", "De 30\u00a0000 € à 35\u202f000 € brut par an", (3, 30000, 35000)),
])
def test_salary_lines_as_pasted(level, amount, expected):
    draft, _ = read_fiche(f"{level}\n{amount}\n")
    beginner = draft["salaire"]["niveaux"]["debutant"]
    assert (beginner["annees_max"].value, beginner["min"].value, beginner["max"].value) == expected


# -- verification: every fact is checked against the fiche -----------------------------------------
def test_a_figure_or_a_name_not_in_the_fiche_is_caught():
    text = DRAGONS.read_text(encoding="utf-8")
    draft, _ = read_fiche(text)
    assert verify(draft, text) == []
    draft["salaire"]["niveaux"]["debutant"]["min"] = Fact(21000, "De 21 500 euros a 26 000 euros brut par an", NUMBER)
    draft["evolutions"]["postes"][0] = Fact("Chef(fe) d'un élevage de dragons",
                                            draft["evolutions"]["postes"][0].evidence, COPIED)
    assert [field for field, _ in verify(draft, text)] == ["salaire.niveaux.debutant.min", "evolutions.postes.0"]


def test_a_fact_that_fails_verification_is_written_as_a_marker(monkeypatch):
    import trainer.importer.__main__ as cli
    real = cli.read_fiche

    def tampered(text):
        draft, unused = real(text)
        draft["hard_skills"]["competences"][0]["score"] = Fact(99, "77 | Connaissance des dragons", NUMBER)
        return draft, unused

    monkeypatch.setattr(cli, "read_fiche", tampered)
    draft, text, markers, unused, rejected = import_fiche(DRAGONS.read_text(encoding="utf-8"), DRAGONS.name)
    assert [f for f, _ in rejected] == ["hard_skills.competences.0.score"]
    assert "hard_skills.competences.0.score" in [f for _, f, _ in markers] and "99" not in text.split("score:")[1][:20]


# -- a damaged fiche: markers, refused by make check with file, line and field ----------------------
def test_a_damaged_fiche_gives_markers_that_make_check_names(tmp_path, capsys):
    project = project_copy(tmp_path)
    assert main([str(DAMAGED), "--dossier", str(project / "knowledge/metiers")]) == 0
    out = capsys.readouterr().out
    path = project / "knowledge/metiers/dresseur_dragons_compagnie.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    expected = {"hard_skills.competences.2.nom", "salaire.niveaux.confirme.min", "salaire.niveaux.confirme.max"}
    assert "À compléter (" in out and all(f"champ « {field} »" in out for field in expected)
    assert "Securite incendie" in path.read_text(encoding="utf-8")  # the rest is imported

    result = run_check(project)
    assert result.returncode == 1
    for field in expected:
        match = re.search(rf"champ « {re.escape(field)} » \(ligne (\d+)\)", result.stdout)
        assert match, result.stdout
        line = lines[int(match.group(1)) - 1]
        assert field.split(".")[-1] + ":" in line and "À COMPLÉTER" in line
    assert "knowledge/metiers/dresseur_dragons_compagnie.yml : brouillon importé" in result.stdout


def test_the_action_server_refuses_a_draft(tmp_path):
    folder = tmp_path / "metiers"
    assert main([str(DAMAGED), "--dossier", str(folder)]) == 0
    with pytest.raises(KnowledgeError, match="salaire.niveaux.confirme.min"):
        load_professions(folder)


# -- the command: never overwrites without ECRASER=1, clear French errors ---------------------------
def make_importer(knowledge: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "importer", *args], cwd=ROOT, capture_output=True,
                          text=True, env=project_env(ASSISTANT_KNOWLEDGE_DIR=str(knowledge)), timeout=120)


def test_make_importer_writes_then_refuses_to_overwrite_without_ecraser(tmp_path, capsys):
    """The first two runs call the importer's own entry point (what `make importer FICHE=…` runs: the guide's
    test runs that command); the last one goes through make, for ECRASER=1."""
    knowledge = tmp_path / "knowledge"
    assert main([str(ROBOTS), "--dossier", str(knowledge / "metiers")]) == 0
    target = knowledge / "metiers" / "restaurateur_robots_anciens.yml"
    first = capsys.readouterr().out
    assert f"Fiche importée dans {target}" in first and "Rien à compléter" in first
    target.write_text(target.read_text(encoding="utf-8") + "# ma relecture\n", encoding="utf-8")

    assert main([str(ROBOTS), "--dossier", str(knowledge / "metiers")]) != 0
    again = capsys.readouterr().err
    assert "existe déjà : rien n'a été écrit" in again and "ECRASER=1" in again
    assert target.read_text(encoding="utf-8").endswith("# ma relecture\n")

    forced = make_importer(knowledge, f"FICHE={ROBOTS}", "ECRASER=1")
    assert forced.returncode == 0 and "# ma relecture" not in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    ([], "Indiquez la fiche : make importer FICHE="),
    (["FICHE=/nulle/part.txt"], "fichier introuvable"),
])
def test_make_importer_bad_input_gets_a_french_message(tmp_path, args, message):
    result = make_importer(tmp_path, *args)
    assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr


def test_a_text_that_is_not_a_fiche_is_refused(tmp_path, capsys):
    other = tmp_path / "courses.txt"
    other.write_text("Acheter du pain.\nAppeler le garage.\n", encoding="utf-8")
    assert main([str(other), "--dossier", str(tmp_path)]) == 1
    assert "le nom du métier est introuvable" in capsys.readouterr().err
    assert list(tmp_path.glob("*.yml")) == []


# -- a fiche that does not give every fact: absent, never « À COMPLÉTER » --------------------------
def test_facts_the_fiche_does_not_give_are_left_absent_not_to_complete(tmp_path):
    data, text, markers, unused, rejected = imported(AIRSHIP)
    assert (markers, rejected) == ([], []) and "À COMPLÉTER" not in text
    for field in ("alternance", "rncp", "formation_continue"):
        assert field not in data, field
        # the file tells the trainer why the field is not there, and not to invent it
        assert f"# {field} : absent de la fiche" in text
    skills = {s["nom"]: s for s in data["hard_skills"]["competences"]}
    assert set(skills) == {"Lecture météorologique", "Gestion des réservations", "Langues étrangères"}
    assert skills["Lecture météorologique"]["detail"].startswith("la lecture météorologique permet")
    assert "detail" not in skills["Gestion des réservations"] and "mots_cles" not in skills["Gestion des réservations"]
    assert "detail" not in skills["Langues étrangères"]
    assert skills["Langues étrangères"]["mots_cles"] == ["Anglais", "Allemand", "Japonais"]
    header = " ".join(line.lstrip("# ") for line in text.split("\n\n")[0].splitlines())
    assert "Absents de la fiche, donc laissés absents (6)" in header and "N'écrivez jamais un fait" in header

    path = tmp_path / f"{data['id']}.yml"
    path.write_text(text, encoding="utf-8")
    profession = load_profession(path)
    # what a student then reads: « La fiche ne précise pas … » with the counsellor button
    reply = school().replier.answer(profession, Question(topic="alternance"))
    assert reply.text.startswith("La fiche ne précise pas ") and profession.intitule in reply.text
    assert reply.buttons[0]["payload"] == "/conseiller"
    skill = next(s for s in profession.hard_skills.competences if s.nom == "Gestion des réservations")
    said = school().replier.answer(profession, Question(topic="hard_skills", skill=skill.id)).text
    assert "Gestion des réservations" in said and "79" in said and "La fiche ne précise pas" in said


def test_a_fiche_without_tools_evolutions_or_a_second_salary_level_leaves_them_absent(tmp_path):
    data, text, markers, unused, rejected = imported(ROOFS)
    assert (markers, rejected) == ([], []) and without_a_status(unused) and "À COMPLÉTER" not in text
    assert {"outils", "evolutions", "rncp", "formation_continue"}.isdisjoint(data)
    assert data["alternance"] == "Le BTS est un diplome de niveau Bac+2 fictif, avec des chantiers en alternance."
    levels = data["salaire"]["niveaux"]
    assert list(levels) == ["debutant"] and (levels["debutant"]["min"], levels["debutant"]["max"]) == (22300, 25900)
    assert "facteurs" not in data["salaire"]
    path = tmp_path / f"{data['id']}.yml"
    path.write_text(text, encoding="utf-8")
    profession = load_profession(path)
    reply = school().replier.answer(profession, Question(topic="salaire", experience="confirme")).text
    assert reply.startswith("La fiche ne précise pas le salaire") and norm(euros(22300)) in norm(reply)


def test_text_of_the_fiche_that_could_not_be_placed_still_asks_a_human():
    # the damaged fiche has a salary level without its amounts and a score without a name: those are
    # in the fiche, so they stay « À COMPLÉTER » (and make check refuses them, see above)
    data, text, markers, unused, rejected = imported(DAMAGED)
    fields = [field for _, field, _ in markers]
    assert "salaire.niveaux.confirme.min" in fields and "hard_skills.competences.2.nom" in fields
    # what the fiche does not give at all is absent, not a marker
    assert not any(f.startswith(("alternance", "famille", "formation_continue")) for f in fields)


# -- constraints stated in one sentence -------------------------------------------------------------
def test_constraints_listed_in_one_sentence_are_split_into_items():
    data, *_ = imported(AIRSHIP)
    assert data["contraintes"]["liste"] == ["la météo changeante", "les horaires décalés des départs à l'aube",
                                            "les annulations de dernière minute"]
    assert data["contraintes"]["exigences"] == "Ce rôle exige une grande souplesse d'organisation."
    data, *_ = imported(ROOFS)
    assert data["contraintes"]["liste"] == ["le vent en rafales", "le port de charges dans les escaliers",
                                            "les arrosages très matinaux en été"]


@pytest.mark.parametrize("sentence, items", [
    ("Le métier de Testeur(se) comporte des contraintes liées au bruit des ateliers, à la poussière "
     "et aux livraisons tardives.", ["le bruit des ateliers", "la poussière", "les livraisons tardives"]),
    ("Ce métier présente des contraintes dues à l'isolement des chantiers ainsi qu'à des trajets longs.",
     ["l'isolement des chantiers", "des trajets longs"]),
    # « et » inside an item stays: items are cut only where the next one starts like the first
    ("Le métier comporte des contraintes liées à la gestion des stocks et des retours, et aux horaires de nuit.",
     ["la gestion des stocks et des retours", "les horaires de nuit"]),
    ("Le métier comporte des contraintes, comme la chaleur des cuisines, le bruit ou les coupures du soir.",
     ["la chaleur des cuisines", "le bruit", "les coupures du soir"]),
    ("Le métier comporte des contraintes : le froid, la pluie et les marées, ce qui demande de l'endurance.",
     ["le froid", "la pluie", "les marées"]),
    ("Le métier comporte des contraintes : horaires décalés, froid et bruit.", ["horaires décalés", "froid", "bruit"]),
    ("Les principales contraintes du métier sont liées aux horaires de nuit et au bruit.",
     ["les horaires de nuit", "le bruit"]),
    ("Parmi les contraintes du métier, on trouve le travail le dimanche, la station debout et les pics d'activité.",
     ["le travail le dimanche", "la station debout", "les pics d'activité"]),
])
def test_constraint_sentences_of_other_forms_are_split(sentence, items):
    draft, _ = read_fiche(sentence + "\n")
    assert [fact.value for fact in draft["contraintes"]["liste"]] == items
    assert verify(draft, sentence) == []  # each item is the fiche's own words (a preposition read as an article)


def test_a_constraints_paragraph_without_any_named_constraint_leaves_the_list_absent():
    draft, _ = read_fiche("Le métier de Testeur(se) comporte un certain nombre de contraintes. "
                          "Ce rôle exige de la rigueur.\n")
    assert as_yaml_data(draft)["contraintes"] == {"exigences": "Ce rôle exige de la rigueur."}


# -- stepping stones recognised by what they say ---------------------------------------------------
def test_every_stepping_stone_of_the_fiches_is_read_whatever_its_opening():
    data, *_ = imported(AIRSHIP)
    assert [e["poste"] for e in data["experiences"]] == [
        "Animateur(trice) de croisières fluviales", "Technicien(ne) de maintenance aéronautique",
        "Agent(e) de réservation", "Météorologue amateur"]
    assert data["experiences"][2]["apport"] == "maîtriser les outils de billetterie et la gestion des listes d'attente"
    data, *_ = imported(ROOFS)
    assert [e["poste"] for e in data["experiences"]] == [
        "Technicien(ne) cordiste sur des façades", "Élagueur(se)", "Vendeur(se) en jardinerie"]


@pytest.mark.parametrize("paragraph, position", [
    ("En travaillant comme Moniteur(trice) de ski, le/la candidat(e) apprend à encadrer un groupe.",
     "Moniteur(trice) de ski"),
    ("En tant que Serveur(se) en brasserie, on développe le sens du rythme.", "Serveur(se) en brasserie"),
    ("Un poste de Magasinier(ère) permet d'acquérir la rigueur des inventaires.", "Magasinier(ère)"),
    ("Après plusieurs années comme Secrétaire médical(e), on maîtrise les plannings.", "Secrétaire médical(e)"),
    ("L'expérience de Libraire apporte une bonne culture des publics.", "Libraire"),
    ("Une première expérience comme Guide de musée prépare à parler devant un groupe.", "Guide de musée"),
    ("Passer par un poste de Standardiste permet d'apprendre à garder son calme.", "Standardiste"),
    ("Travailler d'abord comme Préparateur(trice) de commandes apporte le sens de l'organisation.",
     "Préparateur(trice) de commandes"),
])
def test_stepping_stone_openings_are_recognised(paragraph, position):
    draft, unused = read_fiche(paragraph + "\n")
    assert unused == [] and [e["poste"].value for e in draft["experiences"]] == [position]
    assert verify(draft, paragraph) == []


@pytest.mark.parametrize("paragraph", [
    "Un poste de travail adapté est fourni par la compagnie.",  # a job word, nothing learnt
    "Après quelques années, les salaires augmentent.",
])
def test_a_paragraph_that_teaches_nothing_is_not_a_stepping_stone(paragraph):
    draft, unused = read_fiche(paragraph + "\n")
    assert "experiences" not in as_yaml_data(draft) and unused == [paragraph]


@pytest.mark.parametrize("path", sorted(FICHES.glob("*.txt")) + sorted((FICHES / "heldout").glob("*.txt")),
                         ids=lambda p: p.stem)
def test_every_sentence_of_a_fiche_is_in_a_field_or_in_the_report(path):
    """Nothing is dropped silently: each sentence of the fiche is the passage a written fact was read from (after
    the verification), or is quoted by a « À COMPLÉTER », or is listed under « Passages de la fiche repris nulle
    part », or belongs to the fiche's general texts (its quote, its text on salaries in general). The sentence that
    opens a paragraph whose other sentences gave facts introduces them (« Plusieurs voies sont possibles. »)."""
    text = path.read_text(encoding="utf-8")
    draft, _, _, unused, _ = import_fiche(text, path.name)
    # (the aliases are built from the title and the whole text: they take no paragraph)
    evidence = [squash(line) for path_, leaf in draft_leaves(draft) if isinstance(leaf, Fact) and path_[0] != "alias"
                for line in leaf.evidence.split("\n")]
    quoted = [squash(leaf.hint) for _, leaf in draft_leaves(draft) if isinstance(leaf, Missing)]
    reported = [squash(passage) for passage in unused]

    def placed(sentence: str) -> bool:
        said = squash(sentence)
        return any(said in e or squash(re.sub(r"^(?:enfin|ensuite|aussi|de plus),\s*", "", sentence, flags=re.I)) in e
                   for e in evidence) or any(said[:60] in q for q in quoted) or any(said in r for r in reported)

    for paragraph in paragraphs(text):
        if classify(paragraph) in IGNORED or any(squash(paragraph[:60]) in q for q in quoted):
            continue
        parts = sentences(paragraph)
        left = [sentence for sentence in parts if not placed(sentence)]
        if left and len(left) < len(parts) and left[0] == parts[0]:
            left = left[1:]
        assert not left, f"repris nulle part et non signalé : {left}"


# -- famille ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, famille", [("Famille : Tourisme", "tourisme"),
                                           ("Secteur : Paysage et environnement.", "paysage et environnement"),
                                           ("Domaine d'activité : Santé", "santé"),
                                           ("Famille de métiers: Numérique", "numérique")])
def test_the_famille_the_fiche_states_is_read(line, famille):
    draft, unused = read_fiche(line + "\n" + ROBOTS.read_text(encoding="utf-8"))
    assert draft["famille"].value == famille and unused == []


def test_a_fiche_without_famille_leaves_it_absent_and_says_the_trainer_may_set_it(tmp_path, capsys):
    data, text, *_ = imported(ROBOTS)
    assert "famille" not in data and "# famille : absent de la fiche" in text
    assert imported(AIRSHIP)[0]["famille"] == "tourisme"
    assert main([str(ROBOTS), "--dossier", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Famille de métiers : la fiche n'en indique pas" in out and "« famille: tourisme »" in out
    path = tmp_path / "restaurateur_robots_anciens.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nalias:", "\nfamille: artisanat\nalias:"), encoding="utf-8")
    assert load_profession(path).famille == "artisanat"


def test_the_summary_lists_the_absent_fields(tmp_path, capsys):
    assert main([str(AIRSHIP), "--dossier", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Rien à compléter" in out and "Absents de la fiche, laissés absents (6)" in out
    assert "  - alternance : la fiche ne parle pas d'alternance" in out
    assert "  - hard_skills.competences.1.detail : la fiche n'a pas de phrase sur cette compétence" in out
    # the fiche's own warning line is reported, not dropped
    assert "Passages de la fiche repris nulle part" in out and "n'existe pas : cette fiche est inventée" in out


def test_a_sentence_on_skills_that_no_skill_took_asks_which_skill_it_is_about():
    text = ("Les hard skills permettent au/à la Testeur(se) de jeux de travailler. La rigueur aide à tout noter.\n"
            "80 | Analyse de règles\nRègles, Logique...\n70 | Rédaction de rapports\n")
    draft, _ = read_fiche(text)
    hints = [skill["detail"].hint for skill in draft["hard_skills"]["competences"]]
    # one sentence for two skills: each may be the one, and the other line is to be deleted, not invented
    assert all("supprimez cette ligne" in hint for hint in hints) and "« Analyse de règles »" in hints[0]


def test_what_facing_the_constraints_brings_and_the_saying_beside_the_pay_are_kept_as_the_fiche_says_them():
    draft, _ = read_fiche(SEED.read_text(encoding="utf-8"))
    text = " ".join(fold(SEED.read_text(encoding="utf-8")).replace("\u2019", "'").split())
    worth, saying = draft["contraintes"]["portee"], draft["salaire"]["citation"]
    assert " ".join(fold(worth.value).split()) in text and "surmont" in fold(worth.value)
    assert " ".join(fold(saying.value).split()) in text and saying.value.startswith("«")


def test_the_faq_remark_keeps_who_the_faq_is_for():
    draft, _ = read_fiche(SEED.read_text(encoding="utf-8"))
    said = fold(draft["avertissement"].value)
    assert "pensee comme un guide" in said and "questions" in said
