"""Scores the fiche importer on held-out fiches written apart (tests/fixtures/fiches/heldout/).

Each `<name>.txt` is imported in memory with the importer's own `import_fiche` (read + verification) and
compared to `<name>.expected.yml`, the facts a careful reader takes from the fiche, on what the knowledge
schema can hold: title, famille, salary figures, missions, soft skills, hard skills (names and scores), tools,
constraints, evolutions, stepping-stone job titles.

The diploma facts are scored apart (`diploma_expected`, `diploma_placed`): each expected path of `diplomes` found
in the draft's `parcours` with the right level and the right status (two facts), the answer to « faut-il un
Bac+5 ? » implied by the draft's paths (core/diplomas.py), and the reference level: the highest required path
(a profession may require two State diplomas in turn), else the lowest reference one. A path of the draft with a
status that matches no expected diploma is invented.

A fact is placed when the draft holds it as a read fact (not « À COMPLÉTER »); names are compared leniently
(case, accents, apostrophes, articles and prepositions ignored). A fact is invented when the draft fills a
field the expected file says is absent (null, empty or omitted).

    PYTHONPATH=$PWD .venv/bin/python -m tests.support.importer_heldout
"""
import functools
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, List, Optional

import yaml

from core.diplomas import REFERENCE, REQUIRED, bac5_needed
from loading.knowledge import project_diplomas
from trainer.importer.__main__ import import_fiche
from trainer.importer.facts import Fact, Missing, draft_leaves

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "fiches" / "heldout"

_SMALL = {"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "a", "au", "aux", "en", "sur",
          "pour", "par", "avec", "dans", "ou", "son", "sa", "ses", "leur", "leurs"}


def words(text: str) -> List[str]:
    text = unicodedata.normalize("NFKD", str(text).replace("\u2019", "'").replace("\u2018", "'")).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\((?:e|fe|ere|trice|euse|le|ne|rice|se)\)", "", text)  # « Chef(fe) » and « Chef »
    return [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in _SMALL]


def same(expected: str, got: str) -> bool:
    """Lenient: the same content words, or the draft's name holds the expected words with at most 2 more."""
    e, g = words(expected), words(got)
    if not e or not g:
        return False
    if e == g or set(e) == set(g):
        return True
    return set(e) <= set(g) and len(g) <= len(e) + 2


def node(draft, *path):
    """The node at `path`, or None where the draft has an Absent / Missing / nothing on the way."""
    for part in path:
        if isinstance(draft, dict):
            draft = draft.get(part)
        elif isinstance(draft, list) and isinstance(part, int) and part < len(draft):
            draft = draft[part]
        else:
            return None
    return draft


def facts_in(draft, *path, key: Optional[str] = None) -> List[Any]:
    """The values of the read facts of a list in the draft (of `key` in each item when given)."""
    items = node(draft, *path)
    if not isinstance(items, list):
        return []
    values = []
    for item in items:
        leaf = item.get(key) if key and isinstance(item, dict) else item
        if isinstance(leaf, Fact):
            values.append(leaf.value)
    return values


@dataclass
class Score:
    name: str
    refused: bool = False
    expected: int = 0
    placed: int = 0
    invented: List[str] = field(default_factory=list)
    misses: List[str] = field(default_factory=list)
    markers: int = 0
    diploma_expected: int = 0
    diploma_placed: int = 0

    def diploma(self, what: str, ok: bool) -> None:
        self.diploma_expected += 1
        if ok:
            self.diploma_placed += 1
        else:
            self.misses.append(what)

    def check(self, what: str, ok: bool) -> None:
        self.expected += 1
        if ok:
            self.placed += 1
        else:
            self.misses.append(what)

    def names(self, what: str, expected: List[str], got: List[str]) -> None:
        left = list(got)
        for name in expected or []:
            match = next((g for g in left if isinstance(g, str) and same(name, g)), None)
            if match is not None:
                left.remove(match)
            self.check(f"{what} « {name} »", match is not None)
        if not expected and got:
            self.invented.append(f"{what} : {got}")


@dataclass
class _Path:
    nom: str
    niveau: Optional[int]
    statut: Optional[str]


_OLD_LEVELS = {"bts": 2, "bachelor": 3, "mastere": 5}


def draft_paths(draft) -> List[_Path]:
    """The draft's `parcours` as read facts (a name that is not a read fact is no path)."""
    items = node(draft, "parcours")
    paths = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("nom"), Fact):
            continue
        level, status = item.get("niveau"), item.get("statut")
        paths.append(_Path(item["nom"].value, level.value if isinstance(level, Fact) else None,
                           status.value if isinstance(status, Fact) else None))
    return paths


def reference_level(paths) -> Optional[int]:
    required = [p.niveau for p in paths if p.statut == REQUIRED and p.niveau is not None]
    if required:
        return max(required)
    reference = [p.niveau for p in paths if p.statut == REFERENCE and p.niveau is not None]
    return min(reference) if reference else None


def _diploma_match(expected: str, candidates: List[_Path]) -> Optional[_Path]:
    """The draft path for an expected diploma: the same words, else the only one of the same kind of diploma."""
    match = next((p for p in candidates if same(expected, p.nom) or same(p.nom, expected)), None)
    if match is None:
        kind = project_diplomas().kind_of(expected)
        of_kind = [p for p in candidates if kind and project_diplomas().kind_of(p.nom) == kind]
        match = of_kind[0] if len(of_kind) == 1 else None
    return match


def score_diplomas(score: "Score", draft, expected: dict) -> None:
    paths = draft_paths(draft)
    left = list(paths)
    for diploma in expected.get("diplomes") or []:
        match = _diploma_match(diploma["nom"], left)
        if match is not None:
            left.remove(match)
        score.diploma(f"niveau du diplôme « {diploma['nom']} »", match is not None and match.niveau == diploma["niveau"])
        score.diploma(f"statut du diplôme « {diploma['nom']} »", match is not None and match.statut == diploma["statut"])
    score.invented += [f"parcours « {p.nom} » : {p.statut}" for p in left if p.statut]
    old = node(draft, "diplome", "bac5_necessaire")
    bac5 = old.value if isinstance(old, Fact) else (bac5_needed(paths) if any(p.statut for p in paths) else None)
    if expected.get("bac5_necessaire") is not None:
        score.diploma("réponse à « faut-il un Bac+5 ? »", bac5 == expected["bac5_necessaire"])
    old = node(draft, "diplome", "niveau_reference")
    level = _OLD_LEVELS.get(old.value) if isinstance(old, Fact) else reference_level(paths)
    if expected.get("niveau_reference") is not None:
        score.diploma("niveau de référence", level == expected["niveau_reference"])


@functools.lru_cache(maxsize=None)
def imported(text: str, name: str) -> tuple:
    """import_fiche's result for a held-out fiche, once per process: three test modules read the same fiches
    (callers only read it)."""
    return import_fiche(text, name)


def score_fiche(text: str, expected: dict, name: str = "") -> Score:
    draft = imported(text, name + ".txt")[0]
    score = Score(name)
    score.markers = sum(1 for _, leaf in draft_leaves(draft) if isinstance(leaf, Missing))
    score.refused = not isinstance(draft.get("id"), Fact)
    omitted = set(expected.get("omis") or [])
    title = draft.get("intitule")
    score.check("intitulé", isinstance(title, Fact) and same(expected["intitule"], title.value))
    family = draft.get("famille")
    if expected.get("famille"):
        score.check("famille", isinstance(family, Fact) and same(expected["famille"], family.value))
    elif isinstance(family, Fact):
        score.invented.append(f"famille : {family.value}")
    for level in ("debutant", "confirme"):
        figures = (expected.get("salaire") or {}).get(level)
        for bound in ("min", "max"):
            got = node(draft, "salaire", "niveaux", level, bound)
            if figures:
                score.check(f"salaire {level} {bound}", isinstance(got, Fact) and got.value == figures[bound])
            elif isinstance(got, Fact):
                score.invented.append(f"salaire {level} {bound} : {got.value}")
    score.names("mission", expected.get("missions"), facts_in(draft, "missions", key="intitule"))
    score.names("soft skill", expected.get("soft_skills"), facts_in(draft, "soft_skills", "qualites", key="nom"))
    hard = node(draft, "hard_skills", "competences")
    hard = hard if isinstance(hard, list) else []
    got_hard = [(item.get("nom"), item.get("score")) for item in hard if isinstance(item, dict)]
    left = [(n.value, s) for n, s in got_hard if isinstance(n, Fact)]
    for skill in expected.get("hard_skills") or []:
        match = next((pair for pair in left if same(skill["nom"], pair[0])), None)
        if match:
            left.remove(match)
        score.check(f"hard skill « {skill['nom']} »", match is not None)
        if skill.get("score") is not None:
            score.check(f"score de « {skill['nom']} »",
                        match is not None and isinstance(match[1], Fact) and match[1].value == skill["score"])
        elif match is not None and isinstance(match[1], Fact):
            score.invented.append(f"score de « {skill['nom']} » : {match[1].value}")
    if not expected.get("hard_skills") and left:
        score.invented.append(f"hard skills : {[n for n, _ in left]}")
    score.names("outil", expected.get("outils"), facts_in(draft, "outils", "categories", key="nom"))
    score.names("contrainte", expected.get("contraintes"), facts_in(draft, "contraintes", "liste"))
    score.names("évolution", expected.get("evolutions"), facts_in(draft, "evolutions", "postes"))
    score.names("tremplin", expected.get("experiences"), facts_in(draft, "experiences", key="poste"))
    score_diplomas(score, draft, expected)
    del omitted
    return score


def score_all(folder: Path = HELDOUT) -> List[Score]:
    scores = []
    for fiche in sorted(folder.glob("*.txt")):
        expected = yaml.safe_load(fiche.with_suffix(".expected.yml").read_text(encoding="utf-8"))
        scores.append(score_fiche(fiche.read_text(encoding="utf-8"), expected, fiche.stem))
    return scores


def totals(scores: List[Score]) -> dict:
    expected = sum(s.expected for s in scores)
    placed = sum(s.placed for s in scores)
    diploma_expected = sum(s.diploma_expected for s in scores)
    diploma_placed = sum(s.diploma_placed for s in scores)
    return {"diploma_facts": diploma_expected, "diploma_placed": diploma_placed,
            "diploma_percent": round(100 * diploma_placed / diploma_expected, 1) if diploma_expected else 0.0,
            "fiches": len(scores), "facts": expected, "placed": placed,
            "percent": round(100 * placed / expected, 1) if expected else 0.0,
            "refused": sum(s.refused for s in scores), "invented": sum(len(s.invented) for s in scores),
            "markers": sum(s.markers for s in scores)}


def main(argv: List[str]) -> int:
    verbose = "-v" in argv
    scores = score_all()
    for s in scores:
        print(f"{s.name:40} {s.placed:3}/{s.expected:<3} "
              f"diplômes {s.diploma_placed:2}/{s.diploma_expected:<2} {'REFUSÉE ' if s.refused else ''}"
              f"inventés {len(s.invented)}  À COMPLÉTER {s.markers}")
        if verbose:
            for miss in s.misses:
                print(f"    manque : {miss}")
            for invented in s.invented:
                print(f"    inventé : {invented}")
    print(totals(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
