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


def test_a_school_folder_with_its_own_vocabulary_is_read_for_the_names(tmp_path):
    """The words of the name index (clippings, words of work, usual names) come from the school's folder when it has
    them, the project's otherwise: a school that adds a clipping sees it, whatever the project's folder says."""
    import shutil

    from loading.school import load_school
    from tests.support.knowledge import FIXTURE_KNOWLEDGE, default_profession

    folder = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, folder)
    title = default_profession().intitule
    assert paths.school_file(folder, paths.KNOWLEDGE / "abreviations.yml") == paths.KNOWLEDGE / "abreviations.yml"
    (folder / "abreviations.yml").write_text(f"abreviations:\n  zorgli: \"{title}\"\n", encoding="utf-8")
    assert paths.school_file(folder, paths.KNOWLEDGE / "abreviations.yml") == folder / "abreviations.yml"
    own = load_school(folder)
    assert own.understand("je veux devenir zorgli", [], "definition", []).named == (default_profession().id,)
