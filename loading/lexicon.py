"""Ordinary French words, from a word-frequency lexicon (the `wordfreq` package, data in the package).

The name index (core/names.py) never corrects one of these into a word of a profession's name: a
student who writes « combien » means combien, whatever title is one letter away. Read once per
process, when a School is built.
"""
import warnings
from functools import lru_cache
from typing import FrozenSet

from core.names import canonical
from core.textnorm import without_accents

# The most frequent French words, as wordfreq ranks them. Words beyond are rare enough to be typos.
ORDINARY_WORDS = 50_000


@lru_cache(maxsize=1)
def ordinary_words(count: int = ORDINARY_WORDS) -> FrozenSet[str]:
    """The `count` most frequent French words, folded, with their canonical form (« acteurs » -> acteur)."""
    with warnings.catch_warnings():  # wordfreq 3.0 imports pkg_resources, which warns on import
        warnings.simplefilter("ignore", DeprecationWarning)
        import wordfreq  # 0.5 s to import: only when a School is built

    out = set()
    for word in wordfreq.top_n_list("fr", count):
        folded = without_accents(word)
        if folded.isalpha():
            out.add(folded)
            out.add(canonical(folded))
    return frozenset(out)
