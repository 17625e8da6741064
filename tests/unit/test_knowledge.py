"""The knowledge file holds the whole fiche, and a broken file is refused with a clear message."""
import re
import shutil
import subprocess

import pytest
import yaml

from core.knowledge import KnowledgeError
from loading.knowledge import load_contact, load_profession, load_templates, load_topics
from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.knowledge import FIXTURE_KNOWLEDGE, behaviour_knowledge, default_profession

# The broken files are copies of a fixture fiche: a school's edits to its own knowledge/ change no test here.
SOURCE = FIXTURE_KNOWLEDGE / "metiers" / "charge_mission_relations_internationales.yml"


@pytest.fixture(scope="module")
def fiche():
    """The default profession of the behaviour knowledge folder, loaded, and its file as written."""
    profession = default_profession()
    path = behaviour_knowledge() / "metiers" / f"{profession.id}.yml"
    return profession, yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_fiche_is_loaded_whole(fiche):
    """Every section of the file reaches the assistant, value for value (the school's own values are
    checked by `make check`, not frozen here)."""
    loaded, written = fiche
    assert loaded.intitule == written["intitule"]
    assert [m.intitule for m in loaded.missions] == [m["intitule"] for m in written["missions"]] != []
    assert [q.nom for q in loaded.soft_skills.qualites] == [q["nom"] for q in written["soft_skills"]["qualites"]] != []
    assert {s.id: s.score for s in loaded.hard_skills.competences} == {
        s["id"]: s["score"] for s in written["hard_skills"]["competences"]}
    for level in ("debutant", "confirme"):
        loaded_level, written_level = getattr(loaded.salaire.niveaux, level), written["salaire"]["niveaux"][level]
        assert (loaded_level.min, loaded_level.max) == (written_level["min"], written_level["max"])
    assert loaded.diplome.reponse == written["diplome"]["reponse"]
    assert [(x.nom, x.niveau, x.statut) for x in loaded.parcours] == [
        (x["nom"], x["niveau"], x["statut"]) for x in written["parcours"]] != []
    assert len(loaded.experiences) == len(written["experiences"]) > 0
    assert len(loaded.outils.categories) == len(written["outils"]["categories"]) > 0
    assert loaded.rncp == " ".join(written["rncp"].split())
    assert len(loaded.evolutions.postes) == len(written["evolutions"]["postes"]) > 0


def test_school_files_load():
    folder = behaviour_knowledge()
    assert load_contact(folder / "contact.yml").email
    topics = load_topics(folder / "sujets.yml")
    assert "salaire" in topics.sujets and topics.menu
    assert "salaire.niveau" in load_templates(folder / "reponses.yml")


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
    shutil.copytree(FIXTURE_KNOWLEDGE, knowledge)
    target = knowledge / "metiers" / SOURCE.name
    # The first salary amount (the beginner's minimum), whatever the school wrote, becomes words.
    broken, count = re.subn(r"(?m)^(\s+min:) \d+$", r"\1 trente mille", target.read_text(encoding="utf-8"), count=1)
    assert count == 1
    target.write_text(broken, encoding="utf-8")
    # The real action server, as make run starts it: it builds the actions, hence the knowledge, at start.
    result = subprocess.run([PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", "0"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env=project_env(ASSISTANT_KNOWLEDGE_DIR=knowledge, SANIC_HOST="127.0.0.1"))
    assert result.returncode == 1
    assert "salaire.niveaux.debutant.min" in result.stderr
    assert "Traceback" not in result.stderr
