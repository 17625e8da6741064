"""Dialogue policies: every multi-turn flow of tests/test_stories.yml predicted without error."""
import subprocess

from tests.support.helpers import BIN, ROOT, project_env


def test_conversation_stories(model_path, tmp_path):
    result = subprocess.run(
        [str(BIN / "rasa"), "test", "core", "--model", str(model_path), "--stories", "tests/test_stories.yml",
         "--fail-on-prediction-errors", "--out", str(tmp_path)],
        cwd=ROOT, env=project_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
