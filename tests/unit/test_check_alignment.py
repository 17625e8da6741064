"""`make check` never tells a trainer to delete a known field written at the wrong indentation: the
block is named as misaligned, with where it goes (core/misplaced.py). On a copy of the project."""
import re
from pathlib import Path

import pytest

from tests.support.project import PROFESSION_FILE, project_copy, run_check


@pytest.fixture
def project(tmp_path):
    return project_copy(tmp_path)


def shift_block(project: Path, header: str, columns: int) -> int:
    """Moves the block that starts with `header` (its lines below, more indented) by `columns`
    spaces (negative: to the left); the line of its header."""
    path = project / PROFESSION_FILE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, ln in enumerate(lines) if ln.strip() == header)
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    for i in range(start, end):
        lines[i] = (" " * columns + lines[i]) if columns > 0 else lines[i][-columns:]
    path.write_text("".join(lines), encoding="utf-8")
    return start + 1


def problem_of(project: Path, field: str) -> str:
    result = run_check(project)
    assert result.returncode == 1, result.stdout
    [line] = [ln for ln in result.stdout.splitlines() if f"champ « {field} »" in ln]
    return line


def test_a_salary_level_moved_left_is_named_misaligned_not_unknown(project):
    line = shift_block(project, "confirme:", -2)
    message = problem_of(project, "salaire.confirme")
    assert f"(ligne {line})" in message
    assert "ce bloc est mal aligné" in message and "va sous « salaire.niveaux »" in message
    assert "alignez-le sur « debutant »" in message
    assert "supprimez-le" not in message and "Ne le supprimez pas" in message


def test_a_salary_level_moved_right_is_named_misaligned_too(project):
    shift_block(project, "confirme:", 2)
    message = problem_of(project, "salaire.niveaux.debutant.confirme")
    assert "ce bloc est mal aligné" in message and "va sous « salaire.niveaux »" in message
    assert "supprimez-le" not in message


def test_a_misspelt_field_is_still_called_unknown(project):
    path = project / PROFESSION_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^  facteurs:", "  facteur:", text, count=1), encoding="utf-8")
    message = problem_of(project, "salaire.facteur")
    assert "champ inconnu : vérifiez l'orthographe" in message and "mal aligné" not in message
