"""Training data, as make check sees it: each trainer check (trainer/check.py) finds nothing to fix in
the project. What each check reports on a broken copy is tested in tests/unit/test_check.py; `rasa data
validate` runs once, in tests/unit/test_check.py (test_the_project_passes_with_rasa_data_validate)."""
import pytest

from tests.support.helpers import ROOT
from trainer.check import CHECKS, MIN_EXAMPLES, run_checks
from trainer.project import Project


@pytest.fixture(scope="module")
def project():
    return Project(ROOT)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_the_project_passes_each_check(project, check):
    errors = [p.message for p in check(project) if not p.warning]
    assert errors == []


def test_no_file_is_unreadable_and_nothing_is_grouped_away(project):
    problems, syntax_first = run_checks(project)
    assert not syntax_first and [p.message for p in problems if not p.warning] == []


def test_the_checks_read_real_data(project):
    # The checks above pass because the data is right, not because nothing was read.
    assert len(project.intents) >= 10 and set(project.examples) == set(project.intents)
    assert min(len(e) for e in project.examples.values()) >= MIN_EXAMPLES
    assert len(project.held_out()) >= 100 and project.topics and project.professions
