"""The trainer's make commands run for real (make, bash, a child Python each: seconds per test, so in
tests/stack): `make` alone lists them, and a failed `make check` or `make importer` fails in every
environment (foreground, SIGQUIT ignored, background job, no terminal) and ends with a French line.
Moved from tests/unit/test_check.py to keep `make test-unit` under a minute."""
import re
import subprocess

import pytest

from tests.support.helpers import ROOT, project_env
from tests.support.project import project_copy
from tests.unit.test_check import edit

# make test's workers (pytest-xdist): the commands run in the project folder itself (var/logs/, var/cache/) run in one worker, one at a time
pytestmark = pytest.mark.xdist_group("dossier-du-projet")


@pytest.fixture
def project(tmp_path):
    return project_copy(tmp_path)


# -- make ------------------------------------------------------------------------------------------
def make(*args) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, env=project_env(),
                          capture_output=True, text=True, timeout=300)


def test_make_alone_lists_every_target_a_trainer_uses():
    result = make()
    assert result.returncode == 0
    for target in ("run", "test", "check", "train", "report", "review", "review-import", "forget", "purge"):
        assert re.search(rf"^make {re.escape(target)}( [A-Z]+=\S+)?\s+- \S", result.stdout, re.M), target


@pytest.mark.parametrize("how", ["foreground", "quit_ignored", "background_job", "no_terminal"])
def test_a_failed_make_check_fails_in_every_environment_and_ends_in_french(project, how):
    """A check that passes on a broken project is the worst kind of check: with SIGQUIT ignored (a
    background job of a script, `trap '' QUIT`, a nohup wrapper) and without a terminal too."""
    edit(project, "domain.yml", "  - rncp\n", "  - rnpc\n")
    command = f"make --no-print-directory check 'CHECK_ARGS=--sans-rasa --projet {project}'"
    wrapped = {"foreground": command, "quit_ignored": f"trap '' QUIT; {command}",
               "background_job": f"{command} & wait $!", "no_terminal": f"{command} < /dev/null"}[how]
    result = subprocess.run(["bash", "-c", wrapped], cwd=ROOT, env=project_env(), capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=300)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "vouliez-vous dire « rncp »" in result.stdout
    # The French line is the last thing before make's own English line (if any).
    lines = [line for line in result.stderr.splitlines()
             if line.strip() and not re.match(r"make(\[\d+\])?: \*\*\*", line)]
    assert lines[-1].startswith("Échec de « make check » : corrigez ce qui est indiqué ci-dessus"), result.stderr


@pytest.mark.parametrize("how", ["foreground", "quit_ignored", "background_job"])
def test_a_failed_make_importer_fails_in_every_environment(tmp_path, how):
    command = f"make --no-print-directory importer FICHE={tmp_path / 'introuvable.txt'}"
    wrapped = {"foreground": command, "quit_ignored": f"trap '' QUIT; {command}",
               "background_job": f"{command} & wait $!"}[how]
    result = subprocess.run(["bash", "-c", wrapped], cwd=ROOT, env=project_env(), capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=300)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "Échec de « make importer »" in result.stderr
