"""The knowledge file holds the whole fiche, and a broken file is refused with a clear message."""
import shutil
import subprocess

import pytest
import yaml

from actions.knowledge import (KnowledgeError, load_contact, load_profession, load_professions,
                               load_templates, load_topics)
from tests.helpers import PYTHON, ROOT, project_env

SOURCE = ROOT / "knowledge" / "metiers" / "charge_mission_relations_internationales.yml"


@pytest.fixture(scope="module")
def fiche():
    return load_professions()["charge_mission_relations_internationales"]


def test_the_fiche_is_complete(fiche):
    assert fiche.intitule == "Chargé(e) de mission relations internationales"
    assert len(fiche.missions) == 10
    assert len(fiche.soft_skills.qualites) == 9
    assert {s.id: s.score for s in fiche.hard_skills.competences} == {
        "langues": 90, "analyse_risques": 88, "gestion_projet": 92,
        "affaires_internationales": 95, "analyse_donnees": 89, "redaction": 91}
    levels = fiche.salaire.niveaux
    assert (levels.debutant.min, levels.debutant.max) == (30000, 35000)
    assert (levels.confirme.min, levels.confirme.max) == (40000, 60000)
    assert fiche.diplome.bac5_necessaire is False
    assert fiche.diplome.niveau_reference == "bachelor"
    assert [f.niveau for f in (fiche.formations.bts, fiche.formations.bachelor, fiche.formations.mastere)] == [
        "Bac+2", "Bac+3", "Bac+5"]
    assert len(fiche.experiences) == 3
    assert len(fiche.outils.categories) == 6
    assert "France Compétences" in fiche.rncp
    assert len(fiche.evolutions.postes) == 2 and "Consultant(e)" in fiche.evolutions.ensuite


def test_school_files_load():
    assert load_contact().email
    topics = load_topics()
    assert "salaire" in topics.sujets and topics.menu
    assert "salaire.niveau" in load_templates()


def broken_copy(tmp_path, change):
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / SOURCE.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def error_for(path) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_profession(path)
    return str(caught.value)


def test_missing_field_is_named(tmp_path):
    message = error_for(broken_copy(tmp_path, lambda d: d["salaire"]["niveaux"]["debutant"].pop("max")))
    assert SOURCE.name in message
    assert "salaire.niveaux.debutant.max" in message
    assert "champ obligatoire absent" in message


def test_amount_written_as_text_is_explained(tmp_path):
    def change(d):
        d["salaire"]["niveaux"]["confirme"]["min"] = "40 000 €"
    message = error_for(broken_copy(tmp_path, change))
    assert "salaire.niveaux.confirme.min" in message and "nombre entier" in message


def test_inverted_range_is_explained(tmp_path):
    def change(d):
        d["salaire"]["niveaux"]["debutant"]["min"] = 90000
    message = error_for(broken_copy(tmp_path, change))
    assert "salaire.niveaux.debutant" in message and "inversez" in message


def test_misspelt_field_is_named(tmp_path):
    def change(d):
        d["missions"][0]["detial"] = d["missions"][0].pop("detail")
    message = error_for(broken_copy(tmp_path, change))
    assert "missions.0.detial" in message and "champ inconnu" in message


def test_yaml_syntax_error_gives_the_line(tmp_path):
    path = tmp_path / SOURCE.name
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    lines[20] = "  - [cassé"
    path.write_text("\n".join(lines), encoding="utf-8")
    message = error_for(path)
    assert "YAML invalide" in message and "ligne" in message and SOURCE.name in message


def test_file_name_must_match_id(tmp_path):
    path = tmp_path / "autre_nom.yml"
    shutil.copy(SOURCE, path)
    message = error_for(path)
    assert "autre_nom.yml" in message and "id" in message


def test_action_server_refuses_to_start_on_a_broken_file(tmp_path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    target = knowledge / "metiers" / SOURCE.name
    target.write_text(target.read_text(encoding="utf-8").replace("min: 30000", "min: trente mille"),
                      encoding="utf-8")
    # The real action server, as make run starts it: it builds the actions, hence the knowledge, at start.
    result = subprocess.run([PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", "0"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env=project_env(ASSISTANT_KNOWLEDGE_DIR=knowledge, SANIC_HOST="127.0.0.1"))
    assert result.returncode == 1
    assert "salaire.niveaux.debutant.min" in result.stderr
    assert "Traceback" not in result.stderr
