"""loading/paths.py is the one place that knows the project's paths and defaults; the shell's defaults agree."""
import re

from loading import paths


def test_shell_default_database_is_the_python_one():
    shell = (paths.ROOT / "scripts" / "defaults.sh").read_text(encoding="utf-8")
    assert re.search(r'TRACKER_STORE_URL="\$\{TRACKER_STORE_URL:-([^}]+)\}"', shell).group(1) \
        == paths.DEFAULT_TRACKER_STORE_URL


def test_knowledge_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("ASSISTANT_KNOWLEDGE_DIR", raising=False)
    assert paths.knowledge_dir() == paths.ROOT / "knowledge"
    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(tmp_path))
    assert paths.knowledge_dir() == tmp_path


def test_database_default_and_override(monkeypatch):
    monkeypatch.delenv("TRACKER_STORE_URL", raising=False)
    assert paths.tracker_store_url() == "sqlite:///var/conversations.db"
    monkeypatch.setenv("TRACKER_STORE_URL", "postgresql://u@127.0.0.1/base")
    assert paths.tracker_store_url() == "postgresql://u@127.0.0.1/base"
