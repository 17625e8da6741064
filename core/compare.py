"""Two professions side by side on one topic, from their fiches: pure, the wording is the caller's."""
from dataclasses import dataclass
from typing import Optional, Tuple

from core.catalogue import reference_years
from core.knowledge import Profession
from core.understanding import named_apart


def euros(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0")

TOPICS = ("salaire", "diplome", "hard_skills", "missions")


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


def side(p: Profession, topic: Optional[str]) -> Side:
    s, ref = p.salaire, getattr(p.formations, p.diplome.niveau_reference)
    top = sorted(p.hard_skills.competences, key=lambda k: -k.score)
    if topic == "salaire":
        d, c = s.niveaux.debutant, s.niveaux.confirme
        return Side(p, (f"{d.libelle} : {euros(d.min)}–{euros(d.max)} {s.unite}",
                        f"{c.libelle} : {euros(c.min)}–{euros(c.max)} {s.unite}"), c.max)
    if topic == "diplome":
        return Side(p, (f"{ref.nom} ({ref.niveau})", p.diplome.reponse), reference_years(p))
    if topic == "hard_skills":
        return Side(p, tuple(f"{k.nom} : {k.score}/100" for k in top[:3]), top[0].score if top else None)
    if topic == "missions":
        return Side(p, tuple(m.intitule for m in p.missions[:4]), None)
    d = s.niveaux.debutant
    return Side(p, (f"{ref.nom} ({ref.niveau})", f"débutant : {euros(d.min)}–{euros(d.max)} {s.unite}")
                + tuple(f"{k.nom} : {k.score}/100" for k in top[:2]), None)


def compare(a: Profession, b: Profession, topic: Optional[str] = None) -> Comparison:
    topic = topic if topic in TOPICS else None
    left, right = side(a, topic), side(b, topic)
    higher = None
    if left.figure is not None and right.figure is not None and left.figure != right.figure:
        higher = a if left.figure > right.figure else b
    return Comparison(topic, (left, right), higher)


def asked(text: str, find) -> Tuple[Tuple[str, ...], Optional[str]]:
    """The professions a message names, in order, and the topic to compare them on (None: the card)."""
    return named_apart(text, find)
