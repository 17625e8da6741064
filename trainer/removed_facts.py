"""Facts that disappeared from a profession's knowledge file: `make check` names each one, with its file and
field, so that a block deleted by mistake (a misaligned « confirme: » removed instead of realigned) is
never lost without a word.

Three references: the file's last version saved in git (the project is a clone: while `make run` reloads
each saved edit, this one does not move until the trainer commits), the last valid knowledge the assistant
answered with (var/knowledge-last-valid/, kept by actions/live_school.py), and the school's fiche the file
was made from, when its header names it and it is found (read as `make importer` reads it). A field or a
list item whose text is in a reference and no longer anywhere in the file is removed; a changed value is a
trainer's edit, not a removal, and is not reported.
"""
import re
import subprocess
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

import yaml

from core import yamlcache
from core.textnorm import fold
from loading.paths import last_valid_dir


def _texts(node) -> Iterator[str]:
    """Every scalar of a YAML node, folded and on one line."""
    if isinstance(node, dict):
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)
    elif node is not None and str(node).strip():
        yield " ".join(fold(str(node)).split())


def _shown(node) -> str:
    """The first words of a removed fact, as the trainer wrote them."""
    first = next((t for t in _plain(node)), "")
    return first if len(first) <= 70 else first[:69].rstrip() + "…"


def _plain(node) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _plain(value)
    elif isinstance(node, list):
        for value in node:
            yield from _plain(value)
    elif node is not None and str(node).strip():
        yield " ".join(str(node).split())


def _empty(node) -> bool:
    return node is None or (isinstance(node, (str, list, dict)) and not _texts_any(node))


def _texts_any(node) -> bool:
    return next(_texts(node), None) is not None


def removed(old, new, field: str = "", kept: Optional[set] = None) -> List[Tuple[str, str]]:
    """(field, the start of its text) of each fact of `old` gone from `new` (two profession documents).
    A fact whose texts are all still in the file elsewhere (a misaligned block) moved: not removed."""
    kept = set(_texts(new)) if kept is None else kept
    found: List[Tuple[str, str]] = []
    if isinstance(old, dict):
        current = new if isinstance(new, dict) else {}
        for key, value in old.items():
            name = f"{field}.{key}" if field else str(key)
            if _empty(value):
                continue
            if key not in current or _empty(current[key]):
                if not all(text in kept for text in _texts(value)):
                    found.append((name, _shown(value)))
            else:
                found += removed(value, current[key], name, kept)
    elif isinstance(old, list) and isinstance(new, list) and len(new) < len(old):
        # items removed from a list: those none of whose texts is left in it (an edited item keeps some)
        left = set(_texts(new))
        for number, item in enumerate(old, 1):
            if _texts_any(item) and not any(text in left for text in _texts(item)):
                found.append((f"{field} (élément n° {number})", _shown(item)))
    return found


def last_valid_folder(knowledge: Path) -> Optional[Path]:
    """The copy of the last valid knowledge of this folder, if the assistant ever ran on it."""
    folder = last_valid_dir(knowledge)
    return folder if (folder / "metiers").is_dir() else None


def _read(path: Path):
    """The document of a YAML file (LibYAML where it reads as PyYAML does: core/yamlcache.py), or None."""
    try:
        return yamlcache.parse(path.read_text(encoding="utf-8"), yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return None


def removed_facts(knowledge: Path, last_valid: Optional[Path]) -> List[Tuple[Path, str, str]]:
    """(profession file, field, start of its text) of every fact of the last valid copy that is no longer in
    the knowledge folder's file of the same name. A file that cannot be read is make check's other problem."""
    if last_valid is None:
        return []
    found = []
    for before in sorted((last_valid / "metiers").glob("*.yml")):
        path = knowledge / "metiers" / before.name
        old, new = _read(before), _read(path) if path.exists() else None
        if not isinstance(old, dict) or not isinstance(new, dict):
            continue   # a removed file is a removed profession, a broken one is reported as such
        found += [(path, field, text) for field, text in removed(old, new)]
    return found


# « … la fiche métier de l'école (shared/seed/000_….txt) », « … à partir de fiche.txt »: the fiche's file.
_FICHE_NAME = re.compile(r"([\w./-]+\.txt)\b")


def fiche_of(path: Path, root: Path) -> Optional[Path]:
    """The fiche a knowledge file's opening comments name, if it is found next to the project (its folder,
    the folders above it, or fiches/)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    for name in _FICHE_NAME.findall("\n".join(header)):
        for base in (root, root.parent, root.parent.parent, root / "fiches"):
            candidate = base / name
            if candidate.is_file():
                return candidate
    return None


def removed_from_fiches(knowledge: Path, root: Path) -> List[Tuple[Path, str, str, Path]]:
    """(profession file, field, start of its text, fiche) of every fact the importer reads in the file's fiche
    that the file no longer has."""
    found = []
    for path in sorted((knowledge / "metiers").glob("*.yml")):
        fiche = fiche_of(path, root)
        if fiche is None:  # most files of a catalogue: nothing to compare, the file is not even parsed
            continue
        current = _read(path)
        if not isinstance(current, dict):
            continue
        try:
            from trainer.importer.__main__ import import_fiche
            read = yaml.safe_load(import_fiche(fiche.read_text(encoding="utf-8"), fiche.name)[1])
        except Exception:   # noqa: BLE001 - a fiche the importer cannot read is make importer's to say
            continue
        if isinstance(read, dict):
            found += [(path, field, text, fiche) for field, text in removed(read, current)]
    return found


def _git(root: Path, *args: str) -> Optional[str]:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def removed_since_commit(knowledge: Path, root: Path) -> List[Tuple[Path, str, str]]:
    """(profession file, field, start of its text) of every fact of the files' last committed version that
    is no longer in them; nothing outside a git clone. Only the files git says changed are read."""
    top = _git(root, "rev-parse", "--show-toplevel")
    folder = knowledge / "metiers"
    if not top or not folder.is_dir():
        return []
    changed = _git(root, "diff", "--name-only", "HEAD", "--", str(folder.resolve()))
    found = []
    for name in (changed or "").splitlines():
        path = Path(top.strip()) / name
        if path.suffix != ".yml" or not path.exists():
            continue
        committed = _git(root, "show", f"HEAD:{name}")
        try:
            old = yaml.safe_load(committed) if committed else None
        except yaml.YAMLError:
            old = None
        new = _read(path)
        if isinstance(old, dict) and isinstance(new, dict):
            found += [(path, field, text) for field, text in removed(old, new)]
    return found
