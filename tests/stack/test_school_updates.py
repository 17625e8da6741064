"""A school that updates facts and adds professions keeps a green build: the guide's « Mettre à jour un
fait de la fiche métier » (docs/guide-formateurs.md, section 5: change figures and a sentence in
knowledge/metiers/<métier>.yml) and two more professions (tests/support/more_professions.py), applied to
a copy of the project, then `make check` and the tests that read that copy's knowledge run on it.

The behaviour tests read the knowledge folder they are given (tests/support/knowledge.py) and the other
tests read fixtures, so this one run is enough: no other test can see the school's own facts, nor
assume it has a single profession. In tests/stack: a pytest inside the test (a minute or two)."""
import re
import shutil
import subprocess

import pytest
import yaml

from loading.school import load_school
from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.knowledge import FIXTURE_PROFESSION
from tests.support.more_professions import add_professions

# The behaviour tests (they take the knowledge folder from ASSISTANT_KNOWLEDGE_DIR), the loader, and the
# tests that count or add professions in the project's knowledge/: the guide's procedures (every trainer
# action, on a copy), the folder importer.
TESTS = ["tests/unit/test_actions.py", "tests/unit/test_professions.py", "tests/unit/test_knowledge.py",
         "tests/unit/test_guide.py", "tests/unit/test_importer_folder.py"]


def update_facts(knowledge) -> dict:
    """What the guide shows, several times in the default profession's file: both salary levels, a
    mission's sentence, a skill's score. Returns the new values, as the loaded fiche must give them."""
    default = yaml.safe_load((knowledge / "sujets.yml").read_text(encoding="utf-8"))["metier_par_defaut"]
    path = knowledge / "metiers" / f"{default}.yml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    beginner, confirmed = data["salaire"]["niveaux"]["debutant"], data["salaire"]["niveaux"]["confirme"]
    new_min = beginner["min"] + 1000 if beginner["min"] + 1000 <= beginner["max"] else beginner["min"] - 1000
    mission = data["missions"][0]["detail"]
    skill = data["hard_skills"]["competences"][0]
    new = {"debutant_min": new_min, "confirme_max": confirmed["max"] + 1500,
           "mission": mission.rstrip(".") + ", avec les partenaires.", "score": max(1, skill["score"] - 1)}
    start = text.index("\n    debutant:")
    edited, count = re.subn(rf"(?m)^(\s+min:) {beginner['min']}$", rf"\g<1> {new_min}", text[start:], count=1)
    assert count == 1, f"pas de « min: {beginner['min']} » sous debutant dans {path}"
    text = text[:start] + edited
    for old, value in [(f"max: {confirmed['max']}\n", f"max: {new['confirme_max']}\n"), (mission, new["mission"]),
                       (f"score: {skill['score']}\n", f"score: {new['score']}\n")]:
        assert old in text, old
        text = text.replace(old, value, 1)
    path.write_text(text, encoding="utf-8")
    return new


@pytest.mark.long
def test_the_tests_pass_after_a_school_updates_its_facts_and_adds_professions(tmp_path):
    copy = tmp_path / "projet"
    ignored = shutil.ignore_patterns(".git", ".venv", "models", "var", "reports", "__pycache__", "*.pyc")
    shutil.copytree(ROOT, copy, ignore=ignored, symlinks=True)
    # make importer, run by the guide's tests in the copy, uses this checkout's installed environment
    (copy / ".venv").symlink_to((ROOT / ".venv").resolve(), target_is_directory=True)
    knowledge = copy / "knowledge"
    new = update_facts(knowledge)
    added = add_professions(knowledge, 2)
    # The behaviour tests' folder: the school's, with the fixture profession they also talk about.
    behaviour = tmp_path / "comportement"
    shutil.copytree(knowledge, behaviour)
    shutil.copy(FIXTURE_PROFESSION, behaviour / "metiers")
    fiche = load_school(behaviour).default  # the edits are what loads
    assert (fiche.salaire.niveaux.debutant.min, fiche.salaire.niveaux.confirme.max) == \
        (new["debutant_min"], new["confirme_max"])
    assert fiche.missions[0].detail == new["mission"] and fiche.hard_skills.competences[0].score == new["score"]

    env = project_env(PYTHONPATH=copy)
    env.pop("ASSISTANT_KNOWLEDGE_DIR", None)
    check = subprocess.run([PYTHON, "-m", "trainer.check", "--sans-rasa"], cwd=copy, env=env,
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr  # make check accepts the edits
    assert f"{1 + len(added)} métier(s)" in check.stdout, check.stdout

    suite = subprocess.run([PYTHON, "-m", "pytest", *TESTS, "-p", "no:cacheprovider", "-p", "no:hypothesispytest",
                            "-m", "not rasa_cli"],
                           cwd=copy, env={**env, "ASSISTANT_KNOWLEDGE_DIR": str(behaviour)}, capture_output=True,
                           text=True, timeout=1200)
    output = suite.stdout + suite.stderr
    assert suite.returncode == 0, output[-5000:]
    assert f"connaissances des tests de comportement : {behaviour}" in output  # they ran on the edited copy
    assert re.search(r"\b\d+ passed\b", output) and " failed" not in output, output[-2000:]
