"""The assistant's knowledge, loaded once and passed to the actions: professions, reply builder and
the details fiches do not give. No Rasa here: tests build one on fixture knowledge files.
"""
from pathlib import Path
from typing import Dict, List, Optional, Union

from core.knowledge import (
    Profession,
    knowledge_dir,
    load_absent_details,
    load_contact,
    load_professions,
    load_templates,
    load_topics,
)
from core.replies import Replier
from core.textnorm import fold, words
from core.understanding import AbsentDetail, absent_detail, phrase_pattern


def profession_text(p: Profession) -> str:
    """Every text of a profession's file, to tell what its fiche mentions."""
    return " ".join(str(value) for value in _strings(p.dict()))


def _strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif node is not None:
        yield node


class Assistant:
    """Professions by id, the reply builder, and the details the fiches do not give."""

    def __init__(self, professions: Dict[str, Profession], replier: Replier,
                 absent_details: List[AbsentDetail], absent_phrases: Dict[str, List[str]]):
        self.professions = professions
        self.replier = replier
        self.absent_details = absent_details
        # Per profession, the patterns of the details its fiche does not mention (built once).
        self._absent_patterns = {}
        for pid, p in professions.items():
            covered = fold(profession_text(p))
            self._absent_patterns[pid] = {
                name: [pattern for pattern in map(phrase_pattern, phrases) if not pattern.search(covered)]
                for name, phrases in absent_phrases.items()}
        self.fact_topics = [t for t in replier.topics.sujets if t != "conseiller"]

    @classmethod
    def load(cls, folder: Union[str, Path, None] = None) -> "Assistant":
        """Reads and validates every knowledge file; KnowledgeError names the file, field and fix."""
        folder = Path(folder) if folder else knowledge_dir()
        topics = load_topics(folder / "sujets.yml")
        details = load_absent_details(folder / "hors_fiche.yml", topics)
        replier = Replier(load_templates(folder / "reponses.yml"), topics, load_contact(folder / "contact.yml"))
        absent = [AbsentDetail(name, d.libelle, d.proche, d.remarque, d.avec_contexte)
                  for name, d in details.precisions.items()]
        phrases = {name: d.expressions for name, d in details.precisions.items()}
        return cls(load_professions(folder / "metiers"), replier, absent, phrases)

    # -- professions -------------------------------------------------------------------------
    @property
    def default(self) -> Profession:
        chosen = self.replier.topics.metier_par_defaut
        return self.professions.get(chosen) or next(iter(self.professions.values()))

    def profession(self, profession_id: Optional[str]) -> Optional[Profession]:
        return self.professions.get(profession_id) if isinstance(profession_id, str) else None

    def named(self, name: str) -> Optional[Profession]:
        """The profession an extracted name refers to ("chargée de mission"), if a file covers it."""
        folded = fold(name).strip()
        for p in self.professions.values():
            if any(alias in folded or folded in alias for alias in map(fold, p.alias + [p.intitule])):
                return p
        return None

    def named_in(self, text: str) -> Optional[Profession]:
        """The profession whose name (an alias of its knowledge file) the message contains, if any.

        A new profession file is understood at once, without retraining: its aliases are enough.
        """
        folded = f" {' '.join(words(text))} "
        best, best_len = None, 0
        for p in self.professions.values():
            for alias in (" ".join(words(a)) for a in p.alias + [p.intitule]):
                if alias and f" {alias} " in folded and len(alias) > best_len:
                    best, best_len = p, len(alias)
        return best

    def is_other_profession(self, name: str, profession: Profession) -> bool:
        """A profession the student named that no knowledge file covers (nor a job the fiche cites)."""
        folded = fold(name).strip()
        if not folded or self.named(folded):
            return False
        related = fold(" ".join(profession.evolutions.postes + [profession.evolutions.ensuite or ""]
                                + [e.poste for e in profession.experiences]))
        return not any(word in related for word in folded.split() if len(word) > 3)

    # -- details the fiche does not give ---------------------------------------------------------
    def absent_detail(self, text: str, profession: Profession) -> Optional[AbsentDetail]:
        return absent_detail(text, self.absent_details, self._absent_patterns[profession.id])
