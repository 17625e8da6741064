"""The items of a fiche's lists (missions, qualities, technical skills, tools) and which of them a message names.

A message names an item by the stems it shares with that item alone (core/stemming.py): a stem of one item's title
names it (« la mobilité »: « Appui à la mobilité internationale »), else the item most of whose words it says
(« respecter les procédures et les obligations »: the administrative mission). Stems that several items share say
nothing of which one is meant. Pure functions of a Profession and a Question; core/replies.py builds the answers.
"""
import re
from collections import Counter
from typing import FrozenSet, List, Optional, Sequence, Set, Tuple

from core.knowledge import Profession
from core.stemming import stems
from core.textnorm import fold
from core.understanding import Question


def by_rank(q: Question, count: int) -> Optional[int]:
    """The index of the item a message asks for by its rank in a list of `count` (« la troisième », « la
    dernière »: Question.ordinal), None when it gives none or one beyond the list."""
    if q.ordinal is None or not -count <= q.ordinal < count:
        return None
    return q.ordinal % count


def by_score(p: Profession) -> List:
    """The technical skills, the best scored first (as answers show and rank them)."""
    return sorted(p.hard_skills.competences, key=lambda k: -k.score)


def item_texts(p: Profession, topic: str) -> Tuple[List[str], Optional[List[str]]]:
    """The text of each item of a list topic (a mission, a quality, a skill with its key words, a tool, a job the fiche
    cites before or after this one), and each item's title (None for the tools and the evolutions, whose text is their
    name); ([], None) for another topic."""
    if topic == "missions":
        return [f"{m.intitule} {m.detail}" for m in p.missions], [m.intitule for m in p.missions]
    if topic == "soft_skills":
        qualities = p.soft_skills.qualites
        return [f"{x.nom} {x.detail}" for x in qualities], [x.nom for x in qualities]
    if topic == "hard_skills":
        skills = p.hard_skills.competences
        return [f"{s.nom} {' '.join(s.mots_cles)}" for s in skills], [s.nom for s in skills]
    if topic == "outils":
        return [c.nom for c in p.outils.categories], None
    if topic == "experiences":  # the jobs that prepare for this one, with what each brings
        return [f"{e.poste} {e.apport}" for e in p.experiences], [e.poste for e in p.experiences]
    if topic == "evolutions":  # the jobs one moves on to, by name only
        return list(p.evolutions.postes), None
    return [], None


def unique_stems(item_stems: Sequence[FrozenSet[str]]) -> Set[str]:
    """The stems only one item of the list has."""
    counts = Counter(s for found in item_stems for s in found)
    return {s for s, n in counts.items() if n == 1}


def _unique_hits(asked: FrozenSet[str], items: Sequence[str]) -> List[int]:
    """Indexes of the items that share with the question a stem no other item has."""
    item_stems = [stems(fold(i)) for i in items]
    unique = unique_stems(item_stems)
    return [i for i, found in enumerate(item_stems) if found & asked & unique]


def text_scores(asked: FrozenSet[str], items: Sequence[str]) -> List[int]:
    """For each item, how many stems of the question it shares that no other item of the list has."""
    item_stems = [stems(fold(i)) for i in items]
    unique = unique_stems(item_stems)
    return [len(found & asked & unique) for found in item_stems]


def _titles(items: Sequence[str], titles: Optional[Sequence[str]]) -> Sequence[str]:
    return titles if titles is not None and len(titles) == len(items) else ()


def named_items(asked: FrozenSet[str], items: Sequence[str], titles: Optional[Sequence[str]] = None) -> List[int]:
    """Indexes of the items the question names (« plutôt de l'admin ou de la coordination ? »: two missions),
    in the list's order: by a stem of its title no other title has, else by a stem of its whole text no
    other item has."""
    by_title = _unique_hits(asked, _titles(items, titles)) if asked else []
    return by_title or (_unique_hits(asked, items) if asked else [])


class Said(frozenset):
    """A message's stems, with those of the fiche words it says in everyday words (`preferred`)."""

    def __new__(cls, found: FrozenSet[str], preferred: FrozenSet[str] = frozenset()) -> "Said":
        said = super().__new__(cls, found)
        said.preferred = frozenset(preferred) & said
        return said


def best_match(asked: FrozenSet[str], items: Sequence[str], titles: Optional[Sequence[str]] = None) -> Optional[int]:
    """Index of the one item the question (its word stems) is specifically about, if any.

    A stem of one item's title only (« la mobilité » : « Appui à la mobilité internationale ») names it, unless the
    message says at least two more words of another item's text; otherwise stems shared by several items say
    nothing about which one is meant.
    """
    if not asked:
        return None
    preferred = getattr(asked, "preferred", frozenset())
    if preferred and preferred != asked:
        # « repérer ce qui peut mal tourner dans un projet »: the risks, said in everyday words, over the project
        found = best_match(frozenset(preferred), items, titles)
        if found is not None:
            return found
    by_title = _unique_hits(asked, _titles(items, titles))
    scores = text_scores(asked, items)
    best = max(scores, default=0)
    alone = best > 0 and scores.count(best) == 1
    if len(by_title) == 1:
        # « un volet d'accompagnement des publics dans leurs démarches d'intégration » after « l'étranger »: the item
        # most of whose words the message says, over one whose title shares a word with it
        return scores.index(best) if alone and best > scores[by_title[0]] + 1 else by_title[0]
    if alone:
        return scores.index(best)
    # « Suivi des partenariats internationaux » said whole, each of its words in other titles too: the one title that
    # holds them all
    holding = [i for i, title in enumerate(_titles(items, titles)) if len(asked) >= 2 and asked <= stems(fold(title))]
    return holding[0] if len(holding) == 1 else None


_POST = re.compile(r"\b(?:poste|métier|metier|fonction)s? d(?:e |'|’)\s*([A-ZÉÈÀ][^,.;:]*?)(?=\s+(?:au sein|en créant|"
                   r"en creant|dans|ou|pour|avec|chez)\b|[,.;:]|$)")


def posts_in(sentence: Optional[str]) -> list:
    """The job titles a sentence of the fiche names (« vers un poste de Consultant(e) en stratégie … au sein … »)."""
    return [m.group(1).strip() for m in _POST.finditer(sentence or "")]


def shown_titles(p: Profession, topic: str) -> List[str]:
    """The items of a list topic as answers show them and as a student counts them: the technical skills by score,
    best first; the others in the fiche's order, by title (their text when they have none)."""
    if topic == "hard_skills":
        return [s.nom for s in by_score(p)]
    texts, titles = item_texts(p, topic)
    return titles if titles is not None else texts


def next_to(p: Profession, topic: str, title: str, step: int) -> Optional[str]:
    """The item before (step -1) or after (+1) the one titled `title`, as answers show the list; None at either end
    or when the item is not in it."""
    names = shown_titles(p, topic)
    if title not in names or not 0 <= names.index(title) + step < len(names):
        return None
    return names[names.index(title) + step]
