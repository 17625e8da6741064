"""Which diploma a message names, and what a fiche's paths say of it.

The diploma words are data (knowledge/diplomes.yml, read by loading/knowledge.py into a `Diplomas`): which
diploma a student means by « CAP », « une licence pro », « DE » or « bac+3 ». What a diploma is worth for a
profession is only in the profession's fiche (its `parcours`, core/knowledge.py): this module reads both, and
the wording stays in knowledge/reponses.yml (core/replies.py).
"""
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from pydantic import BaseModel, Extra, conint, constr

from core.textnorm import fold

# Statuses of a path for a profession (core/knowledge.py validates them).
REQUIRED, REFERENCE, SUFFICIENT, NOT_ENOUGH_ALONE, TO_EVOLVE = (
    "requis", "reference", "suffisant", "insuffisant_seul", "utile_pour_evoluer")
STATUSES = (REQUIRED, REFERENCE, SUFFICIENT, NOT_ENOUGH_ALONE, TO_EVOLVE)
# The Bac+5 of « faut-il un Bac+5 ? ».
BAC5 = 5
# « sans », « pas de », « aucun » / « juste », « seulement », « je n'ai qu'un » before a diploma.
_LACK = re.compile(r"\bsans\b|\bpas (?:de |d'|d |un |une |le |la |fait |faire |eu |obtenu |avoir |envie )?"
                   r"|\baucun|\bni\b|\bjamais\b")
_ONLY = re.compile(r"\bjuste\b|\bseulement\b|\buniquement\b|\b(?:ai|as|a|aurai|avoir) qu'?une?\b"
                   r"|\bn'?(?:ai|as|a|aurai) que\b|\bsimple\b|\bsans plus\b")
# « bac+3 », « bac +2 », « bac 5 », « bac3 »: a level named without a diploma.
_BAC_PLUS = re.compile(r"\bbac\s*\+?\s*(\d)\b")


class _Kind(BaseModel):
    class Config:
        extra = Extra.forbid

    nom: constr(min_length=1)
    niveau: Optional[conint(ge=-1, le=8)]
    mots: List[constr(min_length=1)] = []
    sigles: List[constr(min_length=1)] = []
    genre: constr(regex=r"^[mf]$") = "m"
    proches: List[str] = []
    sujet: Optional[constr(min_length=1)] = None


class _Articles(BaseModel):
    le: constr(min_length=1)
    un: constr(min_length=1)
    seul: constr(min_length=1)


class DiplomaWords(BaseModel):
    """knowledge/diplomes.yml."""

    class Config:
        extra = Extra.forbid

    diplomes: Dict[str, _Kind]
    etudes: Dict[int, List[constr(min_length=1)]] = {}
    niveaux: Dict[str, constr(min_length=1)]
    articles: Dict[str, _Articles]


@dataclass(frozen=True)
class Mention:
    """A diploma or a level a message names: `kind` (a key of diplomes.yml) or None for a bare level."""
    kind: Optional[str]
    level: Optional[int]
    start: int
    end: int
    situation: Optional[str] = None   # "sans" (the student lacks it), "seulement" (the only one they have)


class Diplomas:
    """A school's diploma vocabulary (`DiplomaWords`), its patterns compiled once: which diploma or level a
    message names, and how answers name one."""

    def __init__(self, words: DiplomaWords):
        self.words = words
        patterns = []
        for kind, entry in words.diplomes.items():
            for word in entry.mots:
                # « bac » is not « bac+5 » nor « bac 3 »: a number after it names a level.
                after = r"(?!\s*\+?\s*\d)" if fold(word).split()[-1] in ("bac", "baccalaureat") else ""
                patterns.append((kind, re.compile(r"(?<![a-z0-9])" + re.escape(fold(word)) + r"(?![a-z0-9])" + after),
                                 False))
            for sigle in entry.sigles:
                patterns.append((kind, re.compile(r"(?<![A-Za-z0-9])" + re.escape(sigle) + r"(?![A-Za-z0-9])"), True))
        # (kind, pattern, on the raw text) for every way of writing a diploma
        self._patterns: Tuple[Tuple[str, "re.Pattern", bool], ...] = tuple(patterns)
        # the phrases of a length of study (« trois ans d'études »)
        self._studies = tuple((level, re.compile(r"(?<![a-z0-9])" + re.escape(fold(phrase)) + r"(?![a-z0-9])"))
                              for level, phrases in words.etudes.items() for phrase in phrases)
        self._kinds: Dict[str, Optional[str]] = {}

    def mentions(self, text: str, folded: Optional[str] = None) -> List[Mention]:
        """The diplomas and levels a message names, in order; where two overlap, the longest wins. `folded`: the
        message already folded, when the caller has it (a Question's)."""
        folded = fold(text or "") if folded is None else folded
        shouted = (text or "").upper() == (text or "") and any(c.isalpha() for c in text or "")
        found: List[Mention] = []
        for kind, pattern, raw in self._patterns:
            if raw and shouted:
                continue  # a message all in capitals: « DE » is the word « de »
            for m in pattern.finditer(text if raw else folded):
                found.append(Mention(kind, self.words.diplomes[kind].niveau, m.start(), m.end()))
        for m in _BAC_PLUS.finditer(folded):
            found.append(Mention(None, int(m.group(1)), m.start(), m.end()))
        for level, pattern in self._studies:
            for m in pattern.finditer(folded):
                found.append(Mention(None, level, m.start(), m.end()))
        kept: List[Mention] = []
        for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
            if all(m.end <= k.start or m.start >= k.end for k in kept):
                kept.append(m)
        kept.sort(key=lambda m: m.start)
        return [Mention(m.kind, m.level, m.start, m.end, _situation(folded, m.start)) for m in kept]

    def topics_written(self, text: str, folded: Optional[str] = None) -> List[Tuple[str, Mention]]:
        """(topic, mention) of each diploma or level a message names that a diploma topic answers, in order
        (diplomes.yml « sujet »: « une licence » is asked under the Bachelor's; a level alone, « bac+5 », under the
        topic of the diploma of that level that is its own topic)."""
        own = {entry.niveau: entry.sujet for kind, entry in self.words.diplomes.items() if entry.sujet == kind}
        found = []
        for m in self.mentions(text, folded):
            topic = self.words.diplomes[m.kind].sujet if m.kind else own.get(m.level)
            if topic:
                found.append((topic, m))
        return found

    def kind_of(self, name: str) -> Optional[str]:
        """The kind of diploma a path's name is (« Diplôme d'État d'infirmier » -> diplome_etat), if known."""
        if name not in self._kinds:
            found = self.mentions(name)
            self._kinds[name] = found[0].kind if found and found[0].kind else None
        return self._kinds[name]

    def level_of(self, kind: str) -> Optional[int]:
        """The usual level of a kind of diploma (diplomes.yml's `niveau`)."""
        return self.words.diplomes[kind].niveau

    def level_label(self, level: Optional[int]) -> str:
        """-1 -> « avant le bac », 3 -> « Bac+3 », as diplomes.yml writes them."""
        labels = self.words.niveaux
        if level is None:
            return ""
        return labels.get(str(level)) or labels["autre"].format(niveau=level)

    def named(self, name: str, level: Optional[int], kind: Optional[str], which: Optional[str] = None) -> str:
        """« Bachelor (Bac+3) »; with the article `which` of its kind: « le Bachelor (Bac+3) », « une Licence
        (Bac+3) »; with no level: « le Diplôme d'État d'infirmier »."""
        label = self.level_label(level)
        text = f"{name} ({label})" if label else name
        return f"{self.article(kind, which)} {text}" if which else text

    def labelled(self, path, which: Optional[str] = None) -> str:
        """« BTS (Bac+2) », « le BTS (Bac+2) »: a fiche's path named with its level, as answers show it."""
        return self.named(path.nom, path.niveau, self.kind_of(path.nom) if which else None, which)

    def article(self, kind: Optional[str], which: str) -> str:
        """« le » / « la », « un » / « une », « seul » / « seule » for a diploma kind (masculine when unknown)."""
        genre = self.words.diplomes[kind].genre if kind in self.words.diplomes else "m"
        return getattr(self.words.articles[genre], which)

    def kind_name(self, kind: str) -> str:
        return self.words.diplomes[kind].nom

    def close_kinds(self, kind: str) -> Tuple[str, ...]:
        """The kind and those students confuse with it (master -> mastere)."""
        return (kind,) + tuple(self.words.diplomes[kind].proches) if kind in self.words.diplomes else (kind,)

    def path_of(self, paths: Sequence, kind: Optional[str]):
        """The fiche's path of this kind of diploma (or of a kind students confuse with it), if any."""
        if kind is None:
            return None
        for wanted in self.close_kinds(kind):
            for p in paths:
                if self.kind_of(p.nom) == wanted:
                    return p
        return None


def _situation(folded: str, start: int) -> Optional[str]:
    before = folded[max(0, start - 40):start]
    window = " ".join(before.split()[-6:]) + " "
    if _ONLY.search(window):
        return "seulement"
    if _LACK.search(window):
        return "sans"
    return None


# -- what a fiche's paths say ---------------------------------------------------------------------
def required(paths: Sequence) -> List:
    """The paths the profession requires (a regulated diploma)."""
    return [p for p in paths if p.statut == REQUIRED]


def references(paths: Sequence) -> List:
    """The paths that set the level to exercise: the required ones, else the reference ones."""
    return required(paths) or [p for p in paths if p.statut == REFERENCE]


def needed_level(paths: Sequence) -> Optional[int]:
    """The level a student must reach to exercise, after the fiche: the highest of its required paths (a
    regulated profession may require a State diploma, then a second one after it: both are needed), else the
    lowest of its reference paths (each one is a way in)."""
    needed = [p.niveau for p in required(paths) if p.niveau is not None]
    if needed:
        return max(needed)
    levels = [p.niveau for p in references(paths) if p.niveau is not None]
    return min(levels) if levels else None


def bac5_needed(paths: Sequence) -> bool:
    """Yes only if the level needed (needed_level) is Bac+5 or above."""
    level = needed_level(paths)
    return level is not None and level >= BAC5


def suffices(path, paths: Sequence) -> bool:
    """Whether the fiche says this path lets a student exercise: required, reference or sufficient; a
    path to evolve at or above the reference level when the profession requires no other diploma."""
    if path.statut in (REQUIRED, REFERENCE, SUFFICIENT):
        return True
    if path.statut == TO_EVOLVE and not required(paths):
        level = needed_level(paths)
        return level is not None and path.niveau is not None and path.niveau >= level
    return False
