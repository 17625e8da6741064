"""Two professions side by side on one topic, from their fiches: pure, the wording is the caller's."""
from dataclasses import dataclass
from typing import Optional, Tuple

from core import diplomas
from core.catalogue import reference_years, top_salary
from core.diplomas import Diplomas
from core.items import by_score
from core.knowledge import Profession, euros
from core.textnorm import fold
from core.understanding import Vocabulary, named_apart

TOPICS = ("salaire", "diplome", "hard_skills", "missions", "soft_skills", "outils", "contraintes", "evolutions")
# The items a side shows on a topic compared without figures: the fiche's own list, first items.
SHOWN_ITEMS = 5
# What a side says when its fiche gives nothing on the topic (never a figure of the other side).
NOT_GIVEN = "la fiche ne le précise pas"


@dataclass(frozen=True)
class Side:
    profession: Profession
    lines: Tuple[str, ...]
    figure: Optional[int]          # the number compared, when the fiche gives one


@dataclass(frozen=True)
class Comparison:
    topic: Optional[str]           # None: the short card
    sides: Tuple[Side, Side]
    higher: Optional[Profession]   # None when equal or no number


def side(p: Profession, topic: Optional[str], named: Diplomas) -> Side:
    s = p.salaire
    # The required (regulated) diploma, else the reference one: the fiche's own names and levels (`named`).
    ref = " / ".join(named.labelled(path) for path in diplomas.references(p.parcours))
    top = by_score(p)
    levels = [lvl for lvl in ((s.niveaux.debutant, s.niveaux.confirme) if s else ()) if lvl is not None]
    if topic == "salaire":
        if not levels:
            return Side(p, (NOT_GIVEN,), None)
        return Side(p, tuple(f"{lvl.libelle} : {euros(lvl.min)}–{euros(lvl.max)} {s.unite}" for lvl in levels),
                    top_salary(p))
    if topic == "diplome":
        return Side(p, (ref, p.diplome.reponse), reference_years(p))
    if topic == "hard_skills":
        return Side(p, tuple(f"{k.nom} : {k.score}/100" for k in top[:3]) or (NOT_GIVEN,),
                    top[0].score if top else None)
    lists = {"soft_skills": [x.nom for x in p.soft_skills.qualites], "outils": [c.nom for c in p.outils.categories],
             "contraintes": list(p.contraintes.liste), "evolutions": list(p.evolutions.postes)}
    if topic in lists:
        return Side(p, tuple(lists[topic][:SHOWN_ITEMS]) or (NOT_GIVEN,), None)
    if topic == "missions":
        return Side(p, tuple(m.intitule for m in p.missions[:4]) or (NOT_GIVEN,), None)
    d = s.niveaux.debutant if s else None
    start = f"débutant : {euros(d.min)}–{euros(d.max)} {s.unite}" if d else f"débutant : {NOT_GIVEN}"
    return Side(p, (ref, start) + tuple(f"{k.nom} : {k.score}/100" for k in top[:2]), None)


def compare(a: Profession, b: Profession, named: Diplomas, topic: Optional[str] = None) -> Comparison:
    """The two professions side by side on a topic (None: the short card); `named`: the school's diploma words."""
    topic = topic if topic in TOPICS else None
    left, right = side(a, topic, named), side(b, topic, named)
    higher = None
    if left.figure is not None and right.figure is not None and left.figure != right.figure:
        higher = a if left.figure > right.figure else b
    return Comparison(topic, (left, right), higher)


def asked(text: str, vocabulary: Vocabulary) -> Tuple[Tuple[str, ...], Optional[str]]:
    """The professions a message names, in order (looked up in the school's name index), and the topic to compare
    them on (None: the card)."""
    folded = fold(text)
    return named_apart(folded, vocabulary), next(iter(vocabulary.topics_in(folded)), None)
