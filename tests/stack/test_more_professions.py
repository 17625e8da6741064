"""No test assumes the school has one profession: on a copy of the project whose live knowledge/ has
a second and a third profession (tests/support/more_professions.py), `make check` is clean and the
test files that read knowledge/ (or replay the guide's procedures on it) pass.

Slow (a pytest inside the test, about 2 minutes on 2 cores): in tests/stack, run by `make test`."""
import re
import shutil
import subprocess

from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.more_professions import add_professions

# The test files that count or add professions in the live knowledge/: the guide's procedures (every
# trainer action, on a copy), the folder importer, the loader, the project's data, the behaviour tests
# on an edited copy. (test_check.py and test_importer.py pass on such a copy too, measured once: they
# add nothing to the count and would double this test's time.)
READERS = ["tests/unit/test_guide.py", "tests/unit/test_importer_folder.py", "tests/unit/test_knowledge.py",
           "tests/unit/test_data.py",
           "tests/stack/test_school_updates.py::test_the_behaviour_tests_pass_after_a_school_updates_a_salary"]


def test_the_tests_pass_when_the_school_has_three_professions(tmp_path):
    copy = tmp_path / "projet"
    ignored = shutil.ignore_patterns(".git", ".venv", "models", "var", "reports", "__pycache__", "*.pyc")
    shutil.copytree(ROOT, copy, ignore=ignored, symlinks=True)
    (copy / ".venv").symlink_to((ROOT / ".venv").resolve())  # make importer, run by the guide's tests
    added = add_professions(copy / "knowledge", 2)
    env = project_env(PYTHONPATH=copy)
    env.pop("ASSISTANT_KNOWLEDGE_DIR", None)

    check = subprocess.run([PYTHON, "-m", "trainer.check", "--sans-rasa"], cwd=copy, env=env,
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "3 métier(s)" in check.stdout, check.stdout

    suite = subprocess.run([PYTHON, "-m", "pytest", *READERS, "-q", "-p", "no:cacheprovider"],
                           cwd=copy, env=env, capture_output=True, text=True, timeout=1200)
    assert suite.returncode == 0, suite.stdout[-5000:]
    assert re.search(r"\b\d+ passed\b", suite.stdout) and " failed" not in suite.stdout, suite.stdout[-2000:]
    assert all((copy / "knowledge" / "metiers" / f"{pid}.yml").exists() for pid in added)
