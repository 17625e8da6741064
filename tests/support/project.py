"""Copies of the project for the trainer-tool tests, and `make check` run on them."""
import contextlib
import io
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.knowledge import FIXTURE_KNOWLEDGE

PROFESSION_FILE = "knowledge/metiers/charge_mission_relations_internationales.yml"
# The fiche a copy of the project holds at PROFESSION_FILE (project_copy).
PROFESSION_SOURCE = FIXTURE_KNOWLEDGE / "metiers" / "charge_mission_relations_internationales.yml"
# What a trainer edits, and what rasa data validate reads.
COPIED = ["data", "knowledge", "domain.yml", "config.yml", "tests/test_stories.yml", "tests/nlu"]


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's data and knowledge files, to break or to extend. Its fiche at PROFESSION_FILE
    is the fixture's (tests/fixtures/knowledge/: the same file with other figures): a school that updates
    its own fiche changes no test that edits or breaks the copy. Other professions are copied as they are."""
    project = tmp_path / "projet"
    for name in COPIED:
        source, target = ROOT / name, project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy(source, target)
    shutil.copy(PROFESSION_SOURCE, project / PROFESSION_FILE)
    return project


def run_check(project: Path = ROOT, rasa: bool = False, cache: Optional[Path] = None,
              in_process: bool = False) -> subprocess.CompletedProcess:
    """`python -m trainer.check` on a project: in this process for the quick checks (the same code
    as the command, a second instead of a new Python each time), as a command with rasa data validate.
    With rasa, `cache` is the folder of its remembered results; without it, a new empty one, so that
    rasa data validate really runs. `in_process` with rasa: for a project whose own checks fail, where
    rasa data validate must not start at all."""
    args = ["--projet", str(project)] + ([] if rasa else ["--sans-rasa"])
    if rasa and not in_process:
        cache = cache or Path(tempfile.mkdtemp(prefix="check-cache-"))
        return subprocess.run([PYTHON, "-m", "trainer.check", *args], cwd=ROOT,
                              env=project_env(ASSISTANT_CACHE_DIR=str(cache)),
                              capture_output=True, text=True, timeout=300)
    from trainer import check
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = check.main(args)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
    return subprocess.CompletedProcess(["trainer.check", *args], code, out.getvalue(), err.getvalue())
