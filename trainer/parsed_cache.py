"""The trainer tools' YAML documents (with their line numbers), kept by the hash of each file's text.

make check reads every file of the project with a line-aware PyYAML loader, so that each message can
name its line. With a catalogue of hundreds of fiches, that pure-Python parsing is nearly all of its
time. A text already parsed in an earlier run is rebuilt from its stored form (JSON: each mapping and
list with its lines) instead; a changed file is parsed again, and a file that does not parse is never
stored, so every message is the same as without the cache. Stored next to the knowledge cache
(var/cache/, or ASSISTANT_CACHE_DIR; « off » disables both).
"""
import hashlib
from pathlib import Path
from typing import Callable, Dict, Optional

from loading.knowledge_cache import cache_file, read_entries, write_entries
from loading.paths import cache_dir

MAX_ENTRIES = 3000


class Unstorable(Exception):
    """A value JSON cannot hold as it is (a date, a tuple key…): the document is not stored."""


def encode(node, mapping: type, sequence: type):
    if isinstance(node, mapping):
        return {"m": node.line, "k": [[encode(k, mapping, sequence), encode(v, mapping, sequence),
                                       node.lines.get(k), node.value_lines.get(k)] for k, v in node.items()]}
    if isinstance(node, sequence):
        return {"s": node.line, "i": [[encode(v, mapping, sequence), line] for v, line in zip(node, node.lines)]}
    if node is None or type(node) in (str, int, float, bool):
        return node
    raise Unstorable(type(node).__name__)


def decode(data, mapping: type, sequence: type):
    if isinstance(data, dict) and "m" in data:
        result = mapping(data["m"])
        for key, value, key_line, value_line in data["k"]:
            key = decode(key, mapping, sequence)
            result[key] = decode(value, mapping, sequence)
            if key_line is not None:
                result.lines[key] = key_line
            if value_line is not None:
                result.value_lines[key] = value_line
        return result
    if isinstance(data, dict):
        result = sequence(data["s"])
        for value, line in data["i"]:
            result.append(decode(value, mapping, sequence))
            result.lines.append(line)
        return result
    return data


class ParsedCache:
    """{hash of the loader's code + the text: the stored document}, read once, saved once."""

    def __init__(self, version: bytes, mapping: type, sequence: type, path: Optional[Path] = None):
        self.enabled = cache_dir() is not None
        self.path = path or cache_file().with_name("trainer-yaml.json")
        self.version = hashlib.sha256(version).hexdigest()
        self.mapping, self.sequence = mapping, sequence
        self._entries: Dict[str, object] = self._read() if self.enabled else {}
        self._used: Dict[str, object] = {}
        self._changed = False

    def _read(self) -> Dict[str, object]:
        return read_entries(self.path, self.version)

    def parse(self, text: str, parse: Callable[[str], object]):
        """The document of `text`: rebuilt when stored, else `parse(text)` (which may raise) and stored."""
        return self._through("", text, parse, lambda document: encode(document, self.mapping, self.sequence),
                             lambda stored: decode(stored, self.mapping, self.sequence))

    def parse_plain(self, text: str, parse: Callable[[str], object]):
        """The value `parse(text)` (JSON as it is: lists, strings, numbers), stored by the same rules."""
        return self._through("plain:", text, parse, lambda value: value, lambda stored: stored)

    def _through(self, kind: str, text: str, parse: Callable[[str], object], store: Callable, rebuild: Callable):
        """`parse(text)`, or what was stored for the same text, as `store` writes it and `rebuild` reads it back."""
        if not self.enabled:
            return parse(text)
        key = kind + hashlib.sha256(text.encode("utf-8")).hexdigest()
        if key in self._entries:
            self._used[key] = self._entries[key]
            return rebuild(self._entries[key])
        value = parse(text)
        try:
            self._used[key] = store(value)
            self._changed = True
        except Unstorable:
            pass
        return value

    def save(self) -> None:
        """Entries used by this run first, then older ones; a failure only means no cache."""
        if not self._changed:
            return
        written = write_entries(self.path, self.version, self._used, self._entries, MAX_ENTRIES)
        if written is not None:
            self._entries, self._changed = written, False
