"""What a student's message says beyond its topic: negations about diplomas, superlatives, and
details the fiche does not give.

Pure functions on text (no Rasa, no facts): the reply builder turns their results into answers.
"""
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from core.textnorm import fold

DIPLOMAS = ("bts", "bachelor", "mastere")
# Ways of writing each diploma, on folded text (the lookup tables give the entity; this also finds
# "5 ans d'études" or "études longues", which no entity covers).
_DIPLOMA_WORDS = {
    "bts": r"bts|bac ?\+? ?2\b|deux ans d'etudes",
    "bachelor": r"bachelors?|bachlor|bac ?\+? ?3\b|licence|trois ans d'etudes|3 ans d'etudes",
    "mastere": r"masteres?|masters?|mastaire|bac ?\+? ?5\b|mba|cinq ans d'etudes|5 ans d'etudes|etudes longues"
               r"|faire 5 ans|faire cinq ans",
}
# "sans master", "je n'ai pas de bac+5", "je ne veux pas faire 5 ans d'études", "aucun diplôme".
_LACK = re.compile(r"\bsans\b|\bpas (?:de |d'|d |un |une |le |la |fait |faire |eu |obtenu |avoir |envie )?"
                   r"|\baucun|\bni\b|\bjamais\b")
# "juste un BTS", "seulement un bachelor", "je n'ai qu'un bac+3", "uniquement".
_ONLY = re.compile(r"\bjuste\b|\bseulement\b|\buniquement\b|\b(?:ai|as|a|aurai|avoir) qu'?une?\b"
                   r"|\bn'?(?:ai|as|a|aurai) que\b|\bsimple\b|\bsans plus\b")


@dataclass(frozen=True)
class DiplomaSituation:
    """The student's situation: which diploma they lack ("sans"), or the only one they have ("juste")."""
    kind: str  # "sans" or "seulement"
    diploma: str


def diplomas_named(text: str) -> List[str]:
    folded = fold(text)
    found = [(m.start(), name) for name, pattern in _DIPLOMA_WORDS.items()
             for m in re.finditer(rf"\b(?:{pattern})", folded)]
    return [name for _, name in sorted(found)]


def diploma_situation(text: str) -> Optional[DiplomaSituation]:
    """The negation or restriction a message puts on a diploma, if any.

    "sans master, j'ai une chance ?" -> sans/mastere; "juste un BTS ça suffit ?" -> seulement/bts.
    The negation must come before the diploma it applies to, within a few words.
    """
    folded = fold(text)
    for name, pattern in _DIPLOMA_WORDS.items():
        for match in re.finditer(rf"\b(?:{pattern})", folded):
            before = folded[max(0, match.start() - 40):match.start()]
            window = " ".join(before.split()[-6:]) + " "
            if _ONLY.search(window):
                return DiplomaSituation("seulement", name)
            if _LACK.search(window):
                return DiplomaSituation("sans", name)
    return None


# -- superlatives (the fiche scores its hard skills) -----------------------------------------
_LEAST = re.compile(r"\bmoins\b|plus faible|plus bas|plus petite?\b|dernier|derniere|least|lowest|worst")
_MOST = re.compile(r"\bplus (?:importante?|utile|demandee?|essentielle?|forte?|haut|eleve|compte)|\ble plus\b|\bla plus\b"
                   r"|meilleur|mieux (?:notee?|classee?|placee?)|prioritaire|\bprincipale?\b|numero (?:un|1)|\bn ?°? ?1\b"
                   r"|\btop\b|\bmost\b|highest|\bbest\b|compte le plus")


def superlative(text: str) -> Optional[str]:
    """"min" for "la compétence qui compte le moins", "max" for "la plus importante", else None."""
    folded = fold(text)
    if _LEAST.search(folded):
        return "min"
    if _MOST.search(folded):
        return "max"
    return None


# -- details the fiche does not give ----------------------------------------------------------
@dataclass(frozen=True)
class AbsentDetail:
    id: str
    label: str
    closest: Optional[str]  # a topic, "question" (the topic asked), or None
    note: Optional[str]
    # A place or a price alone is no question about the job: outside a topic, the message must
    # also speak of work or studies ("quel temps fait-il à Paris ?" stays out of scope).
    needs_context: bool = False


# Words whose meaning a number after them changes: « sans le bac » is not « sans le bac+5 » nor
# « sans le bac 5 ». A phrase ending with one of them never matches when a number follows.
LEVEL_WORDS = ("bac", "baccalaureat")


def phrase_pattern(phrase: str) -> "re.Pattern":
    """A phrase as a whole-word pattern on folded text ("congés" also matches "conges")."""
    folded = fold(phrase)
    number_after = r"(?!\s*\+?\s*\d)" if folded.split()[-1:] and folded.split()[-1] in LEVEL_WORDS else ""
    return re.compile(r"(?<![a-z0-9])" + re.escape(folded) + r"(?![a-z0-9])" + number_after)


# Words that tie a message to work or studies. A place or a price alone ("quel temps fait-il à Paris ?",
# "combien coûte un kebab ?") does not make an out-of-scope message a question about the job.
_WORK_OR_STUDIES = re.compile(
    r"\b(?:metiers?|postes?|jobs?|boulots?|taf|travail\w*|bosse\w*|emplois?|salaires?|gagn\w*|pay\w*"
    r"|remuner\w*|etudes?|etudier|etudiants?|ecoles?|formations?|diplom\w*|bachelors?|bts|masters?|masteres?|bac"
    r"|stages?|alternance|charge|chargee|missions?|carrieres?|recrut\w*|embauch\w*|cursus|fac|universites?"
    r"|inscri\w*|entreprises?|employeurs?|exercer|work|job|salary|studies|school)\b")


def about_work_or_studies(text: str) -> bool:
    """Whether the message speaks of work or studies at all (not only of a place or a price)."""
    return bool(_WORK_OR_STUDIES.search(fold(text)))


def absent_detail(text: str, details: Sequence[AbsentDetail], patterns: Dict[str, Sequence["re.Pattern"]]
                  ) -> Optional[AbsentDetail]:
    """The first detail category the message asks about, given each category's patterns.

    The caller leaves out the phrases the profession's own fiche mentions: a fiche that mentions
    remote work is answered normally (core/assistant.py).
    """
    folded = fold(text)
    for detail in details:
        if any(pattern.search(folded) for pattern in patterns.get(detail.id, ())):
            return detail
    return None
