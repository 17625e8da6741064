"""The trainers' guide (docs/guide-formateurs.md), followed step by step on a copy of the project.

The YAML the tests write comes from the guide itself: each fenced block that starts with
`# exemple: <nom>` is a snippet. If a snippet of the guide is wrong, or if the guide's "before"
no longer matches the real knowledge file, these tests fail, so the guide cannot rot.
"""
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Dict

import pytest
import yaml

from core.knowledge import euros
from core.replies import Replier
from core.understanding import Question, Vocabulary
from core.understanding import understand as understood
from loading.knowledge import load_contact, load_professions, load_templates, load_topics, project_diplomas
from loading.school import load_school
from tests.support.helpers import ROOT, norm, project_env
from tests.support.project import PROFESSION_FILE, project_copy, run_check
from trainer.importer.__main__ import main as importer_main

GUIDE = ROOT / "docs" / "guide-formateurs.md"


def understand(text: str, **given):
    """A message understood with the project's diploma words (what a School hands the understanding)."""
    return understood(text, vocabulary=Vocabulary(diplomas=project_diplomas()), **given)


def _blocks(language: str):
    """The dedented body of every fenced block of the guide in that language ("" for plain blocks)."""
    fence, lang, body = None, "", []
    for line in GUIDE.read_text(encoding="utf-8").splitlines(keepends=True):
        match = re.fullmatch(r"([ \t]*)```(\w*)\s*", line)
        if fence is None and match:
            fence, lang, body = match.group(1), match.group(2), []
        elif fence is not None and match and match.group(1) == fence and not match.group(2):
            if lang == language:
                yield textwrap.dedent("".join(body))
            fence = None
        elif fence is not None:
            body.append(line)


def snippets() -> Dict[str, str]:
    found = {}
    for body in _blocks("yaml"):
        first, _, rest = body.partition("\n")
        match = re.fullmatch(r"# exemple: ([\w-]+)", first.strip())
        if match:
            assert match.group(1) not in found, f"deux extraits « {match.group(1)} » dans le guide"
            found[match.group(1)] = rest
    return found


SNIPPETS = snippets()


def snippet(name: str) -> str:
    assert name in SNIPPETS, f"le guide n'a plus d'extrait « # exemple: {name} »"
    return SNIPPETS[name]


def guide_message(containing: str) -> str:
    """A `make check` message quoted in the guide (a plain fenced block starting with ✗)."""
    blocks = [b for b in _blocks("") if b.startswith("✗") and containing in b]
    assert len(blocks) == 1, f"le guide doit citer un message contenant « {containing} »"
    return blocks[0].strip()


def without_line_numbers(text: str) -> str:
    return re.sub(r"ligne \d+", "ligne N", text)


def append_to(path: Path, text: str) -> None:
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if current and not current.endswith("\n"):
        current += "\n"
    path.write_text(current + text, encoding="utf-8")


def insert(path: Path, marker: str, text: str, after: bool) -> None:
    current = path.read_text(encoding="utf-8")
    assert marker in current, f"{path.name} n'a plus la ligne « {marker.strip()} » dont parle le guide"
    path.write_text(current.replace(marker, marker + text if after else text + marker, 1), encoding="utf-8")


def ok(project: Path) -> str:
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Tout est correct : ")
    return result.stdout


def failing_output(project: Path) -> str:
    result = run_check(project)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout


def replier(project: Path) -> Replier:
    knowledge = project / "knowledge"
    return Replier(load_templates(knowledge / "reponses.yml"), load_topics(knowledge / "sujets.yml"),
                   load_contact(knowledge / "contact.yml"), project_diplomas())


@pytest.fixture
def project(tmp_path):
    return project_copy(tmp_path)


# -- every procedure of the guide is exercised ----------------------------------------------------
USED_SNIPPETS = {"ajouter-des-exemples", "nouveau-sujet-exemples", "nouveau-sujet-domaine", "nouveau-sujet-regle",
                 "nouveau-sujet-fiche", "nouveau-sujet-modele", "nouveau-sujet-sujets", "nouveau-sujet-test",
                 "histoire", "fait-avant", "fait-apres", "nouveau-metier", "importer-salaire-avant",
                 "importer-salaire-apres", "importer-competence-avant", "importer-competence-apres", "parcours"}


def test_every_snippet_of_the_guide_is_followed_by_a_test():
    assert set(SNIPPETS) == USED_SNIPPETS


# -- 2. add examples to a topic --------------------------------------------------------------------
def add_examples(project: Path) -> None:
    append_to(project / "data/nlu/salaire.yml", snippet("ajouter-des-exemples"))


def example_count(output: str) -> int:
    return int(re.search(r"(\d+) exemples", output).group(1))


def test_add_examples_to_a_topic(project):
    before = example_count(ok(project))
    add_examples(project)
    added = sum(1 for ln in snippet("ajouter-des-exemples").splitlines() if ln.startswith("    - "))
    assert added >= 2
    assert example_count(ok(project)) == before + added


def test_an_added_example_already_under_another_topic_is_refused(project):
    # The first example of bts.yml, added to salaire.yml as the guide says (at the end, aligned).
    bts = yaml.safe_load((project / "data/nlu/bts.yml").read_text(encoding="utf-8"))["nlu"][0]["examples"]
    duplicate = bts.splitlines()[0].lstrip("- ")
    append_to(project / "data/nlu/salaire.yml", f"    - {duplicate}\n")
    out = failing_output(project)
    assert "data/nlu/salaire.yml ligne" in out and "data/nlu/bts.yml ligne" in out
    assert "est dans deux intentions" in out


def test_an_added_example_badly_aligned_is_refused_with_its_line(project):
    append_to(project / "data/nlu/salaire.yml", "  - c'est payé combien au début\n")
    out = failing_output(project)
    lines = (project / "data/nlu/salaire.yml").read_text(encoding="utf-8").splitlines()
    assert f"data/nlu/salaire.yml ligne {len(lines)}, colonne" in out and "YAML invalide" in out


# -- 3. a new question topic, end to end -----------------------------------------------------------
def new_topic() -> str:
    return yaml.safe_load(snippet("nouveau-sujet-exemples"))["nlu"][0]["intent"]


STEPS = {
    "exemples": lambda p: (p / f"data/nlu/{new_topic()}.yml").write_text(
        snippet("nouveau-sujet-exemples"), encoding="utf-8"),
    "domaine": lambda p: insert(p / "domain.yml", "intents:\n", snippet("nouveau-sujet-domaine"), after=True),
    "regle": lambda p: append_to(p / "data/rules/sujets.yml", snippet("nouveau-sujet-regle")),
    # « S'il y a plusieurs métiers, faites-le dans chaque fiche. »
    "fiche": lambda p: [append_to(f, snippet("nouveau-sujet-fiche"))
                        for f in sorted((p / "knowledge/metiers").glob("*.yml"))],
    "modele": lambda p: append_to(p / "knowledge/reponses.yml", snippet("nouveau-sujet-modele")),
    "sujets": lambda p: insert(p / "knowledge/sujets.yml", "  conseiller:\n", snippet("nouveau-sujet-sujets"),
                               after=False),
    "test": lambda p: append_to(p / "tests/test_stories.yml", snippet("nouveau-sujet-test")),
}


def add_topic(project: Path, skip: str = None) -> None:
    for name, step in STEPS.items():
        if name != skip:
            step(project)


def test_add_a_new_topic_end_to_end(project):
    add_topic(project)
    ok(project)

    # The answer comes from the knowledge section, with its template, source and next questions.
    topic = new_topic()
    section = yaml.safe_load(snippet("nouveau-sujet-fiche"))["autres_sujets"][topic]
    entry = yaml.safe_load(snippet("nouveau-sujet-sujets"))[topic]
    profession = load_professions(project / "knowledge/metiers")["charge_mission_relations_internationales"]
    reply = replier(project).answer(profession, understand(entry["question"], topic=topic))
    assert norm(section) in norm(reply.text)
    assert f"rubrique « {entry['rubrique']} »" in reply.text
    topics = load_topics(project / "knowledge/sujets.yml")
    assert [b["title"] for b in reply.buttons] == [topics.sujets[s].question for s in entry["suggestions"]]


FORGOTTEN_STEP_MESSAGES = {
    "exemples": "n'a aucun exemple. Créez data/nlu/{topic}.yml avec au moins 25 exemples",
    "domaine": "l'intention « {topic} » n'est pas déclarée dans domain.yml. Ajoutez la ligne « - {topic} »",
    "regle": None,  # the message the guide quotes
    "fiche": "la rubrique « autres_sujets.{topic} » manque",
    "modele": "le sujet « {topic} » n'a pas de modèle de réponse. Ajoutez dans knowledge/reponses.yml",
    "sujets": "« {topic} » va à action_repondre, mais n'est pas un sujet de knowledge/sujets.yml",
}


@pytest.mark.parametrize("forgotten", list(FORGOTTEN_STEP_MESSAGES))
def test_a_forgotten_step_says_what_to_do(project, forgotten):
    add_topic(project, skip=forgotten)
    out = failing_output(project)
    if FORGOTTEN_STEP_MESSAGES[forgotten]:
        assert FORGOTTEN_STEP_MESSAGES[forgotten].format(topic=new_topic()) in out
    else:
        expected = guide_message("n'a pas de règle vers action_repondre")
        assert without_line_numbers(expected) in without_line_numbers(out)


# -- 4. write a story --------------------------------------------------------------------------------
def write_story(project: Path) -> Path:
    path = project / "data/stories/parcours.yml"
    path.write_text(snippet("histoire"), encoding="utf-8")
    return path


def test_write_a_story(project):
    before = int(re.search(r"(\d+) histoires", ok(project)).group(1))
    write_story(project)
    assert int(re.search(r"(\d+) histoires", ok(project)).group(1)) == before + 1


def test_a_story_with_a_misspelt_topic_is_refused_with_its_line(project):
    path = write_story(project)
    intent = yaml.safe_load(snippet("histoire"))["stories"][0]["steps"][-2]["intent"]
    path.write_text(path.read_text(encoding="utf-8").replace(f"intent: {intent}", f"intent: {intent}x"),
                    encoding="utf-8")
    line = next(i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if f"{intent}x" in ln)
    out = failing_output(project)
    assert f"data/stories/parcours.yml ligne {line} : l'intention « {intent}x » n'existe pas dans domain.yml" in out


# -- 5. update a fact ------------------------------------------------------------------------------
def update_fact(project: Path) -> None:
    """The guide's procedure on a file in the state the guide shows (« avant »), whatever the school's
    own figures are today: the beginner level is first set to the guide's example."""
    path = project / PROFESSION_FILE
    text, count = re.subn(r"(?m)^    debutant:\n(?:      .*\n)+", snippet("fait-avant").rstrip("\n") + "\n",
                          path.read_text(encoding="utf-8"), count=1)
    assert count == 1, "le niveau « debutant » est introuvable dans la fiche métier copiée"
    assert snippet("fait-avant") in text
    path.write_text(text.replace(snippet("fait-avant"), snippet("fait-apres")), encoding="utf-8")


def test_update_a_fact_without_retraining(project):
    before = yaml.safe_load(snippet("fait-avant"))["debutant"]["min"]
    after = yaml.safe_load(snippet("fait-apres"))["debutant"]["min"]
    assert before != after
    update_fact(project)
    ok(project)

    # What the action server loads at its next start: the new amount, no training involved.
    profession = load_professions(project / "knowledge/metiers")["charge_mission_relations_internationales"]
    reply = replier(project).answer(profession, Question(topic="salaire", experience="debutant"))
    assert norm(euros(after)) in norm(reply.text) and norm(euros(before)) not in norm(reply.text)


def test_the_knowledge_files_are_not_training_inputs():
    """« Pas besoin de ré-entraîner » : the fingerprint make train compares does not cover knowledge/."""
    inputs = subprocess.run([sys.executable, "scripts/model_build.py", "list"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    assert "data/nlu/salaire.yml" in inputs and not any(i.startswith("knowledge/") for i in inputs)


def test_an_amount_written_with_spaces_and_euro_is_refused(project):
    update_fact(project)
    after = yaml.safe_load(snippet("fait-apres"))["debutant"]["min"]
    path = project / PROFESSION_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(f"min: {after}", f"min: {euros(after)} €"),
                    encoding="utf-8")
    out = failing_output(project)
    assert "champ « salaire.niveaux.debutant.min » (ligne" in out
    assert f"« {euros(after)} € » : un nombre entier est attendu" in out and f"écrivez {after}" in out


@pytest.mark.parametrize("written", ["{thousands}.{rest:03d}", "{thousands} {rest:03d}", "{thousands}k"])
def test_the_amount_forms_the_guide_refuses_are_refused(project, written):
    """« 32.000, 32 000, 32k ou 32 000 € sont refusés par make check, qui donne … le nombre à écrire »."""
    update_fact(project)
    after = yaml.safe_load(snippet("fait-apres"))["debutant"]["min"]
    thousands, rest = divmod(after, 1000)
    if written.endswith("k") and rest:
        pytest.skip("le montant du guide n'est pas un nombre rond de milliers")
    path = project / PROFESSION_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(f"min: {after}", "min: " + written.format(
        thousands=thousands, rest=rest)), encoding="utf-8")
    assert f"écrivez {after}" in failing_output(project)


def test_overlapping_experience_levels_are_refused_as_the_guide_says(project):
    update_fact(project)
    beginner = yaml.safe_load(snippet("fait-apres"))["debutant"]
    path = project / PROFESSION_FILE
    text = path.read_text(encoding="utf-8")
    confirmed = re.search(r"annees_min: (\d+)", text)
    path.write_text(text.replace(confirmed.group(0), f"annees_min: {beginner['annees_max'] - 1}"), encoding="utf-8")
    assert "les niveaux se chevauchent" in failing_output(project)


def test_the_guides_diploma_paths_replace_the_fiches_and_name_the_required_diploma_first(project):
    """The guide's « parcours » example, in place of the fiche's: accepted, and read as it says."""
    path = project / PROFESSION_FILE
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\nparcours:"), text.index("\nalternance:")
    path.write_text(text[:start] + "\n" + snippet("parcours") + text[end:], encoding="utf-8")
    profession = load_professions(project / "knowledge" / "metiers")[path.stem]
    required = yaml.safe_load(snippet("parcours"))["parcours"][0]
    reply = norm(replier(project).answer(profession, understand("un bts suffit ?", topic="bts")).text)
    assert reply.startswith(norm(f"il faut le {required['nom']} (bac+{required['niveau']}) pour exercer ce metier ; "
                                 "un bts (bac+2) seul ne suffit pas."))
    broken = path.read_text(encoding="utf-8").replace("niveau: 3", "niveau: Bac+3", 1)
    path.write_text(broken, encoding="utf-8")
    assert "« Bac+3 » : le niveau est un nombre d'années d'études après le bac : écrivez 3" in failing_output(project)


# -- 6. add a second profession --------------------------------------------------------------------
# Everything below the guide's header is INVENTED for the tests: this profession does not exist in the
# school's fiches, and none of these figures is real.
FICTIONAL_BODY = """
# --- Tout ce qui suit est INVENTÉ pour les tests : métier fictif, chiffres fictifs. ---
definition:
  resume: Métier fictif inventé pour les tests, qui consiste à jouer aux jeux de société avant leur sortie pour repérer les règles ambiguës.
missions:
  - intitule: Tester les règles
    detail: jouer plusieurs parties pour repérer les règles ambiguës
  - intitule: Rédiger des rapports de test
    detail: décrire à l'éditeur chaque problème trouvé
soft_skills:
  qualites:
    - nom: Patience
      detail: rejouer la même partie plusieurs fois
hard_skills:
  competences:
    - id: rapports
      nom: Rédaction de rapports
      score: 70
      mots_cles: [Synthèse, Clarté]
      detail: elle rend les rapports de test lisibles par l'éditeur
diplome:
  reponse: Un Bac+5 n'est pas nécessaire pour ce métier fictif.
  voie: Un BTS peut suffire pour ce métier fictif.
parcours:
  - nom: BTS
    niveau: 2
    statut: reference
    en_bref: il suffit pour ce métier fictif
    general: Formation courte (texte fictif).
    pour_ce_metier: Il suffit pour ce métier fictif.
  - nom: Bachelor
    niveau: 3
    statut: suffisant
    en_bref: il suffit aussi (fictif)
  - nom: Mastère
    niveau: 5
    statut: utile_pour_evoluer
    en_bref: il n'est pas nécessaire (fictif)
alternance: L'alternance est possible dans ce métier fictif.
rncp: Aucun titre RNCP, ce métier est fictif.
experiences:
  - poste: Animateur(trice) de ludothèque (fictif)
    apport: connaître beaucoup de jeux
outils:
  categories:
    - nom: Tableurs
      detail: noter les résultats des parties
contraintes:
  liste:
    - jouer à des jeux qu'on n'aime pas
    - tenir les délais de l'éditeur
salaire:
  unite: € brut par an
  niveaux:
    debutant:
      libelle: débutant(e)
      experience: moins de 2 ans d'expérience
      annees_max: 2
      min: 21000
      max: 23000
    confirme:
      libelle: confirmé(e)
      experience: plus de 4 ans d'expérience
      annees_min: 4
      min: 27000
      max: 31000
  facteurs: le nombre de jeux testés
evolutions:
  postes:
    - Auteur(trice) de jeux (fictif)
formation_continue: La fiche fictive ne cite pas de formation continue.
"""


def add_profession(project: Path) -> Path:
    header = snippet("nouveau-metier")
    new_id = yaml.safe_load(header)["id"]
    # 1. copy the existing file under the new id; 2. its top replaced by the guide's; 3. every rubrique.
    path = project / "knowledge/metiers" / f"{new_id}.yml"
    shutil.copy(project / PROFESSION_FILE, path)
    path.write_text(header + FICTIONAL_BODY, encoding="utf-8")
    return path


def school_professions(project: Path) -> set:
    """The ids of the professions the school has now, however many (the guide's steps add one)."""
    return {path.stem for path in (project / "knowledge/metiers").glob("*.yml")}


def test_add_a_second_profession(project):
    before = school_professions(project)
    path = add_profession(project)
    assert f"{len(before) + 1} métier(s)" in ok(project)

    header = yaml.safe_load(snippet("nouveau-metier"))
    professions = load_professions(project / "knowledge/metiers")
    assert set(professions) == before | {header["id"]}
    assert path.stem == header["id"]
    fictional = professions[header["id"]]
    assert fictional.intitule == header["intitule"] and fictional.alias == header["alias"]

    # Its answers come from its own file.
    reply = replier(project).answer(fictional, Question(topic="salaire", experience="debutant"))
    assert header["intitule"] in reply.text and norm(euros(21000)) in norm(reply.text)
    assert norm(euros(30000)) not in norm(reply.text)
    assert header["intitule"] in replier(project).welcome(list(professions.values())).text


def test_a_profession_file_not_named_after_its_id_is_refused(project):
    path = add_profession(project)
    path.rename(path.with_name("nouveau_metier.yml"))
    out = failing_output(project)
    assert "knowledge/metiers/nouveau_metier.yml : champ « id » (ligne" in out and f"vaut « {path.stem} »" in out
    assert f"Donnez au fichier le nom {path.stem}.yml ou corrigez l'id" in out


def test_a_profession_with_a_missing_field_is_refused_as_the_guide_shows(project):
    path = add_profession(project)
    path.write_text(path.read_text(encoding="utf-8").replace("  unite: € brut par an\n", ""), encoding="utf-8")
    expected = guide_message("champ obligatoire absent")
    assert without_line_numbers(expected) in without_line_numbers(failing_output(project))


# -- 7. add a profession from its fiche ------------------------------------------------------------
def import_as_the_guide_says(project: Path) -> subprocess.CompletedProcess:
    """The guide's `make importer` command, run as written, into the copy's knowledge folder."""
    commands = [ln.strip() for b in _blocks("sh") for ln in b.splitlines() if ln.strip().startswith("make importer")]
    assert len(commands) == 1, "le guide doit donner une commande « make importer FICHE=… »"
    return subprocess.run(shlex.split(commands[0]) + ["--no-print-directory"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=project_env(ASSISTANT_KNOWLEDGE_DIR=str(project / "knowledge")))


def replace_snippet(path: Path, before: str, after: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert snippet(before) in text, f"l'extrait « {before} » du guide ne correspond plus au fichier importé"
    path.write_text(text.replace(snippet(before), snippet(after)), encoding="utf-8")


def test_add_a_profession_from_its_fiche(project):
    before = set((project / "knowledge/metiers").glob("*.yml"))
    result = import_as_the_guide_says(project)
    assert result.returncode == 0, result.stdout + result.stderr
    [path] = set((project / "knowledge/metiers").glob("*.yml")) - before
    assert f"`knowledge/metiers/{path.name}`" in GUIDE.read_text(encoding="utf-8")
    # The summary the guide quotes is what the trainer reads.
    [resume] = [b for b in _blocks("") if b.startswith("À compléter")]
    for line in resume.strip().splitlines():
        assert line.strip() in result.stdout, line

    # make check refuses the draft as the guide shows, naming the file, the line and the field.
    expected = guide_message("brouillon importé")
    assert expected in failing_output(project)

    replace_snippet(path, "importer-salaire-avant", "importer-salaire-apres")
    replace_snippet(path, "importer-competence-avant", "importer-competence-apres")
    assert f"{len(before) + 1} métier(s)" in ok(project)

    # The assistant answers from the completed file, without retraining.
    profession = load_professions(project / "knowledge/metiers")[path.stem]
    salary = yaml.safe_load(snippet("importer-salaire-apres"))
    reply = replier(project).answer(profession, Question(topic="salaire", experience="confirme"))
    assert norm(euros(salary["min"])) in norm(reply.text) and norm(euros(salary["max"])) in norm(reply.text)
    skill = yaml.safe_load(snippet("importer-competence-apres"))[0]
    assert skill["nom"] in [s.nom for s in profession.hard_skills.competences]


def test_import_a_folder_of_fiches_as_the_guide_shows(project, monkeypatch, capsys):
    """The guide's `make importer FICHES=fiches/` example: its lines are what the trainer reads."""
    assert "`make importer FICHES=fiches/`" in GUIDE.read_text(encoding="utf-8")
    [shown] = [b for b in _blocks("") if b.startswith(("✓", "…"))]
    fiches = project / "fiches"
    fiches.mkdir()
    for line in shown.splitlines():
        name = line.split(" ")[1]
        if name.endswith(".txt"):
            shutil.copy(ROOT / "tests" / "fixtures" / "fiches" / name, fiches / name)
    monkeypatch.chdir(project)  # make importer runs from the project folder
    assert importer_main(["--fiches", "fiches/", "--dossier", "knowledge/metiers"]) == 1  # one fiche refused
    assert capsys.readouterr().out.splitlines()[:len(shown.splitlines())] == shown.splitlines()


def test_a_fiche_that_leaves_facts_out_is_accepted_and_the_student_reads_what_the_guide_shows(project, capsys):
    """« Ce que la fiche ne dit pas reste absent » : the fiche the guide names, imported as is, passes make check;
    the fields it leaves out are among those the guide lists; the student's reply is the one quoted."""
    guide = GUIDE.read_text(encoding="utf-8")
    [fiche] = re.findall(r"`(tests/fixtures/fiches/[\w]+\.txt)`, qui ne parle pas d'alternance", guide)
    before = set((project / "knowledge/metiers").glob("*.yml"))
    assert importer_main([str(ROOT / fiche), "--dossier", str(project / "knowledge/metiers")]) == 0
    out = capsys.readouterr().out
    [path] = set((project / "knowledge/metiers").glob("*.yml")) - before
    assert "Rien à compléter" in out and "Absents de la fiche, laissés absents" in out
    listed = guide.split("Peuvent rester absents :")[1].split("Restent obligatoires")[0]
    for field in re.findall(r"^  - ([\w.]+) : ", out, flags=re.M):
        name = re.sub(r"\.\d+", "", field).split(".")
        assert f"`{name[0]}`" in listed and f"`{name[-1]}`" in listed, field
    assert f"{len(before) + 1} métier(s)" in ok(project)

    [shown] = [b for b in _blocks("") if b.startswith("La fiche ne précise pas si l'alternance")]
    profession = load_professions(project / "knowledge/metiers")[path.stem]
    reply = replier(project).answer(profession, Question(topic="alternance"))
    assert reply.text.startswith(shown.strip()) and profession.intitule in shown
    assert "« Parler à un conseiller »" in guide and reply.buttons[0] == {"title": "Parler à un conseiller",
                                                                        "payload": "/conseiller"}


def test_a_copied_fiche_with_only_a_new_header_is_refused(project):
    """Steps 1 and 2 only: the copy keeps the old profession's texts; make check says to replace them."""
    header = snippet("nouveau-metier")
    new_id = yaml.safe_load(header)["id"]
    original = (project / PROFESSION_FILE).read_text(encoding="utf-8")
    path = project / "knowledge/metiers" / f"{new_id}.yml"
    path.write_text(header + original[original.index("\ndefinition:"):], encoding="utf-8")
    out = failing_output(project)
    assert f"knowledge/metiers/{new_id}.yml : ce fichier reprend encore les textes de {PROFESSION_FILE}" in out
    assert "remplacez-les" in out


def test_the_guide_lists_the_usual_alias_forms():
    """Masculine, feminine, short (in both), without accents: the guide's header shows each."""
    alias = yaml.safe_load(snippet("nouveau-metier"))["alias"]
    masculine = [a for a in alias if a.startswith("testeur ")]
    feminine = [a for a in alias if a.startswith("testeuse ")]
    assert masculine and feminine and {a.replace("testeur", "testeuse", 1) for a in masculine} == set(feminine)
    assert min(alias, key=len) in ("testeur de jeux", "testeuse de jeux") and "testeuse de jeux" in alias
    assert all(a == a.lower() and a.isascii() for a in alias)


def test_a_profession_sharing_its_name_gets_the_warning_the_guide_announces(project):
    add_profession(project)
    path = project / "knowledge/metiers" / f"{yaml.safe_load(snippet('nouveau-metier'))['id']}.yml"
    seed_title = yaml.safe_load((project / PROFESSION_FILE).read_text(encoding="utf-8"))["intitule"]
    text = path.read_text(encoding="utf-8")
    title = yaml.safe_load(text)["intitule"]
    path.write_text(text.replace(f"intitule: {title}", f"intitule: {seed_title}"), encoding="utf-8")
    out = ok(project)
    assert "⚠ knowledge/metiers/testeur_jeux_societe.yml ligne" in out and "ne désigne pas ce seul métier" in out
    assert "ne désigne pas ce seul métier" in GUIDE.read_text(encoding="utf-8")


# -- the guide's advice on mistakes ----------------------------------------------------------------
def test_a_misspelt_intent_gives_the_root_cause_the_guide_quotes(project):
    add_topic(project)
    expected = guide_message("vouliez-vous dire")
    misspelt = re.search(r"l'intention « (\w+) » n'est écrite nulle part ailleurs", expected).group(1)
    domain = project / "domain.yml"
    assert f"  - {new_topic()}\n" in domain.read_text(encoding="utf-8")
    domain.write_text(domain.read_text(encoding="utf-8").replace(f"  - {new_topic()}\n", f"  - {misspelt}\n", 1),
                      encoding="utf-8")
    out = without_line_numbers(failing_output(project))
    # The root cause is the first problem, word for word as the guide quotes it; its consequences below.
    assert out.split("\n\n")[1] == without_line_numbers(expected)
    assert out.startswith("1 problème à corriger") and "↳ conséquence" in out


def test_the_guide_comment_line_pasted_by_mistake_is_refused(project):
    """« Si elle est recopiée par erreur, make check dit de supprimer cette ligne. »"""
    append_to(project / "data/nlu/salaire.yml", "    # exemple: ajouter-des-exemples\n"
              + snippet("ajouter-des-exemples"))
    assert "est une ligne du guide, pas un exemple : supprimez cette ligne" in failing_output(project)


def test_a_held_out_sentence_added_as_an_example_is_refused(project):
    """« Ne copiez pas les phrases de tests/nlu/ … make check signale … les deux fichiers. »"""
    item = yaml.safe_load((project / "tests/nlu/test_nlu.yml").read_text(encoding="utf-8"))["nlu"][0]
    sentence = item["examples"].splitlines()[0][2:]
    append_to(project / f"data/nlu/{item['intent']}.yml", f"    - {sentence}\n")
    out = failing_output(project)
    assert f"data/nlu/{item['intent']}.yml ligne" in out and "est une phrase de test (tests/nlu/test_nlu.yml ligne" in out


def test_an_example_differing_by_final_punctuation_is_a_duplicate_as_the_guide_says(project):
    add_examples(project)
    first = snippet("ajouter-des-exemples").splitlines()[0].strip()[2:].rstrip(" ?!.")
    append_to(project / "data/nlu/salaire.yml", f"    - {first} !\n")
    assert "majuscules, accents et ponctuation finale ne comptent pas" in failing_output(project)


def test_make_alone_lists_the_commands_of_the_guide():
    listed = subprocess.run(["make", "--no-print-directory"], cwd=ROOT, capture_output=True, text=True).stdout
    commands = set(re.findall(r"`make ([a-z-]+)", GUIDE.read_text(encoding="utf-8")))
    assert {"check", "train", "test", "report", "run", "review", "review-import"} <= commands
    for command in commands:
        assert re.search(rf"^make {command}\b.* - ", listed, re.M), f"make seul ne cite pas « make {command} »"


# -- 5 (suite). every kind of fact a trainer changes ----------------------------------------------------
def change_each_kind_of_fact(project: Path) -> Dict[str, str]:
    """One edit of each kind the guide's section 5 allows, in the default profession's file and in
    contact.yml, as a trainer types it: an amount, a text, an item of a list, a score, an alias, the
    Bac+5 answer, the school's phone number. The new values, by kind."""
    path = project / PROFESSION_FILE
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    new = {"montant": data["salaire"]["niveaux"]["confirme"]["max"] + 2000,
           "texte": "Le métier consiste à faire vivre les relations de l'organisation avec ses partenaires étrangers.",
           "liste": "travailler avec des interlocuteurs sur plusieurs fuseaux horaires",
           "score": max(1, data["hard_skills"]["competences"][0]["score"] - 2),
           "alias": "charge de relations avec l'etranger",
           "bac5": "Un Mastère (Bac+5) n'est pas obligatoire pour exercer ce métier.",
           "telephone": "01 23 45 67 89"}
    edits = [(f"max: {data['salaire']['niveaux']['confirme']['max']}\n", f"max: {new['montant']}\n"),
             (f"    - {data['contraintes']['liste'][0]}\n", f"    - {new['liste']}\n"),
             (f"score: {data['hard_skills']['competences'][0]['score']}\n", f"score: {new['score']}\n"),
             ("alias:\n", f"alias:\n  - {new['alias']}\n"),
             (f"reponse: {data['diplome']['reponse']}\n", f"reponse: {new['bac5']}\n")]
    resume = re.search(r"(?m)^  resume: >-\n(?:    .*\n)+", text)
    edits.append((resume.group(0), f"  resume: >-\n    {new['texte']}\n"))
    for before, after in edits:
        assert before in text, f"{PROFESSION_FILE} n'a plus « {before.strip()} »"
        text = text.replace(before, after, 1)
    path.write_text(text, encoding="utf-8")
    contact = project / "knowledge/contact.yml"
    phone = yaml.safe_load(contact.read_text(encoding="utf-8"))["telephone"]
    contact.write_text(contact.read_text(encoding="utf-8").replace(str(phone), new["telephone"], 1), encoding="utf-8")
    return {k: str(v) for k, v in new.items()}


def test_every_kind_of_fact_changed_is_what_the_student_reads(project):
    new = change_each_kind_of_fact(project)
    ok(project)
    school = load_school(project / "knowledge")
    profession = school.professions["charge_mission_relations_internationales"]
    answer = lambda topic, **more: norm(school.replier.answer(profession, Question(topic=topic, **more)).text)  # noqa: E731
    assert norm(euros(int(new["montant"]))) in answer("salaire", experience="confirme")
    assert norm(new["texte"]) in answer("definition")
    assert norm(new["liste"]) in answer("contraintes")
    assert norm(new["bac5"]) in answer("diplome")
    assert profession.hard_skills.competences[0].score == int(new["score"])
    assert school.named_in(f"combien gagne un {new['alias']} ?") is profession
    assert new["telephone"] in school.replier.contact_reply().text


# -- everything together, as Rasa sees it ----------------------------------------------------------
def every_trainer_action(project: Path) -> None:
    """Every procedure of the guide, one after the other, on the same copy: examples, a profession by
    hand, one fiche imported, a folder of fiches, a topic (its section written in every profession
    file, as the guide says), a story, each kind of fact."""
    add_examples(project)
    add_profession(project)
    metiers = project / "knowledge" / "metiers"
    fiches = ROOT / "tests" / "fixtures" / "fiches"
    assert importer_main([str(fiches / "restaurateur_robots.txt"), "--dossier", str(metiers)]) == 0
    folder = project / "fiches"
    folder.mkdir()
    for name in ("organisateur_voyages_dirigeable.txt", "jardinier_toits_suspendus.txt"):
        shutil.copy(fiches / name, folder / name)
    assert importer_main(["--fiches", str(folder), "--dossier", str(metiers)]) == 0
    add_topic(project)
    write_story(project)
    update_fact(project)
    change_each_kind_of_fact(project)


def test_every_trainer_action_together_keeps_make_check_clean(project, capsys):
    before = len(school_professions(project))
    every_trainer_action(project)
    capsys.readouterr()
    out = ok(project)
    assert f"{before + 4} métier(s)" in out  # by hand, one fiche, two from the folder
    assert load_school(project / "knowledge").professions.keys() == school_professions(project)


@pytest.mark.long
@pytest.mark.rasa_cli
def test_all_procedures_together_pass_rasa_data_validate_which_is_not_run_again_on_the_same_files(
        project, tmp_path, monkeypatch):
    """Every procedure of the guide, applied to a copy of the project: make check passes, rasa data validate
    included. Editing a fiche does not touch what rasa data validate reads: the second make check reuses its
    success; a changed example makes it run again. (One rasa data validate, about 20 s, for both.)"""
    every_trainer_action(project)
    cache = tmp_path / "cache"
    cache.mkdir()
    first = run_check(project, rasa=True, cache=cache)
    assert first.returncode == 0 and "rasa data validate compris" in first.stdout, first.stdout + first.stderr
    assert "Tout est correct" in first.stdout
    fiche = next((project / "knowledge" / "metiers").glob("*.yml"))
    fiche.write_text(fiche.read_text(encoding="utf-8") + "\n# relu\n", encoding="utf-8")
    again = run_check(project, rasa=True, cache=cache)
    assert again.returncode == 0 and "a déjà accepté ces mêmes exemples" in again.stdout, again.stdout
    from trainer.check import already_validated, rasa_inputs_key
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(cache))
    assert already_validated(project, rasa_inputs_key(project))
    examples = project / "data" / "nlu" / "salaire.yml"
    examples.write_text(examples.read_text(encoding="utf-8").rstrip("\n") + "\n    - et ça paie comment au début\n",
                        encoding="utf-8")
    assert not already_validated(project, rasa_inputs_key(project))  # a changed example: rasa runs again
