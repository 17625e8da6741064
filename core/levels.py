"""Whether a message asks what the fiche's experience levels mean, or mistakes years of study or an age
for years of experience.

« débutant, ça veut dire combien d'années ? », « j'ai 4 ans d'expérience, je suis débutant ou
confirmé ? », « bac+3, ça veut dire 3 ans d'expérience ? », « j'ai 25 ans donc je suis confirmé ? »:
the answer is the fiche's levels (years of experience), never the diploma nor one level's salary.
Pure functions on folded text: the reply (core/replies.py) says « Non : … » when the premise is wrong.
"""
import re
from dataclasses import dataclass
from typing import Optional

from core.textnorm import years_in

_LEVEL = re.compile(r"\b(?:debutant|junior|confirme|senior|experimente)(?:e|s|es)?\b")
# Ranks beyond « confirmé » that fiches rarely give as a level of their own (« un senior gagne combien ? »).
_BEYOND = re.compile(r"\b(senior|expert|chevronne|fin de carriere)(?:e|s|es)?\b")
# The levels named as a rank the student would reach (a diploma or an age does not make one confirmé).
_HIGH_LEVEL = re.compile(r"\b(?:confirme|senior|experimente)(?:e|s|es)?\b")
# « ans d'expérience », « années d'expérience » : experience counted in years.
_EXPERIENCE_YEARS = re.compile(r"\b(?:ans?|annees?) d'?\s*(?:experience|xp\b|exp\b|pro\b|boulot|travail)")
# A question about what a level is or which one applies.
_MEANING = re.compile(
    r"veut dire|signifi|consider|compte comme|definition|\bc'est quoi (?:un|une|etre)\b"
    r"|debutant\w* ou confirm|confirm\w* ou debutant|junior ou senior|senior ou junior"
    r"|a partir de (?:quand|combien)|combien d'annees|combien d'ans|moins de combien|plus de combien"
    r"|au bout de|\bon devient\b|\bdevient[- ]on\b|\bpasse[rz]? (?:confirm|senior)"
    # « combien de temps on reste débutant ? »: how long a level lasts
    r"|combien de temps (?:on |je |il |elle )?(?:reste|est|restes|restez)\b"
    # « un débutant c'est moins de 5 ans d'expérience, non ? »: a level defined by a number of years
    r"|\b(?:debutant|junior|confirme|senior)\w*,? (?:c'est|c est|=|ca veut dire|signifie) (?:quand on a )?"
    r"(?:moins|plus|au moins|jusqu|entre)\b")
# « bac+3, ça fait 3 ans d'expérience ? »: years of study equated with experience.
_EQUATES = re.compile(r"\bca fait\b|\bequiva\w*|\begale?s?\b|\brevient a\b|\bcorrespond\w*|\bcompte(?:nt)? (?:comme|pour)|=")
# Years that are years of study: a level of diploma or studies named.
_STUDY = re.compile(r"\bbac\s*\+?\s*\d\b|\bd'?\s*etudes?\b|\bdiplom\w*|\bbachelor|\bmasters?\b|\bmasteres?\b"
                    r"|\blicence\b|\bbts\b")
_STUDY_YEARS = re.compile(r"\b(?:ans?|annees?) d'?\s*etudes?\b")
# A premise the student draws (« donc je suis confirmé ? », « payé comme un confirmé »).
_PREMISE = re.compile(r"\bdonc\b|\bcomme\b|\bdes le debut|\bdirectement\b|\bd'office\b|\bforcement\b"
                      r"|\bautomatiquement\b|\bdirect\b|\bc'est ca\b|\bc ca\b")
# An age: « j'ai 25 ans », « à 30 ans ».
_AGE = re.compile(r"(?:\bj'ai|\bj ai|\ba|\bage de|\bvers)\s+(\d{2})\s*ans\b(?!\s*d'?\s*(?:experience|etudes?))")


@dataclass(frozen=True)
class LevelsAsk:
    """A question on the levels: `mistaken` is what the student took for experience (« etudes »,
    « age ») or None; `level` the level they named (« debutant », « confirme ») if one; `years` the
    years of experience they gave, if any."""
    mistaken: Optional[str]
    level: Optional[str]
    years: Optional[int]


def _named_level(folded: str) -> Optional[str]:
    found = {("debutant" if m.group(0).startswith(("debutant", "junior")) else "confirme")
             for m in _LEVEL.finditer(folded)}
    return found.pop() if len(found) == 1 else None


def levels_asked(folded: str) -> Optional[LevelsAsk]:
    """The levels question a message (folded) asks, or None (« je suis debutant, je gagne combien ? » asks a
    salary)."""
    level_word = bool(_LEVEL.search(folded))
    experience_years = bool(_EXPERIENCE_YEARS.search(folded))
    if not (level_word or experience_years):
        return None
    meaning = bool(_MEANING.search(folded))
    study = bool(_STUDY.search(folded))
    age = bool(_AGE.search(folded))
    level = _named_level(folded)
    premise = bool(_PREMISE.search(folded))
    equates = meaning or bool(_EQUATES.search(folded))
    if study and ((premise and _HIGH_LEVEL.search(folded)) or (equates and (experience_years or level_word))):
        # « bac+5, donc payé comme un confirmé ? », « bac+3 ça veut dire 3 ans d'expérience ? » are wrong;
        # « le bachelor, ça correspond à un débutant ? » is right: the levels, with no « Non ».
        wrong = _HIGH_LEVEL.search(folded) or experience_years or _STUDY_YEARS.search(folded)
        return LevelsAsk("etudes" if wrong else None, level, None)
    if age and (premise or meaning) and level_word:
        # « j'ai 25 ans donc je suis confirmé ? » is wrong; « j'ai 22 ans, je suis forcément débutant ? »: the
        # levels, which count years of experience, not an age (no « Non »: a beginner's level may be right).
        return LevelsAsk("age" if _HIGH_LEVEL.search(folded) else None, level, None)
    if meaning and (level_word or experience_years):
        return LevelsAsk(None, level, years_in(folded))
    return None


def level_beyond(folded: str, labels) -> Optional[str]:
    """A rank beyond the fiche's levels the student names (« senior ») when none of the fiche's level
    `labels` (folded) is that word, else None: the reply then says the fiche has no such level."""
    found = _BEYOND.search(folded)
    if found is None or any(found.group(1) in label for label in labels):
        return None
    return found.group(1)
