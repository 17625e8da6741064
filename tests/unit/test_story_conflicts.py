"""A story that conflicts with another (or with a rule) gets a French message naming both files and
lines (trainer/story_conflicts.py), not Rasa's English alone. On a copy of the project."""
import pytest

from tests.support.project import project_copy
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


# make check on a real conflicting story, through rasa data validate, in French only:
# tests/unit/test_check.py::test_rasa_data_validate_problems_are_reported (one Rasa run for both).


def test_each_story_of_a_conflict_is_named_with_its_file_and_line(tmp_path):
    (tmp_path / "data" / "stories").mkdir(parents=True)
    (tmp_path / "data" / "stories" / "parcours.yml").write_text(
        'version: "3.1"\nstories:\n- story: salaire puis évolutions\n  steps: []\n'
        "- story: salaire puis relance sur l'expérience\n  steps: []\n- story: salaire puis hors sujet\n  steps: []\n",
        encoding="utf-8")
    output = ("Story structure conflict after intent 'salaire':\n"
              "  action_repondre predicted in 'salaire puis évolutions' and 'salaire puis relance sur l'expérience'\n"
              "  action_hors_sujet predicted in 'salaire puis hors sujet'\n")
    [said] = explain(output, tmp_path)
    assert ("data/stories/parcours.yml ligne 3 (l’histoire « salaire puis évolutions ») et data/stories/parcours.yml "
            "ligne 5 (l’histoire « salaire puis relance sur l'expérience ») mènent à action_repondre ; "
            "data/stories/parcours.yml ligne 7 (l’histoire « salaire puis hors sujet ») mène à action_hors_sujet") in said
    many = explain("Story structure conflict after intent 'salaire':\n"
                   "  action_repondre predicted in 'salaire puis évolutions', 'x', and 4 other trackers\n"
                   "  action_hors_sujet predicted in 'a', 'b', and 'salaire puis hors sujet'\n", tmp_path)[0]
    assert "« x » et 4 autre(s) mènent à action_repondre" in many
    assert "« a » et « b » et data/stories/parcours.yml ligne 7" in many
