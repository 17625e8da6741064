"""A school that grows: fictional professions added to a copy of a knowledge folder, each with its
own name, texts and figures, so that `make check` accepts it as a real new profession (no text
copied from another file) and a test cannot tell it from one a trainer wrote.

Used to prove that no test assumes the live knowledge/ holds exactly one profession
(tests/stack/test_school_updates.py).
"""
from pathlib import Path
from typing import List

import yaml

from loading.knowledge import load_profession
from tests.support.knowledge import FIXTURE_PROFESSION

# (id, title, aliases, salary shift): invented professions, names no fiche of the tests uses.
EXTRA = [
    ("cartographe_grottes", "Cartographe de grottes",
     ["cartographe de grottes", "cartographe des grottes", "topographe souterrain"], 1200),
    ("horloger_beffrois", "Horloger(ère) de beffrois",
     ["horloger de beffrois", "horlogere de beffrois", "horloger des beffrois"], 2400),
]
# Fields whose values are names or codes, not texts of the fiche: kept as they are.
KEPT = {"id", "intitule", "alias", "niveau_reference", "unite", "nom", "niveau", "libelle", "famille", "statut"}


def _rewritten(node, title: str, key: str = ""):
    if isinstance(node, dict):
        return {k: _rewritten(v, title, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_rewritten(v, title, key) for v in node]
    if isinstance(node, str) and key not in KEPT:
        return f"{node.rstrip('.')} (métier fictif : {title.lower()})."
    return node


def add_professions(knowledge: Path, count: int = 2) -> List[str]:
    """Writes `count` fictional professions into knowledge/metiers/ (at most len(EXTRA)); their ids."""
    base = yaml.safe_load(FIXTURE_PROFESSION.read_text(encoding="utf-8"))
    written = []
    for pid, title, alias, shift in EXTRA[:count]:
        data = _rewritten(base, title)
        data.update(id=pid, intitule=title, alias=alias)
        for level in data["salaire"]["niveaux"].values():
            level["min"] += shift
            level["max"] += shift
        path = knowledge / "metiers" / f"{pid}.yml"
        path.write_text("# Métier INVENTÉ pour les tests : faits et chiffres fictifs.\n"
                        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
        load_profession(path)  # a generated file that does not validate stops here
        written.append(pid)
    return written
