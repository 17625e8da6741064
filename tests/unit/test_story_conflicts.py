"""A story that conflicts with another (or with a rule) gets a French message naming both files and
lines (trainer/story_conflicts.py), not Rasa's English alone. On a copy of the project."""
import pytest

from tests.support.project import project_copy, run_check
from trainer.story_conflicts import explain

CONFLICTING = """version: "3.1"
stories:
  - story: salaire puis aide
    steps:
      - intent: salaire
      - action: action_aide
"""
RASA_SAYS = """2026-12-05 15:37:44 WARNING  rasa.validator  - Story structure conflict after intent 'salaire':
  action_repondre predicted in 'une histoire du projet'
  action_aide predicted in 'salaire puis aide'
"""


@pytest.fixture
def project(tmp_path):
    copy = project_copy(tmp_path)
    (copy / "data/stories/conflit.yml").write_text(CONFLICTING, encoding="utf-8")
    return copy


def test_rasa_s_conflict_is_said_in_french_with_the_file_and_line(project):
    [message] = explain(RASA_SAYS, project)
    assert message.startswith("✗ Deux suites différentes après l'intention « salaire »")
    assert "data/stories/conflit.yml ligne 3 (l’histoire « salaire puis aide ») mène à action_aide" in message
    assert "« une histoire du projet » mène à action_repondre" in message  # a name not found stays a name
    assert "supprimez l'histoire en trop" in message


@pytest.mark.rasa_cli
def test_make_check_shows_a_conflicting_story_in_french_only(project):
    result = run_check(project, rasa=True)
    assert result.returncode == 1
    assert "data/stories/conflit.yml ligne 3 (l’histoire « salaire puis aide ») mène à action_aide" in result.stdout
    assert "predicted in" not in result.stdout and "en anglais" not in result.stdout
