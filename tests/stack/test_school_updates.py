"""A school that updates a fact keeps a green build: the guide's « Mettre à jour un fait de la fiche
métier » (docs/guide-formateurs.md, section 5: change a salary in knowledge/metiers/<métier>.yml),
applied to a copy of the project's knowledge folder, then the behaviour tests run on that copy.
In tests/stack: it reruns whole test files in a child pytest (minutes), too slow for make test-unit."""
import os
import re
import shutil
import subprocess

import yaml

from loading.school import load_school
from tests.support import knowledge_reads
from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.knowledge import FIXTURE_PROFESSION

# The behaviour tests that take the knowledge folder from ASSISTANT_KNOWLEDGE_DIR.
BEHAVIOUR_TESTS = ["tests/unit/test_actions.py", "tests/unit/test_professions.py",
                   "tests/unit/test_knowledge.py::test_the_fiche_is_loaded_whole"]


def update_beginner_minimum(knowledge) -> int:
    """What the guide shows: in the default profession's file, change only the beginner's `min`."""
    default = yaml.safe_load((knowledge / "sujets.yml").read_text(encoding="utf-8"))["metier_par_defaut"]
    path = knowledge / "metiers" / f"{default}.yml"
    text = path.read_text(encoding="utf-8")
    level = yaml.safe_load(text)["salaire"]["niveaux"]["debutant"]
    new = level["min"] + 1500 if level["min"] + 1500 <= level["max"] else level["min"] - 1500
    start = text.index("\n    debutant:")
    edited, count = re.subn(rf"(?m)^(\s+min:) {level['min']}$", rf"\g<1> {new}", text[start:], count=1)
    assert count == 1, f"pas de « min: {level['min']} » sous debutant dans {path}"
    path.write_text(text[:start] + edited, encoding="utf-8")
    return new


def test_the_behaviour_tests_pass_after_a_school_updates_a_salary(tmp_path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    shutil.copy(FIXTURE_PROFESSION, knowledge / "metiers")  # a school with a second profession
    new = update_beginner_minimum(knowledge)
    assert load_school(knowledge).default.salaire.niveaux.debutant.min == new  # the edit is what loads

    result = subprocess.run([PYTHON, "-m", "pytest", "-p", "no:cacheprovider", *BEHAVIOUR_TESTS], cwd=ROOT,
                            env=project_env(ASSISTANT_KNOWLEDGE_DIR=knowledge), capture_output=True, text=True,
                            timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert f"connaissances des tests de comportement : {knowledge}" in output  # they ran on the edited copy
    assert re.search(r"\b\d+ passed\b", output) and " failed" not in output, output[-2000:]


def test_the_whole_unit_suite_passes_after_several_fact_edits(tmp_path):
    """Several edits a school makes to its live knowledge/ that make check accepts (both salary levels,
    a mission sentence, a skill score), then on that copy of the project every unit test file that
    could depend on them (tests/support/knowledge_reads.py: the files seen reading knowledge/)."""
    copy = tmp_path / "projet"
    ignored = shutil.ignore_patterns(".git", ".venv", "models", "var", "reports", "__pycache__", "*.pyc")
    shutil.copytree(ROOT, copy, ignore=ignored, symlinks=True)
    # The make commands the guide's tests run in the copy use this checkout's installed environment
    # (its requirements.lock is the same file, copied with its date): no second installation.
    (copy / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    default = yaml.safe_load((copy / "knowledge" / "sujets.yml").read_text(encoding="utf-8"))["metier_par_defaut"]
    path = copy / "knowledge" / "metiers" / f"{default}.yml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    levels = data["salaire"]["niveaux"]
    edits = [(f"min: {levels['debutant']['min']}\n", f"min: {levels['debutant']['min'] + 1000}\n"),
             (f"max: {levels['confirme']['max']}\n", f"max: {levels['confirme']['max'] + 1500}\n"),
             (data["missions"][0]["detail"], data["missions"][0]["detail"].rstrip(".") + ", avec les partenaires."),
             (f"score: {data['hard_skills']['competences'][0]['score']}\n",
              f"score: {max(1, data['hard_skills']['competences'][0]['score'] - 1)}\n")]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    # The caches are keyed by content: the copy may share this checkout's (its edited fiche is read anew).
    env = project_env(PYTHONPATH=copy, ASSISTANT_CACHE_DIR=os.environ.get("ASSISTANT_CACHE_DIR") or ROOT / "var" / "cache")
    env.pop("ASSISTANT_KNOWLEDGE_DIR", None)
    check = subprocess.run([PYTHON, "-m", "trainer.check", "--sans-rasa"], cwd=copy, env=env,
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr   # make check accepts the edits
    # The unit test files seen reading knowledge/ in this session (or starting a process, which may
    # read it unseen); all of tests/unit when they did not all run before this test.
    files = knowledge_reads.files_to_rerun()
    targets = files if files is not None else ["tests/unit"]
    print(f"\nrelancés sur la copie modifiée : {'tous les tests unitaires' if files is None else ', '.join(files)}")
    if files == []:
        return  # no unit test reads knowledge/: none can depend on its facts
    suite = subprocess.run([PYTHON, "-m", "pytest", *targets, "-q", "-p", "no:cacheprovider", "-m", "not rasa_cli"],
                           cwd=copy, env=env, capture_output=True, text=True, timeout=900)
    assert suite.returncode == 0, suite.stdout[-4000:]
    assert re.search(r"\b\d+ passed\b", suite.stdout), suite.stdout[-2000:]
