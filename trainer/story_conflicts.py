"""Rasa's « Story structure conflict » said in French, with the file and line of each story or rule.

rasa data validate names the stories only (« action_aide predicted in 'salaire puis aide' »); a
trainer needs the file to open. Each name is looked up in data/ (« - story: … » / « - rule: … »).
"""
import re
from pathlib import Path
from typing import Dict, List, Optional, Tuple

_CONFLICT = re.compile(r"Story structure conflict after intent '([^']+)':((?:\n\s+\S+ predicted in '.*)+)")
_PREDICTED = re.compile(r"(\S+) predicted in '(.*?)\s*$", re.M)
_OTHERS = re.compile(r"', and (\d+) other trackers$")
_HEADER = re.compile(r"^\s*-\s*(story|rule)\s*:\s*(.+?)\s*$")


def _places(root: Path) -> Dict[str, Tuple[str, str, int]]:
    """story or rule name -> (kind, file relative to root, line)."""
    found = {}
    for path in sorted((root / "data").rglob("*.yml")):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            match = _HEADER.match(line)
            if match:
                name = match.group(2).strip().strip("\"'")
                found.setdefault(name, (match.group(1), str(path.relative_to(root)), number))
    return found


def _named(name: str, places: Dict[str, Tuple[str, str, int]]) -> str:
    place = places.get(name)
    if place is None:
        return f"« {name} »"
    kind, file, line = place
    return f"{file} ligne {line} ({'l’histoire' if kind == 'story' else 'la règle'} « {name} »)"


def explain(output: str, root: Path) -> List[str]:
    """One French message per story conflict in rasa data validate's output."""
    places: Optional[Dict[str, Tuple[str, str, int]]] = None
    messages = []
    for match in _CONFLICT.finditer(output):
        places = _places(root) if places is None else places
        sides = []
        for action, names in _PREDICTED.findall(match.group(2)):
            # « a' and 'b' », « a', 'b', and 'c' », « a', 'b', and 2 other trackers » (the first quote is read)
            others = _OTHERS.search(names)
            names = names[: others.start()] if others else names[:-1]
            shown = [_named(name, places) for name in re.split(r"', (?:and )?'|' and '", names) if name]
            if others:
                shown.append(f"{others.group(1)} autre(s)")
            sides.append(f"{' et '.join(shown)} mène{'nt' if len(shown) > 1 else ''} à {action}")
        messages.append(
            f"✗ Deux suites différentes après l'intention « {match.group(1)} » : " + " ; ".join(sides)
            + ". Après un même message, l'assistant ne peut suivre qu'une suite : gardez-en une (les sujets "
              "de la fiche vont à action_repondre), ou supprimez l'histoire en trop.")
    return messages
