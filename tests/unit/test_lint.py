"""The code follows the project's lint rules (ruff.toml), as `make check` and CI require."""
import subprocess

from tests.support.helpers import BIN, ROOT


def test_ruff_finds_nothing():
    result = subprocess.run([str(BIN / "ruff"), "check", "--output-format", "concise", "."], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
