"""loading/paths.py is the one place that knows the project's paths and defaults; the shell's defaults agree.
That the servers follow ASSISTANT_KNOWLEDGE_DIR and TRACKER_STORE_URL is tested through them: the action
server stops on a broken folder it names (test_knowledge.py), Rasa keeps conversations in the PostgreSQL it
names and make creates var/conversations.db by default (tests/stack/test_persistence.py, test_newcomer_commands.py)."""
import re

from loading import paths


def test_shell_default_database_is_the_python_one():
    shell = (paths.ROOT / "scripts" / "defaults.sh").read_text(encoding="utf-8")
    assert re.search(r'TRACKER_STORE_URL="\$\{TRACKER_STORE_URL:-([^}]+)\}"', shell).group(1) \
        == paths.DEFAULT_TRACKER_STORE_URL
