"""`make importer FICHES=dossier/` (trainer/importer): every fiche of a folder, one line each, then a total.

Always on copies of the fiches of tests/fixtures/fiches/ (see its README) in tmp_path, never on knowledge/.
"""
import shutil
from pathlib import Path

import pytest

from loading.knowledge import load_professions
from tests.support.project import project_copy, run_check
from tests.unit.test_importer import AIRSHIP, DAMAGED, DRAGONS, ROBOTS, ROOFS, make_importer
from trainer.importer.__main__ import import_fiche, main

NOT_A_FICHE = "Acheter du pain.\nAppeler le garage.\n"
DRAGONS_ID, ROBOTS_ID = "dresseur_dragons_compagnie", "restaurateur_robots_anciens"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    """The trainer's current folder: the written files are shown from it (metiers/… here)."""
    monkeypatch.chdir(tmp_path)


def folder_of(tmp_path: Path, *fiches: Path, **texts: str) -> Path:
    """A folder with copies of the fixture fiches and, by name, other texts."""
    folder = tmp_path / "fiches"
    folder.mkdir()
    for fiche in fiches:
        shutil.copy(fiche, folder / fiche.name)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(capsys, *args: str):
    """(exit code, stdout lines, stderr) of `python -m trainer.importer` with these arguments."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def draft_of(fiche: Path) -> str:
    return import_fiche(fiche.read_text(encoding="utf-8"), fiche.name)[1]


def test_a_folder_writes_each_fiche_and_refuses_a_text_that_is_not_one(tmp_path, capsys):
    folder = folder_of(tmp_path, DRAGONS, ROBOTS, **{"notes.txt": NOT_A_FICHE, "lisez-moi.md": "pas une fiche"})
    single = run(capsys, str(folder / "notes.txt"), "--dossier", str(tmp_path / "seule"))
    code, lines, err = run(capsys, "--fiches", str(folder), "--dossier", str(tmp_path / "metiers"))

    assert code == 1 and err == ""
    reason = single[2].strip().removeprefix(f"✗ {folder / 'notes.txt'} : ")  # what the single import says
    assert "le nom du métier est introuvable" in reason
    assert lines[:4] == [
        # its Bachelor and Mastère paragraphs give no status for the profession: reported, not written
        f"✓ dresseur_dragons.txt → metiers/{DRAGONS_ID}.yml : écrit, rien à compléter ; 4 passage(s) de la fiche "
        "repris nulle part",
        f"✗ notes.txt : refusé : {reason}",
        f"✓ restaurateur_robots.txt → metiers/{ROBOTS_ID}.yml : écrit, rien à compléter",
        "Total : 3 fiches, 2 écrite(s) complète(s), 0 à compléter, 1 refusée(s).",
    ]
    assert lines[4].startswith("Ensuite : relisez chaque fichier écrit")
    assert sorted(p.name for p in (tmp_path / "metiers").iterdir()) == [f"{DRAGONS_ID}.yml", f"{ROBOTS_ID}.yml"]
    assert (tmp_path / "metiers" / f"{DRAGONS_ID}.yml").read_text(encoding="utf-8") == draft_of(DRAGONS)
    assert (tmp_path / "metiers" / f"{ROBOTS_ID}.yml").read_text(encoding="utf-8") == draft_of(ROBOTS)


def test_a_draft_with_markers_is_written_and_counted_to_complete(tmp_path, capsys):
    metiers = tmp_path / "metiers"
    code, lines, _ = run(capsys, "--fiches", str(folder_of(tmp_path, DAMAGED, ROBOTS)), "--dossier", str(metiers))
    markers = import_fiche(DAMAGED.read_text(encoding="utf-8"), DAMAGED.name)[2]
    assert code == 0 and len(markers) == 5
    # the sentence on the skill whose name the damage removed is in no field: reported with the 4 diploma paragraphs
    assert lines[0] == (f"… dresseur_dragons_abimee.txt → metiers/{DRAGONS_ID}.yml : écrit, 5 champ(s) à compléter ; "
                        "5 passage(s) de la fiche repris nulle part")
    assert lines[2] == "Total : 2 fiches, 1 écrite(s) complète(s), 1 à compléter, 0 refusée(s)."
    assert lines[3].startswith("Ensuite : remplacez chaque « À COMPLÉTER » (`make check`")
    assert "À COMPLÉTER" in (metiers / f"{DRAGONS_ID}.yml").read_text(encoding="utf-8")


def test_two_fiches_with_the_same_id_are_both_refused(tmp_path, capsys):
    # The damaged dragon fiche has the title of the good one: both give dresseur_dragons_compagnie.
    metiers = tmp_path / "metiers"
    code, lines, _ = run(capsys, "--fiches", str(folder_of(tmp_path, DRAGONS, DAMAGED, ROBOTS)),
                         "--dossier", str(metiers), "--ecraser")
    assert code == 1
    reason = (f"dresseur_dragons.txt et dresseur_dragons_abimee.txt donnent le même métier « {DRAGONS_ID} » "
              f"(metiers/{DRAGONS_ID}.yml) : rien n'a été écrit pour elles.")
    assert lines[0].startswith(f"✗ dresseur_dragons.txt : refusé : {reason}")
    assert lines[1].startswith(f"✗ dresseur_dragons_abimee.txt : refusé : {reason}")
    assert lines[2].startswith("✓ restaurateur_robots.txt →")
    assert lines[3] == "Total : 3 fiches, 1 écrite(s) complète(s), 0 à compléter, 2 refusée(s)."
    assert [p.name for p in metiers.iterdir()] == [f"{ROBOTS_ID}.yml"]


def test_an_existing_file_is_replaced_only_with_ecraser(tmp_path, capsys):
    folder, metiers = folder_of(tmp_path, DRAGONS, ROBOTS), tmp_path / "metiers"
    metiers.mkdir()
    existing = metiers / f"{ROBOTS_ID}.yml"
    existing.write_text("# ma relecture\n", encoding="utf-8")

    code, lines, _ = run(capsys, "--fiches", str(folder), "--dossier", str(metiers))
    assert code == 1 and lines[0].startswith("✓ dresseur_dragons.txt →")
    assert lines[1] == (f"✗ restaurateur_robots.txt : refusé : metiers/{ROBOTS_ID}.yml existe déjà : rien n'a été écrit. Pour le "
                        "remplacer par le brouillon importé (vos modifications seront perdues) : "
                        f"make importer FICHE={folder / ROBOTS.name} ECRASER=1")
    assert lines[2] == "Total : 2 fiches, 1 écrite(s) complète(s), 0 à compléter, 1 refusée(s)."
    assert existing.read_text(encoding="utf-8") == "# ma relecture\n"

    code, lines, _ = run(capsys, "--fiches", str(folder), "--dossier", str(metiers), "--ecraser")
    assert code == 0 and lines[2] == "Total : 2 fiches, 2 écrite(s) complète(s), 0 à compléter, 0 refusée(s)."
    assert existing.read_text(encoding="utf-8") == draft_of(ROBOTS)


@pytest.mark.parametrize("name, texts, message", [
    ("vide", None, "aucune fiche dans ce dossier (aucun fichier .txt)"),
    ("sans_txt", {"lisez-moi.md": "Le métier de x repose sur y."}, "aucune fiche dans ce dossier (aucun fichier .txt)"),
    ("absent", "absent", "dossier introuvable. Indiquez le dossier des fiches : make importer FICHES="),
    ("fichier", "file", "ce n'est pas un dossier. Pour importer une seule fiche : make importer FICHE="),
])
def test_no_fiche_to_import_gets_a_french_message(tmp_path, capsys, name, texts, message):
    folder = tmp_path / name
    if texts == "file":
        shutil.copy(ROBOTS, folder)
    elif texts != "absent":
        folder.mkdir()
        for file, text in (texts or {}).items():
            (folder / file).write_text(text, encoding="utf-8")
    code, lines, err = run(capsys, "--fiches", str(folder), "--dossier", str(tmp_path / "metiers"))
    assert code == 1 and lines == [] and err.startswith(f"✗ {folder} : ") and message in err
    assert not (tmp_path / "metiers").exists()


def test_a_fiche_and_a_folder_together_are_refused(tmp_path, capsys):
    code, lines, err = run(capsys, str(ROBOTS), "--fiches", str(folder_of(tmp_path, DRAGONS)),
                           "--dossier", str(tmp_path / "metiers"))
    assert code == 1 and lines == [] and "pas les deux : rien n'a été importé" in err
    assert not (tmp_path / "metiers").exists()


def test_make_importer_fiches_reports_each_fiche_and_fails_in_french(tmp_path):
    folder = folder_of(tmp_path, ROBOTS, **{"notes.txt": NOT_A_FICHE})
    knowledge = tmp_path / "knowledge"
    result = make_importer(knowledge, f"FICHES={folder}/")
    assert result.returncode != 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("✗ notes.txt : refusé : le nom du métier est introuvable")
    assert lines[1:3] == [
        f"✓ restaurateur_robots.txt → {knowledge / 'metiers' / ROBOTS_ID}.yml : écrit, rien à compléter",
        "Total : 2 fiches, 1 écrite(s) complète(s), 0 à compléter, 1 refusée(s).",
    ]
    assert "Échec de « make importer »" in result.stderr and "Traceback" not in result.stderr
    assert (knowledge / "metiers" / f"{ROBOTS_ID}.yml").read_text(encoding="utf-8") == draft_of(ROBOTS)

    again = make_importer(knowledge, f"FICHES={folder}/", "ECRASER=1", f"FICHE={ROBOTS}")
    assert again.returncode != 0 and "pas les deux" in again.stderr and again.stdout == ""


def test_fiches_that_leave_facts_out_are_written_complete_and_pass_make_check(tmp_path, capsys):
    """The fields the fiches do not give are absent, not « À COMPLÉTER »: nothing to complete, make check accepts."""
    project = project_copy(tmp_path)
    metiers = project / "knowledge" / "metiers"
    before = len(list(metiers.glob("*.yml")))  # the school's professions, however many
    code, lines, _ = run(capsys, "--fiches", str(folder_of(tmp_path, AIRSHIP, ROOFS)), "--dossier", str(metiers))
    assert code == 0
    assert lines[0] == ("✓ jardinier_toits_suspendus.txt → projet/knowledge/metiers/jardinier_toits_suspendus.yml : "
                        "écrit, rien à compléter ; 9 champ(s) absent(s) de la fiche ; 4 passage(s) de la fiche repris "
                        "nulle part")
    assert lines[1] == ("✓ organisateur_voyages_dirigeable.txt → projet/knowledge/metiers/organisateur_voyages_dirigeable"
                        ".yml : écrit, rien à compléter ; 6 champ(s) absent(s) de la fiche ; 5 passage(s) de la fiche "
                        "repris nulle part")
    assert lines[2] == "Total : 2 fiches, 2 écrite(s) complète(s), 0 à compléter, 0 refusée(s)."
    for name in ("jardinier_toits_suspendus.yml", "organisateur_voyages_dirigeable.yml"):
        assert "À COMPLÉTER" not in (metiers / name).read_text(encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Tout est correct : ") and f"{before + 2} métier(s)" in result.stdout
    professions = load_professions(metiers)
    assert professions["organisateur_voyages_dirigeable"].famille == "tourisme"
    assert professions["jardinier_toits_suspendus"].famille == "paysage et environnement"
    assert professions["organisateur_voyages_dirigeable"].alternance is None
