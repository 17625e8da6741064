"""Validated profession files, kept by the hash of their content, so that a start pays only for the
files that changed.

Reading a profession file is almost entirely PyYAML's pure-Python parser (the line-aware loader
that gives trainers line numbers). With a catalogue of hundreds of fiches that is most of the
action server's start. A file whose bytes were already validated, by the same schema code, is
rebuilt from its validated form (JSON, validated again by pydantic, which is fast) instead of being
parsed again. A changed or new file goes through the full reading, so an invalid file still stops
the start with its file, field and fix; only valid files are ever kept.

The cache is content-addressed: several knowledge folders (the tests' copies) share it safely.
It is a plain JSON file under var/cache/ (ASSISTANT_CACHE_DIR elsewhere); a missing, corrupt or
unwritable cache only means a slower start.
"""
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Dict, Optional, Tuple

from loading.paths import ROOT, VAR, cache_dir

# The code that decides what a valid file is: a change to it invalidates every entry.
_SCHEMA = hashlib.sha256(b"".join((ROOT / name).read_bytes() for name in (
    "core/knowledge.py", "core/textnorm.py", "loading/knowledge.py", "loading/knowledge_cache.py"))).hexdigest()
MAX_ENTRIES = 5000


def cache_file() -> Path:
    return (cache_dir() or VAR / "cache") / "knowledge.json"


# The last entries read of each cache file, with the file's identity when read: a process that checks or loads
# several projects (make check's tests, the console) decodes a file again only when it was rewritten.
_READ: Dict[Tuple[str, str], Tuple[Tuple[int, int, int], Dict[str, object]]] = {}


def read_entries(path: Path, version: str) -> Dict[str, object]:
    """The entries of a cache file written by the same `version` of its code; {} otherwise. The result is
    shared by the readers of an unchanged file: read it, never change it."""
    try:
        stat = path.stat()
        identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        known = _READ.get((str(path), version))
        if known is not None and known[0] == identity:
            return known[1]
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    ok = isinstance(data, dict) and data.get("version") == version and isinstance(data.get("entries"), dict)
    entries = data["entries"] if ok else {}
    _READ[(str(path), version)] = (identity, entries)
    return entries


def write_entries(path: Path, version: str, used: Dict[str, object], older: Dict[str, object],
                  maximum: int) -> Optional[Dict[str, object]]:
    """Writes the entries used by this run first, then older ones up to `maximum`, atomically; the
    entries written, or None when the folder is not writable (a read-only installation is only slower)."""
    entries = dict(used)
    for key, value in older.items():
        if len(entries) >= maximum:
            break
        entries.setdefault(key, value)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"version": version, "entries": entries}, out, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        return None
    return entries


class KnowledgeCache:
    """{hash of schema + file bytes: the validated profession as JSON data}, read once, saved once."""

    def __init__(self, path: Optional[Path] = None):
        self.path = path or cache_file()
        self._entries: Dict[str, dict] = self._read()
        self._used: Dict[str, dict] = {}
        self._changed = False

    def _read(self) -> Dict[str, dict]:
        return read_entries(self.path, _SCHEMA)

    @staticmethod
    def key(raw: bytes) -> str:
        return hashlib.sha256(_SCHEMA.encode() + raw).hexdigest()

    def profession(self, raw: bytes, build: Callable[[dict], object], read: Callable[[], object]):
        """The profession of these file bytes: rebuilt from its validated form when known (`build`),
        otherwise read and validated in full (`read`, which raises on an invalid file) and kept."""
        key = self.key(raw)
        known = self._entries.get(key)
        if known is not None:
            try:
                profession = build(known)
            except Exception:  # noqa: BLE001 - an entry that no longer builds is read again
                profession = None
            if profession is not None:
                self._used[key] = known
                return profession
        profession = read()
        data = json.loads(profession.json())
        if build(data) == profession:  # only a form that rebuilds exactly the same profession is kept
            self._used[key] = data
            self._changed = True
        return profession

    def save(self) -> None:
        """Writes the entries used by this load first, then older ones; never raises."""
        if not self._changed:
            return
        written = write_entries(self.path, _SCHEMA, self._used, self._entries, MAX_ENTRIES)
        if written is not None:
            self._entries, self._changed = written, False


class NoCache:
    """Every file read and validated in full (ASSISTANT_CACHE_DIR=off)."""

    def profession(self, raw: bytes, build, read):
        return read()

    def save(self) -> None:
        pass


def default_cache():
    return NoCache() if cache_dir() is None else KnowledgeCache()
