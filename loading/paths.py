"""Where the project's files are, and the defaults that point into it: the one place that knows them.

Scripts started by path (``python scripts/serve.py``) first put the project root on ``sys.path``
with a one-line bootstrap, then take every path from here.
"""
import hashlib
import os
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
NLU = ROOT / "data" / "nlu"
VAR = ROOT / "var"
# The embedded default of `make run`; scripts/defaults.sh sets the same one for the shell
# (tests/unit/test_paths.py keeps the two equal).
DEFAULT_TRACKER_STORE_URL = "sqlite:///var/conversations.db"


def knowledge_dir() -> Path:
    """ASSISTANT_KNOWLEDGE_DIR lets a school keep its knowledge files elsewhere (tests use copies)."""
    return Path(os.environ.get("ASSISTANT_KNOWLEDGE_DIR") or KNOWLEDGE)


def school_file(folder: Optional[Path], project_file: Path) -> Path:
    """A shared vocabulary file (interests, everyday words, clippings, words of work, usual names, diplomas): the
    school's own copy in its folder when it has one, else the project's."""
    own = Path(folder) / project_file.name if folder is not None else None
    return own if own is not None and own.exists() else project_file


def cache_dir(root: Path = ROOT) -> Optional[Path]:
    """Where the caches are kept: ASSISTANT_CACHE_DIR, or the project's var/cache/; None when it says « off »
    (every file read in full)."""
    value = os.environ.get("ASSISTANT_CACHE_DIR", "")
    if value.lower() == "off":
        return None
    return Path(value) if value else root / "var" / "cache"


def last_valid_dir(folder: Path) -> Path:
    """Where the copy of the last valid knowledge is kept (actions/live_school.py keeps it, the trainer's tools read
    it): ASSISTANT_LAST_VALID_DIR, else var/knowledge-last-valid/ for the project's own folder, and for another folder
    (ASSISTANT_KNOWLEDGE_DIR) a folder of its own under var/."""
    chosen = os.environ.get("ASSISTANT_LAST_VALID_DIR")
    if chosen:
        return Path(chosen)
    if folder.resolve() == KNOWLEDGE.resolve():
        return VAR / "knowledge-last-valid"
    return VAR / f"knowledge-last-valid-{hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:10]}"


def tracker_store_url() -> str:
    """The conversations' database: TRACKER_STORE_URL, or the embedded SQLite default."""
    return os.environ.get("TRACKER_STORE_URL") or DEFAULT_TRACKER_STORE_URL


def model_build():
    """scripts/model_build.py (make train's record of the model and its check), loaded as a module: the
    console and Rasa's model follower read the same record make train writes."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("model_build", ROOT / "scripts" / "model_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
