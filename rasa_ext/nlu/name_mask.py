"""The professions' names, taken out of a message before its intent is read.

The training examples name the school's profession in every topic, but most often in the definition
questions (« c'est quoi un chargé de … ? »): a classifier on words and letters learns that the name itself
means « definition », and « c'est quoi les côtés difficiles du métier de <nom> ? » was answered with the
definition. Which profession a message names is the dialogue's business (core/names.py); what it asks is
read without the name, at training and at prediction alike.

The names are those of the knowledge files when the model is trained (each profession's title in its
typed forms and its aliases), kept in the model: a profession added later is not in the training examples
either, so nothing was learned from its name.
"""
import logging
import re
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

import yaml

from core import yamlcache
from core.gender import gender_forms
from core.names import typed_forms
from core.textnorm import fold

logger = logging.getLogger(__name__)

# A name shorter than this is too easily an ordinary word of a question (« RI » alone is left).
MIN_NAME_LENGTH = 6
_WORD = re.compile(r"\w+")


# A top-level key of a profession file: where its « intitule » and « alias » start and end.
_TOP_KEY = re.compile(r"^([A-Za-z_]\w*)\s*:", re.MULTILINE)
_NAME_KEYS = ("intitule", "alias")


def _names_part(text: str) -> str:
    """The top-level « intitule » and « alias » entries of a profession file's text, as YAML of their own: a national
    catalogue's fiches are read for their names only, not parsed whole at each training; "" when the file has
    neither at the top level."""
    keys = list(_TOP_KEY.finditer(text))
    return "".join(text[m.start():keys[i + 1].start() if i + 1 < len(keys) else len(text)]
                   for i, m in enumerate(keys) if m.group(1) in _NAME_KEYS)


def knowledge_names(folder: Path) -> List[str]:
    """The folded names (title forms and aliases) of every profession file of `folder`/metiers/."""
    names = set()
    for path in sorted((folder / "metiers").glob("*.yml")):
        try:
            text = path.read_text(encoding="utf-8")
            try:  # (a file whose names cannot be read apart, a flow mapping say, is read whole)
                data = yamlcache.parse(_names_part(text), yaml.SafeLoader) or {}
            except yaml.YAMLError:
                data = {}
            if not isinstance(data, dict) or "intitule" not in data:
                data = yamlcache.parse(text, yaml.SafeLoader) or {}
        except (OSError, yaml.YAMLError):
            logger.warning("%s illisible : ses noms ne sont pas retirés des messages à l'entraînement.", path)
            continue
        if not isinstance(data, dict):
            continue
        title = data.get("intitule")
        forms = [t for g in gender_forms(title) for t in typed_forms(g)] if isinstance(title, str) else []
        forms += [a for a in data.get("alias") or () if isinstance(a, str)]
        names |= {" ".join(fold(f).split()) for f in forms}
    return sorted(n for n in names if len(n) >= MIN_NAME_LENGTH)


class NameMask:
    """Takes the given folded names out of a folded text, longest first, whole words only. Looked up by their first
    word: the cost of a message does not grow with the number of names (a national catalogue has thousands)."""

    def __init__(self, names: Iterable[str]):
        self.names = sorted(set(names), key=lambda n: (-len(n), n))
        self._by_first: Dict[str, List[Tuple[str, ...]]] = {}
        for name in self.names:
            words = tuple(_WORD.findall(name))
            if words:
                self._by_first.setdefault(words[0], []).append(words)
        for found in self._by_first.values():
            found.sort(key=len, reverse=True)

    def __call__(self, folded: str) -> str:
        if not self._by_first:
            return folded
        tokens = list(_WORD.finditer(folded))
        words = [m.group() for m in tokens]
        out, kept, i = [], 0, 0
        while i < len(words):
            name = next((n for n in self._by_first.get(words[i], ()) if tuple(words[i:i + len(n)]) == n), None)
            if name is None:
                i += 1
                continue
            out += [folded[kept:tokens[i].start()], " "]
            kept, i = tokens[i + len(name) - 1].end(), i + len(name)
        return "".join(out) + folded[kept:]
