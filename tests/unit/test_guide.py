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

from core.knowledge import load_contact, load_professions, load_templates, load_topics
from core.replies import Question, Replier, euros
from tests.support.helpers import ROOT, norm, project_env
from tests.support.project import PROFESSION_FILE as FICHE
from tests.support.project import project_copy as copie_du_projet
from tests.support.project import run_check as verifier

GUIDE = ROOT / "docs" / "guide-formateurs.md"


def _blocs(langue: str):
    """The dedented body of every fenced block of the guide in that language ("" for plain blocks)."""
    fence, lang, body = None, "", []
    for line in GUIDE.read_text(encoding="utf-8").splitlines(keepends=True):
        match = re.fullmatch(r"([ \t]*)```(\w*)\s*", line)
        if fence is None and match:
            fence, lang, body = match.group(1), match.group(2), []
        elif fence is not None and match and match.group(1) == fence and not match.group(2):
            if lang == langue:
                yield textwrap.dedent("".join(body))
            fence = None
        elif fence is not None:
            body.append(line)


def extraits() -> Dict[str, str]:
    found = {}
    for body in _blocs("yaml"):
        first, _, rest = body.partition("\n")
        match = re.fullmatch(r"# exemple: ([\w-]+)", first.strip())
        if match:
            assert match.group(1) not in found, f"deux extraits « {match.group(1)} » dans le guide"
            found[match.group(1)] = rest
    return found


EXTRAITS = extraits()


def extrait(nom: str) -> str:
    assert nom in EXTRAITS, f"le guide n'a plus d'extrait « # exemple: {nom} »"
    return EXTRAITS[nom]


def message_du_guide(contenant: str) -> str:
    """A `make check` message quoted in the guide (a plain fenced block starting with ✗)."""
    blocs = [b for b in _blocs("") if b.startswith("✗") and contenant in b]
    assert len(blocs) == 1, f"le guide doit citer un message contenant « {contenant} »"
    return blocs[0].strip()


def sans_numeros_de_ligne(text: str) -> str:
    return re.sub(r"ligne \d+", "ligne N", text)


def ajouter_a_la_fin(path: Path, text: str) -> None:
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if current and not current.endswith("\n"):
        current += "\n"
    path.write_text(current + text, encoding="utf-8")


def inserer(path: Path, repere: str, text: str, apres: bool) -> None:
    current = path.read_text(encoding="utf-8")
    assert repere in current, f"{path.name} n'a plus la ligne « {repere.strip()} » dont parle le guide"
    path.write_text(current.replace(repere, repere + text if apres else text + repere, 1), encoding="utf-8")


def ok(projet: Path) -> str:
    result = verifier(projet)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Tout est correct : ")
    return result.stdout


def echec(projet: Path) -> str:
    result = verifier(projet)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout


def replier(projet: Path) -> Replier:
    knowledge = projet / "knowledge"
    return Replier(load_templates(knowledge / "reponses.yml"), load_topics(knowledge / "sujets.yml"),
                   load_contact(knowledge / "contact.yml"))


@pytest.fixture
def projet(tmp_path):
    return copie_du_projet(tmp_path)


# -- every procedure of the guide is exercised ----------------------------------------------------
UTILISES = {"ajouter-des-exemples", "nouveau-sujet-exemples", "nouveau-sujet-domaine", "nouveau-sujet-regle",
            "nouveau-sujet-fiche", "nouveau-sujet-modele", "nouveau-sujet-sujets", "nouveau-sujet-test",
            "histoire", "fait-avant", "fait-apres", "nouveau-metier", "importer-salaire-avant",
            "importer-salaire-apres", "importer-competence-avant", "importer-competence-apres"}


def test_every_snippet_of_the_guide_is_followed_by_a_test():
    assert set(EXTRAITS) == UTILISES


# -- 2. add examples to a topic --------------------------------------------------------------------
def ajouter_des_exemples(projet: Path) -> None:
    ajouter_a_la_fin(projet / "data/nlu/salaire.yml", extrait("ajouter-des-exemples"))


def nombre_d_exemples(sortie: str) -> int:
    return int(re.search(r"(\d+) exemples", sortie).group(1))


def test_add_examples_to_a_topic(projet):
    before = nombre_d_exemples(ok(projet))
    ajouter_des_exemples(projet)
    added = sum(1 for ln in extrait("ajouter-des-exemples").splitlines() if ln.startswith("    - "))
    assert added >= 2
    assert nombre_d_exemples(ok(projet)) == before + added


def test_an_added_example_already_under_another_topic_is_refused(projet):
    # The first example of bts.yml, added to salaire.yml as the guide says (at the end, aligned).
    bts = yaml.safe_load((projet / "data/nlu/bts.yml").read_text(encoding="utf-8"))["nlu"][0]["examples"]
    doublon = bts.splitlines()[0].lstrip("- ")
    ajouter_a_la_fin(projet / "data/nlu/salaire.yml", f"    - {doublon}\n")
    out = echec(projet)
    assert "data/nlu/salaire.yml ligne" in out and "data/nlu/bts.yml ligne" in out
    assert "est dans deux intentions" in out


def test_an_added_example_badly_aligned_is_refused_with_its_line(projet):
    ajouter_a_la_fin(projet / "data/nlu/salaire.yml", "  - c'est payé combien au début\n")
    out = echec(projet)
    lines = (projet / "data/nlu/salaire.yml").read_text(encoding="utf-8").splitlines()
    assert f"data/nlu/salaire.yml ligne {len(lines)}, colonne" in out and "YAML invalide" in out


# -- 3. a new question topic, end to end -----------------------------------------------------------
def nouveau_sujet() -> str:
    return yaml.safe_load(extrait("nouveau-sujet-exemples"))["nlu"][0]["intent"]


ETAPES = {
    "exemples": lambda p: (p / f"data/nlu/{nouveau_sujet()}.yml").write_text(
        extrait("nouveau-sujet-exemples"), encoding="utf-8"),
    "domaine": lambda p: inserer(p / "domain.yml", "intents:\n", extrait("nouveau-sujet-domaine"), apres=True),
    "regle": lambda p: ajouter_a_la_fin(p / "data/rules/sujets.yml", extrait("nouveau-sujet-regle")),
    # « S'il y a plusieurs métiers, faites-le dans chaque fiche. »
    "fiche": lambda p: [ajouter_a_la_fin(f, extrait("nouveau-sujet-fiche"))
                        for f in sorted((p / "knowledge/metiers").glob("*.yml"))],
    "modele": lambda p: ajouter_a_la_fin(p / "knowledge/reponses.yml", extrait("nouveau-sujet-modele")),
    "sujets": lambda p: inserer(p / "knowledge/sujets.yml", "  conseiller:\n", extrait("nouveau-sujet-sujets"),
                                apres=False),
    "test": lambda p: ajouter_a_la_fin(p / "tests/test_stories.yml", extrait("nouveau-sujet-test")),
}


def ajouter_un_sujet(projet: Path, sauf: str = None) -> None:
    for nom, etape in ETAPES.items():
        if nom != sauf:
            etape(projet)


def test_add_a_new_topic_end_to_end(projet):
    ajouter_un_sujet(projet)
    ok(projet)

    # The answer comes from the knowledge section, with its template, source and next questions.
    sujet = nouveau_sujet()
    section = yaml.safe_load(extrait("nouveau-sujet-fiche"))["autres_sujets"][sujet]
    entry = yaml.safe_load(extrait("nouveau-sujet-sujets"))[sujet]
    profession = load_professions(projet / "knowledge/metiers")["charge_mission_relations_internationales"]
    reply = replier(projet).answer(profession, Question(topic=sujet, text=entry["question"]))
    assert norm(section) in norm(reply.text)
    assert f"rubrique « {entry['rubrique']} »" in reply.text
    topics = load_topics(projet / "knowledge/sujets.yml")
    assert [b["title"] for b in reply.buttons] == [topics.sujets[s].question for s in entry["suggestions"]]


ETAPE_OUBLIEE = {
    "exemples": "n'a aucun exemple. Créez data/nlu/{sujet}.yml avec au moins 25 exemples",
    "domaine": "l'intention « {sujet} » n'est pas déclarée dans domain.yml. Ajoutez la ligne « - {sujet} »",
    "regle": None,  # the message the guide quotes
    "fiche": "la rubrique « autres_sujets.{sujet} » manque",
    "modele": "le sujet « {sujet} » n'a pas de modèle de réponse. Ajoutez dans knowledge/reponses.yml",
    "sujets": "« {sujet} » va à action_repondre, mais n'est pas un sujet de knowledge/sujets.yml",
}


@pytest.mark.parametrize("oubli", list(ETAPE_OUBLIEE))
def test_a_forgotten_step_says_what_to_do(projet, oubli):
    ajouter_un_sujet(projet, sauf=oubli)
    out = echec(projet)
    if ETAPE_OUBLIEE[oubli]:
        assert ETAPE_OUBLIEE[oubli].format(sujet=nouveau_sujet()) in out
    else:
        expected = message_du_guide("n'a pas de règle vers action_repondre")
        assert sans_numeros_de_ligne(expected) in sans_numeros_de_ligne(out)


# -- 4. write a story --------------------------------------------------------------------------------
def ecrire_une_histoire(projet: Path) -> Path:
    path = projet / "data/stories/parcours.yml"
    path.write_text(extrait("histoire"), encoding="utf-8")
    return path


def test_write_a_story(projet):
    before = int(re.search(r"(\d+) histoires", ok(projet)).group(1))
    ecrire_une_histoire(projet)
    assert int(re.search(r"(\d+) histoires", ok(projet)).group(1)) == before + 1


def test_a_story_with_a_misspelt_topic_is_refused_with_its_line(projet):
    path = ecrire_une_histoire(projet)
    intent = yaml.safe_load(extrait("histoire"))["stories"][0]["steps"][-2]["intent"]
    path.write_text(path.read_text(encoding="utf-8").replace(f"intent: {intent}", f"intent: {intent}x"),
                    encoding="utf-8")
    line = next(i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if f"{intent}x" in ln)
    out = echec(projet)
    assert f"data/stories/parcours.yml ligne {line} : l'intention « {intent}x » n'existe pas dans domain.yml" in out


# -- 5. update a fact ------------------------------------------------------------------------------
def modifier_un_fait(projet: Path) -> None:
    path = projet / FICHE
    text = path.read_text(encoding="utf-8")
    assert extrait("fait-avant") in text, "l'exemple « avant » du guide ne correspond plus à la fiche métier"
    path.write_text(text.replace(extrait("fait-avant"), extrait("fait-apres")), encoding="utf-8")


def test_update_a_fact_without_retraining(projet):
    before = yaml.safe_load(extrait("fait-avant"))["debutant"]["min"]
    after = yaml.safe_load(extrait("fait-apres"))["debutant"]["min"]
    assert before != after
    modifier_un_fait(projet)
    ok(projet)

    # What the action server loads at its next start: the new amount, no training involved.
    profession = load_professions(projet / "knowledge/metiers")["charge_mission_relations_internationales"]
    reply = replier(projet).answer(profession, Question(topic="salaire", experience="debutant"))
    assert norm(euros(after)) in norm(reply.text) and norm(euros(before)) not in norm(reply.text)


def test_the_knowledge_files_are_not_training_inputs():
    """« Pas besoin de ré-entraîner » : the fingerprint make train compares does not cover knowledge/."""
    inputs = subprocess.run([sys.executable, "scripts/model_build.py", "list"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    assert "data/nlu/salaire.yml" in inputs and not any(i.startswith("knowledge/") for i in inputs)


def test_an_amount_written_with_spaces_and_euro_is_refused(projet):
    modifier_un_fait(projet)
    after = yaml.safe_load(extrait("fait-apres"))["debutant"]["min"]
    path = projet / FICHE
    path.write_text(path.read_text(encoding="utf-8").replace(f"min: {after}", f"min: {euros(after)} €"),
                    encoding="utf-8")
    out = echec(projet)
    assert "champ « salaire.niveaux.debutant.min » (ligne" in out
    assert f"« {euros(after)} € » : un nombre entier est attendu" in out and f"écrivez {after}" in out


@pytest.mark.parametrize("ecrit", ["{mille}.{reste:03d}", "{mille} {reste:03d}", "{mille}k"])
def test_the_amount_forms_the_guide_refuses_are_refused(projet, ecrit):
    """« 32.000, 32 000, 32k ou 32 000 € sont refusés par make check, qui donne … le nombre à écrire »."""
    modifier_un_fait(projet)
    after = yaml.safe_load(extrait("fait-apres"))["debutant"]["min"]
    mille, reste = divmod(after, 1000)
    if ecrit.endswith("k") and reste:
        pytest.skip("le montant du guide n'est pas un nombre rond de milliers")
    path = projet / FICHE
    path.write_text(path.read_text(encoding="utf-8").replace(f"min: {after}", "min: " + ecrit.format(
        mille=mille, reste=reste)), encoding="utf-8")
    assert f"écrivez {after}" in echec(projet)


def test_overlapping_experience_levels_are_refused_as_the_guide_says(projet):
    modifier_un_fait(projet)
    debutant = yaml.safe_load(extrait("fait-apres"))["debutant"]
    path = projet / FICHE
    text = path.read_text(encoding="utf-8")
    confirme = re.search(r"annees_min: (\d+)", text)
    path.write_text(text.replace(confirme.group(0), f"annees_min: {debutant['annees_max'] - 1}"), encoding="utf-8")
    assert "les niveaux se chevauchent" in echec(projet)


# -- 6. add a second profession --------------------------------------------------------------------
# Everything below the guide's header is INVENTED for the tests: this profession does not exist in the
# school's fiches, and none of these figures is real.
FICTIF = """
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
  bac5_necessaire: false
  reponse: Un Bac+5 n'est pas nécessaire pour ce métier fictif.
  voie: Un BTS peut suffire pour ce métier fictif.
  niveau_reference: bts
formations:
  bts:
    nom: BTS
    niveau: Bac+2
    suffisant: true
    en_bref: il suffit pour ce métier fictif
    general: Formation courte (texte fictif).
    pour_ce_metier: Il suffit pour ce métier fictif.
  bachelor:
    nom: Bachelor
    niveau: Bac+3
    suffisant: true
    en_bref: il suffit aussi (fictif)
    general: Formation en trois ans (texte fictif).
    pour_ce_metier: Il suffit aussi pour ce métier fictif.
  mastere:
    nom: Mastère
    niveau: Bac+5
    suffisant: true
    en_bref: il n'est pas nécessaire (fictif)
    general: Formation longue (texte fictif).
    pour_ce_metier: Il n'est pas nécessaire pour ce métier fictif.
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


def ajouter_un_metier(projet: Path) -> Path:
    header = extrait("nouveau-metier")
    new_id = yaml.safe_load(header)["id"]
    # 1. copy the existing file under the new id; 2. its top replaced by the guide's; 3. every rubrique.
    path = projet / "knowledge/metiers" / f"{new_id}.yml"
    shutil.copy(projet / FICHE, path)
    path.write_text(header + FICTIF, encoding="utf-8")
    return path


def test_add_a_second_profession(projet):
    path = ajouter_un_metier(projet)
    assert "2 métier(s)" in ok(projet)

    header = yaml.safe_load(extrait("nouveau-metier"))
    professions = load_professions(projet / "knowledge/metiers")
    assert set(professions) == {"charge_mission_relations_internationales", header["id"]}
    assert path.stem == header["id"]
    fictif = professions[header["id"]]
    assert fictif.intitule == header["intitule"] and fictif.alias == header["alias"]

    # Its answers come from its own file.
    reply = replier(projet).answer(fictif, Question(topic="salaire", experience="debutant"))
    assert header["intitule"] in reply.text and norm(euros(21000)) in norm(reply.text)
    assert norm(euros(30000)) not in norm(reply.text)
    assert header["intitule"] in replier(projet).welcome(list(professions.values())).text


def test_a_profession_file_not_named_after_its_id_is_refused(projet):
    path = ajouter_un_metier(projet)
    path.rename(path.with_name("nouveau_metier.yml"))
    out = echec(projet)
    assert "knowledge/metiers/nouveau_metier.yml : champ « id » (ligne" in out and f"vaut « {path.stem} »" in out
    assert f"Donnez au fichier le nom {path.stem}.yml ou corrigez l'id" in out


def test_a_profession_with_a_missing_field_is_refused_as_the_guide_shows(projet):
    path = ajouter_un_metier(projet)
    path.write_text(path.read_text(encoding="utf-8").replace("  unite: € brut par an\n", ""), encoding="utf-8")
    expected = message_du_guide("champ obligatoire absent")
    assert sans_numeros_de_ligne(expected) in sans_numeros_de_ligne(echec(projet))


# -- 7. add a profession from its fiche ------------------------------------------------------------
def importer_comme_le_guide(projet: Path) -> subprocess.CompletedProcess:
    """The guide's `make importer` command, run as written, into the copy's knowledge folder."""
    commandes = [ln.strip() for b in _blocs("sh") for ln in b.splitlines() if ln.strip().startswith("make importer")]
    assert len(commandes) == 1, "le guide doit donner une commande « make importer FICHE=… »"
    return subprocess.run(shlex.split(commandes[0]) + ["--no-print-directory"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=project_env(ASSISTANT_KNOWLEDGE_DIR=str(projet / "knowledge")))


def remplacer(path: Path, avant: str, apres: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert extrait(avant) in text, f"l'extrait « {avant} » du guide ne correspond plus au fichier importé"
    path.write_text(text.replace(extrait(avant), extrait(apres)), encoding="utf-8")


def test_add_a_profession_from_its_fiche(projet):
    before = set((projet / "knowledge/metiers").glob("*.yml"))
    result = importer_comme_le_guide(projet)
    assert result.returncode == 0, result.stdout + result.stderr
    [path] = set((projet / "knowledge/metiers").glob("*.yml")) - before
    assert f"`knowledge/metiers/{path.name}`" in GUIDE.read_text(encoding="utf-8")
    # The summary the guide quotes is what the trainer reads.
    [resume] = [b for b in _blocs("") if b.startswith("À compléter")]
    for line in resume.strip().splitlines():
        assert line.strip() in result.stdout, line

    # make check refuses the draft as the guide shows, naming the file, the line and the field.
    expected = message_du_guide("brouillon importé")
    assert expected in echec(projet)

    remplacer(path, "importer-salaire-avant", "importer-salaire-apres")
    remplacer(path, "importer-competence-avant", "importer-competence-apres")
    assert "2 métier(s)" in ok(projet)

    # The assistant answers from the completed file, without retraining.
    profession = load_professions(projet / "knowledge/metiers")[path.stem]
    salaire = yaml.safe_load(extrait("importer-salaire-apres"))
    reply = replier(projet).answer(profession, Question(topic="salaire", experience="confirme"))
    assert norm(euros(salaire["min"])) in norm(reply.text) and norm(euros(salaire["max"])) in norm(reply.text)
    skill = yaml.safe_load(extrait("importer-competence-apres"))[0]
    assert skill["nom"] in [s.nom for s in profession.hard_skills.competences]


def test_a_copied_fiche_with_only_a_new_header_is_refused(projet):
    """Steps 1 and 2 only: the copy keeps the old profession's texts; make check says to replace them."""
    header = extrait("nouveau-metier")
    new_id = yaml.safe_load(header)["id"]
    original = (projet / FICHE).read_text(encoding="utf-8")
    path = projet / "knowledge/metiers" / f"{new_id}.yml"
    path.write_text(header + original[original.index("\ndefinition:"):], encoding="utf-8")
    out = echec(projet)
    assert f"knowledge/metiers/{new_id}.yml : ce fichier reprend encore les textes de {FICHE}" in out
    assert "remplacez-les" in out


def test_the_guide_lists_the_usual_alias_forms():
    """Masculine, feminine, short (in both), without accents: the guide's header shows each."""
    alias = yaml.safe_load(extrait("nouveau-metier"))["alias"]
    masculine = [a for a in alias if a.startswith("testeur ")]
    feminine = [a for a in alias if a.startswith("testeuse ")]
    assert masculine and feminine and {a.replace("testeur", "testeuse", 1) for a in masculine} == set(feminine)
    assert min(alias, key=len) in ("testeur de jeux", "testeuse de jeux") and "testeuse de jeux" in alias
    assert all(a == a.lower() and a.isascii() for a in alias)


def test_a_profession_without_a_feminine_alias_gets_the_warning_the_guide_announces(projet):
    ajouter_un_metier(projet)
    path = projet / "knowledge/metiers" / f"{yaml.safe_load(extrait('nouveau-metier'))['id']}.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(ln for ln in lines if "testeuse" not in ln), encoding="utf-8")
    out = ok(projet)
    assert "⚠ knowledge/metiers/testeur_jeux_societe.yml ligne" in out and "aucun alias au féminin" in out


# -- the guide's advice on mistakes ----------------------------------------------------------------
def test_a_misspelt_intent_gives_the_root_cause_the_guide_quotes(projet):
    ajouter_un_sujet(projet)
    expected = message_du_guide("vouliez-vous dire")
    faute = re.search(r"l'intention « (\w+) » n'est écrite nulle part ailleurs", expected).group(1)
    domain = projet / "domain.yml"
    assert f"  - {nouveau_sujet()}\n" in domain.read_text(encoding="utf-8")
    domain.write_text(domain.read_text(encoding="utf-8").replace(f"  - {nouveau_sujet()}\n", f"  - {faute}\n", 1),
                      encoding="utf-8")
    out = sans_numeros_de_ligne(echec(projet))
    # The root cause is the first problem, word for word as the guide quotes it; its consequences below.
    assert out.split("\n\n")[1] == sans_numeros_de_ligne(expected)
    assert out.startswith("1 problème à corriger") and "↳ conséquence" in out


def test_the_guide_comment_line_pasted_by_mistake_is_refused(projet):
    """« Si elle est recopiée par erreur, make check dit de supprimer cette ligne. »"""
    ajouter_a_la_fin(projet / "data/nlu/salaire.yml", "    # exemple: ajouter-des-exemples\n"
                     + extrait("ajouter-des-exemples"))
    assert "est une ligne du guide, pas un exemple : supprimez cette ligne" in echec(projet)


def test_a_held_out_sentence_added_as_an_example_is_refused(projet):
    """« Ne copiez pas les phrases de tests/nlu/ … make check signale … les deux fichiers. »"""
    item = yaml.safe_load((projet / "tests/nlu/test_nlu.yml").read_text(encoding="utf-8"))["nlu"][0]
    sentence = item["examples"].splitlines()[0][2:]
    ajouter_a_la_fin(projet / f"data/nlu/{item['intent']}.yml", f"    - {sentence}\n")
    out = echec(projet)
    assert f"data/nlu/{item['intent']}.yml ligne" in out and "est une phrase de test (tests/nlu/test_nlu.yml ligne" in out


def test_an_example_differing_by_final_punctuation_is_a_duplicate_as_the_guide_says(projet):
    ajouter_des_exemples(projet)
    first = extrait("ajouter-des-exemples").splitlines()[0].strip()[2:].rstrip(" ?!.")
    ajouter_a_la_fin(projet / "data/nlu/salaire.yml", f"    - {first} !\n")
    assert "majuscules, accents et ponctuation finale ne comptent pas" in echec(projet)


def test_make_alone_lists_the_commands_of_the_guide():
    listed = subprocess.run(["make", "--no-print-directory"], cwd=ROOT, capture_output=True, text=True).stdout
    commands = set(re.findall(r"`make ([a-z-]+)", GUIDE.read_text(encoding="utf-8")))
    assert {"check", "train", "test", "report", "run", "review", "review-import"} <= commands
    for command in commands:
        assert re.search(rf"^make {command}\b.* - ", listed, re.M), f"make seul ne cite pas « make {command} »"


# -- everything together, as Rasa sees it ----------------------------------------------------------
@pytest.mark.rasa_cli
def test_all_procedures_together_pass_rasa_data_validate(projet):
    ajouter_des_exemples(projet)
    ajouter_un_metier(projet)
    ajouter_un_sujet(projet)
    ecrire_une_histoire(projet)
    modifier_un_fait(projet)
    result = verifier(projet, rasa=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "rasa data validate compris" in result.stdout
