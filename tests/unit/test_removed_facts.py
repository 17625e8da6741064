"""make check names a fact that disappeared from a profession's file since the last valid knowledge the
assistant answered with (var/knowledge-last-valid/): a block deleted by mistake is never lost silently."""
import re
import shutil

import pytest

from tests.support.helpers import ROOT
from tests.support.project import PROFESSION_FILE, project_copy, run_check


@pytest.fixture
def project(tmp_path, monkeypatch):
    copy = project_copy(tmp_path)
    last_valid = tmp_path / "derniere-version-valide"
    shutil.copytree(copy / "knowledge", last_valid)   # what actions/live_school.py keeps
    monkeypatch.setenv("ASSISTANT_LAST_VALID_DIR", str(last_valid))
    return copy


def edit(project, old: str, new: str) -> None:
    path = project / PROFESSION_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def block(project, start: str, end: str) -> str:
    text = (project / PROFESSION_FILE).read_text(encoding="utf-8")
    return text[text.index(start):text.index(end)]


def test_a_deleted_salary_block_is_named_with_its_file_and_field(project):
    edit(project, block(project, "    confirme:\n", "  facteurs:"), "")
    result = run_check(project)
    assert result.returncode == 0, result.stdout   # a warning: the removal may be wanted
    assert "Tout est correct" in result.stdout
    assert (f"⚠ {PROFESSION_FILE} : le champ « salaire.niveaux.confirme » (« confirmé(e) ») était dans la "
            "dernière version valide des connaissances") in result.stdout
    assert "n'est plus dans le fichier" in result.stdout


def test_a_removed_list_item_is_named_and_an_edited_fact_is_not(project):
    text = (project / PROFESSION_FILE).read_text(encoding="utf-8")
    first_mission = text[text.index("  - intitule: ", text.index("missions:")):]
    first_mission = first_mission[:first_mission.index("  - intitule: ", 5)]
    title = first_mission.split("\n", 1)[0].split("intitule:", 1)[1].strip().strip("\"'")
    edit(project, first_mission, "")
    figure = re.search(r"\n      max: (\d+)", text).group(0)
    edit(project, figure, figure + "1")   # a changed figure is the trainer's edit
    result = run_check(project)
    assert f"le champ « missions (élément n° 1) » (« {title} »)" in result.stdout
    assert "salaire" not in result.stdout.split("⚠", 1)[-1]


def test_nothing_is_said_without_a_change_or_without_a_last_valid_copy(project, monkeypatch, tmp_path):
    assert "n'est plus dans le fichier" not in run_check(project).stdout
    monkeypatch.setenv("ASSISTANT_LAST_VALID_DIR", str(tmp_path / "absente"))
    edit(project, block(project, "    confirme:\n", "  facteurs:"), "")
    assert "n'est plus dans le fichier" not in run_check(project).stdout


def test_a_misaligned_block_is_advised_to_realign_not_reported_removed(project):
    confirmed = block(project, "    confirme:\n", "  facteurs:")
    edit(project, confirmed, "\n".join(line[2:] for line in confirmed.split("\n")))
    result = run_check(project)
    assert result.returncode == 1 and "mal aligné" in result.stdout
    assert "n'est plus dans le fichier" not in result.stdout


def test_a_fact_of_the_fiche_the_file_names_is_named_when_removed(project, monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_LAST_VALID_DIR", str(tmp_path / "absente"))   # the fiche alone
    fiches = project / "fiches"
    fiches.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "fiches" / "ecole_charge_mission_relations_internationales.txt",
                fiches / "ecole.txt")
    edit(project, "# Fiche métier :", "# Repris de la fiche de l'école (ecole.txt).\n# Fiche métier :")
    assert "n'est plus dans le fichier" not in run_check(project).stdout   # the file holds what the fiche says
    edit(project, block(project, "    confirme:\n", "  facteurs:"), "")
    shown = run_check(project).stdout
    assert (f"⚠ {PROFESSION_FILE} : le champ « salaire.niveaux.confirme » (« confirmé(e) ») est dans la fiche "
            "de l'école (fiches/ecole.txt) et n'est plus dans le fichier.") in shown


def test_under_make_run_the_last_committed_version_still_names_the_removal(project, monkeypatch, tmp_path):
    """make run reloads each saved edit (the last valid copy follows the file): git's version does not."""
    import subprocess
    monkeypatch.setenv("ASSISTANT_LAST_VALID_DIR", str(tmp_path / "absente"))
    for command in (["init", "-q"], ["add", "knowledge"],
                    ["-c", "user.name=f", "-c", "user.email=f@ecole.fr", "commit", "-qm", "fiches"]):
        subprocess.run(["git", "-C", str(project), *command], check=True, timeout=60)
    edit(project, block(project, "    confirme:\n", "  facteurs:"), "")
    shown = run_check(project).stdout
    assert (f"⚠ {PROFESSION_FILE} : le champ « salaire.niveaux.confirme » (« confirmé(e) ») était dans la "
            "dernière version enregistrée dans git et n'est plus dans le fichier.") in shown
