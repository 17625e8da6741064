"""Rasa only loads the model that `make train` built from the current training files.

Each test works on a copy of the project in a temporary folder, with a stand-in for `rasa train`
(it writes a fake models/assistant.tar.gz and counts its calls): what is checked is the Makefile
rule and scripts/run.sh, not Rasa, so no real training is needed.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.helpers import PYTHON, ROOT, project_env

FAKE_RASA = """#!/usr/bin/env bash
# Stand-in for `rasa train --fixed-model-name assistant --out models`: a new model each call.
echo "$@" >> rasa-calls.log
mkdir -p models
echo "model $(date +%s%N) $RANDOM" > models/assistant.tar.gz
"""


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project's files (tracked or new, not ignored) with the shared interpreter."""
    found = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True)
    if found.returncode != 0:  # a downloaded ZIP: no git to tell the project's files from the rest
        pytest.skip("hors d'un dépôt git (copie sans .git) : la liste des fichiers du projet vient de git")
    listed = found.stdout.splitlines()
    copy = tmp_path / "projet"
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    bin_dir = copy / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").symlink_to(PYTHON)
    (copy / ".venv" / ".installed").touch()  # newer than requirements.lock: no install
    rasa = tmp_path / "fake-rasa"
    rasa.write_text(FAKE_RASA)
    rasa.chmod(0o755)
    return copy


def make_train(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "train", f"RASA={project.parent / 'fake-rasa'}",
                           f"PYTHON310={sys.executable}"], cwd=project, capture_output=True, text=True,
                          env=project_env(), timeout=120)


def trainings(project: Path) -> int:
    log = project / "rasa-calls.log"
    return len(log.read_text().splitlines()) if log.exists() else 0


def verify(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "scripts/model_build.py", "verify"], cwd=project, capture_output=True,
                          text=True, timeout=60)


def first_example_file(project: Path) -> Path:
    return sorted((project / "data" / "nlu").rglob("*.yml"))[0]


def test_edited_examples_are_retrained_not_served_stale(project):
    first = make_train(project)
    assert first.returncode == 0, first.stderr
    assert trainings(project) == 1 and "aucun modèle entraîné : entraînement (environ" in first.stdout
    assert verify(project).returncode == 0

    again = make_train(project)  # nothing changed: no training
    assert again.returncode == 0 and trainings(project) == 1, again.stdout

    examples = first_example_file(project)
    os.utime(examples)  # a checkout or a touch changes the date, not the examples: no training
    assert make_train(project).returncode == 0 and trainings(project) == 1

    examples.write_text(examples.read_text() + "    - c'est payé combien au début ?\n")
    stale = verify(project)  # what scripts/run.sh would say if the model were not rebuilt
    name = examples.relative_to(project).as_posix()
    assert stale.returncode == 1 and "entraîné avec d'autres fichiers" in stale.stderr and name in stale.stderr

    retrain = make_train(project)
    assert retrain.returncode == 0, retrain.stderr
    assert trainings(project) == 2
    # The trainer is told why and for how long, with the duration the last training took.
    assert f"les exemples ont changé ({name}) : ré-entraînement (environ 1 s, durée du dernier entraînement)" \
        in retrain.stdout, retrain.stdout
    assert verify(project).returncode == 0


def run_sh(project: Path) -> subprocess.CompletedProcess:
    env = project_env(RASA_PORT="1", ACTION_PORT="1", WIDGET_PORT="1")  # nothing may start anyway
    return subprocess.run(["bash", "scripts/run.sh"], cwd=project, capture_output=True, text=True, env=env,
                          timeout=60)


def test_run_refuses_a_stale_model(project):
    assert make_train(project).returncode == 0
    examples = first_example_file(project)
    examples.write_text(examples.read_text() + "    - ça gagne bien ?\n")
    result = run_sh(project)
    assert result.returncode != 0
    assert "Modèle refusé" in result.stderr and "entraîné avec d'autres fichiers" in result.stderr
    assert "make run" in result.stderr  # what to do
    assert "Serveur d'actions" not in result.stdout  # refused before anything started


def test_run_refuses_a_model_that_make_train_did_not_build(project):
    assert make_train(project).returncode == 0
    (project / "models" / "assistant.tar.gz").write_bytes(b"un modele venu d'ailleurs")
    result = run_sh(project)
    assert result.returncode != 0
    assert "n'est pas le modèle construit par `make train`" in result.stderr
    assert "Serveur d'actions" not in result.stdout


def test_run_refuses_a_model_without_record(project):
    assert make_train(project).returncode == 0
    (project / "models" / "assistant.build.json").unlink()
    result = run_sh(project)
    assert result.returncode != 0 and "n'a pas d'empreinte" in result.stderr
