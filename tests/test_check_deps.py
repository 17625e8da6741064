"""make check-deps: a pin that changes without SECURITY.md saying what was checked fails the build."""
import re
import shutil
import subprocess

import pytest

from tests.helpers import PYTHON, ROOT


def check_deps(lock, security) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "scripts/check_deps.py", "--lock", str(lock), "--security", str(security)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


@pytest.fixture
def copies(tmp_path):
    lock, security = tmp_path / "requirements.lock", tmp_path / "SECURITY.md"
    shutil.copy(ROOT / "requirements.lock", lock)
    shutil.copy(ROOT / "SECURITY.md", security)
    return lock, security


def pinned(lock, name) -> str:
    return re.search(rf"^{name}==(\S+)$", lock.read_text(), re.M).group(1)


def repin(lock, name, version) -> None:
    lock.write_text(re.sub(rf"^{name}==\S+$", f"{name}=={version}", lock.read_text(), flags=re.M))


def test_the_project_s_pins_are_all_audited():
    result = check_deps(ROOT / "requirements.lock", ROOT / "SECURITY.md")
    assert result.returncode == 0, result.stdout
    count = len([line for line in (ROOT / "requirements.lock").read_text().splitlines() if "==" in line])
    assert f"Les {count} versions" in result.stdout


@pytest.mark.parametrize("name", ["aiohttp", "numpy"])  # one with known advisories, one without
def test_a_changed_pin_fails_until_security_md_says_what_was_checked(copies, name):
    lock, security = copies
    old = pinned(lock, name)
    repin(lock, name, "99.0.0")
    result = check_deps(lock, security)
    assert result.returncode == 1
    assert f"requirements.lock fige {name}==99.0.0" in result.stdout and old in result.stdout
    assert "écrivez ce que vous avez vérifié dans SECURITY.md" in result.stdout

    # Audited: a dated row of the advisory table for the new version.
    text = security.read_text()
    row = f"| {name} | 99.0.0 | Aucun avis publié au 2030-01-01 | — | — | — | — | 2030-01-01 |\n"
    security.write_text(text.replace("|---|---|---|---|---|---|---|---|\n", "|---|---|---|---|---|---|---|---|\n" + row))
    assert check_deps(lock, security).returncode == 0


def test_an_undated_or_empty_row_does_not_count(copies):
    lock, security = copies
    repin(lock, "aiohttp", "99.0.0")
    row = "| aiohttp | 99.0.0 |  | — | — | — | — |  |\n"
    security.write_text(security.read_text().replace("|---|---|---|---|---|---|---|---|\n",
                                                     "|---|---|---|---|---|---|---|---|\n" + row))
    result = check_deps(lock, security)
    assert result.returncode == 1 and "quel avis a été vérifié" in result.stdout


def test_a_new_package_and_a_removed_one_are_reported(copies):
    lock, security = copies
    text = lock.read_text()
    lock.write_text(re.sub(r"^regex==\S+\n", "", text, flags=re.M) + "leftpad==1.0\n")
    result = check_deps(lock, security)
    assert result.returncode == 1
    assert "requirements.lock fige leftpad==1.0, absent de SECURITY.md" in result.stdout
    assert "SECURITY.md décrit regex, qui n'est plus dans requirements.lock" in result.stdout
