"""Text normalisation shared by the NLU component and the actions: accents, case, numbers."""
import functools
import re
import unicodedata
from typing import Optional

_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
}
_YEARS = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s*(?:ans?|annees?)\b")


@functools.lru_cache(maxsize=None)  # a few hundred distinct characters, folded millions of times
def fold_char(char: str) -> str:
    """Lower-case a character and drop its accents, keeping exactly one character.

    Keeping the length lets the NLU keep the original character offsets of entities.
    """
    decomposed = unicodedata.normalize("NFKD", char.lower())
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base if len(base) == 1 else char.lower()


def without_accents(text: str) -> str:
    """Lower-case text without accents, its length free to change (« ﬁ » -> « fi »): for comparison
    keys and names, where `fold`'s one-character-for-one is not needed."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower-case text without accents, same length as the input ("Débutant" -> "debutant")."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return "".join(fold_char(c) for c in text)


def years_in(text: str) -> Optional[int]:
    """Number of years of experience a message mentions ("après 5 ans" -> 5), if any."""
    match = _YEARS.search(fold(text))
    if not match:
        return None
    word = match.group(1)
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def words(text: str):
    """Folded words of at least two letters."""
    return re.findall(r"[a-z0-9]{2,}", fold(text))
