"""Check every fact of a draft against the fiche it was read from: figures and names are copied,
never rephrased. A fact that fails is a bug of the importer; the importer replaces it by a marker."""
import functools
import re
from typing import FrozenSet, List, Tuple

from core.gender import without_marks
from core.stemming import same_stem
from core.textnorm import fold
from trainer.importer.facts import COPIED, DEDUCED, FORM, NAMES, NUMBER, Fact, dotted, draft_leaves
from trainer.importer.text import sentences, squash
from trainer.importer.verbs import infinitive


def _number_in(value: int, passage: str) -> bool:
    # « 30 000 », « 30.000 » and « 30000 » are the same figure.
    joined = re.sub(r"(?<=\d)[ .\u00a0\u202f](?=\d{3}\b)", "", passage)
    return re.search(rf"(?<!\d){value}(?!\d)", joined) is not None


@functools.lru_cache(maxsize=64)  # the same passage (a fiche's whole text, for the aliases) is read for many facts
def _passage_words(passage: str) -> FrozenSet[str]:
    """The folded words of a passage, and the infinitive of each of its verbs (« acquiert » -> « acquérir »,
    for a phrase rewritten at the infinitive, « se former »)."""
    found = set(re.findall(r"[a-z]+|[0-9]+", fold(passage)))
    return frozenset(found | {fold(infinitive(w)) for w in set(re.findall(r"[\w]+", passage.lower()))} | {"se", "s"})


def words_in(value: str, passage: str) -> bool:
    """Every word of the value is a word of the passage (for forms built from the fiche's words)."""
    passage_words = _passage_words(passage)
    value_words = re.findall(r"[a-z]+|[0-9]+", fold(without_marks(value)))
    # the gender forms (chargee, testeuse) and the unit (€ brut par an) are built from the same stems
    return all(w in passage_words or any(same_stem(w, p) for p in passage_words)
               or w in {"moins", "plus", "ans", "d", "experience", "bac"}
               or w in {"le", "la", "les", "l"}  # « aux déplacements » read as « les déplacements »
               for w in value_words)


def check(fact: Fact, fiche: str) -> str:
    """Empty if the fact is found in the fiche as it says, else why not (in French)."""
    text = squash(fiche)
    evidence = squash(fact.evidence)
    if fact.how != FORM and not all(squash(line) in text for line in fact.evidence.split("\n")):
        return "le passage cité n'est pas dans la fiche"
    value = fact.value
    if fact.how == COPIED:
        # a text may gather sentences from several places of the fiche: each one is copied
        parts = [squash(re.sub(r"^(?:enfin|ensuite|aussi|de plus),\s*", "", s, flags=re.I))
                 for s in sentences(str(value))]
        return "" if all(p in evidence for p in parts) else f"« {value} » n'est pas recopié de la fiche"
    if fact.how == NUMBER:
        return "" if isinstance(value, int) and _number_in(value, fact.evidence) else \
            f"le nombre {value} n'est pas écrit dans « {fact.evidence} »"
    if fact.how == NAMES:
        absent = [v for v in value if squash(v) not in evidence]
        return f"{', '.join(absent)} : absent de « {fact.evidence} »" if absent else ""
    if fact.how == FORM:
        values = value if isinstance(value, list) else [str(value)]
        absent = [v for v in values if not words_in(v, fact.evidence)]
        return f"{', '.join(absent)} : des mots ne sont pas dans la fiche" if absent else ""
    if fact.how == DEDUCED:
        return ""  # the sentence it is deduced from is in the fiche (checked above)
    return f"manière de lire inconnue : {fact.how}"


def verify(draft, fiche: str) -> List[Tuple[str, str]]:
    """(field, problem) for every fact of the draft that the fiche does not support."""
    problems = []
    for path, leaf in draft_leaves(draft):
        if isinstance(leaf, Fact):
            problem = check(leaf, fiche)
            if problem:
                problems.append((dotted(path), problem))
    return problems
