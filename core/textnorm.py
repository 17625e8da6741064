"""Text normalisation shared by the NLU component and the actions: accents, case, numbers; and the French
way of listing words."""
import functools
import re
import unicodedata
from typing import Optional

# Small numbers as students write them in words (« deux ans », « moins de trois ans d'études »).
NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
}
_NUMBER = r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
_YEARS = re.compile(r"\b" + _NUMBER + r"\s*\+?\s*(?:ans?|annees?|years?)\b")  # « 5+ years »: from 5
# « entre 3 et 5 ans », « de 3 à 5 ans », « 3-5 ans »: a range of years, read from its first number (the
# fiche's levels start at a number of years: 3 of « entre 3 et 5 » is where the range starts).
_YEAR_RANGE = re.compile(r"(?<![+\w])(?<!bac )(?:(?:entre|de)\s+)?" + _NUMBER + r"\s*(?:et|a|-|/)\s*" + _NUMBER
                         + r"\s*(?:ans?|annees?|years?)\b")


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


# Every character folded so far, by code point: fold() translates a text in one call (it runs on every
# field of every fiche of a catalogue, and on every message).
_FOLDED = {ord("\u2019"): "'", ord("\u2018"): "'"}


def fold(text: str) -> str:
    """Lower-case text without accents, same length as the input ("Débutant" -> "debutant")."""
    if text.isascii():  # already without accents (a folded text folded again): lower case is all there is to do
        return text.lower()
    missing = {c for c in set(text) if ord(c) not in _FOLDED}
    for c in missing:
        _FOLDED[ord(c)] = fold_char(c)
    return text.translate(_FOLDED)


# What a number of years after it is, when it is not experience: years of study (« 3 ans d'études »,
# « 5 ans après le bac », « bac+5 ») or an age (« à 25 ans », « j'ai 17 ans », « 40 ans et plus »).
_NOT_EXPERIENCE_AFTER = re.compile(r"\s*(?:d'?\s*etudes?|d'?\s*ecole|de (?:formation|fac|cours|master|licence)"
                                   r"|d'?\s*age|apres (?:le|mon|son) bac|post[- ]?bac|apres le lycee)")
_AGE_BEFORE = re.compile(r"(?:\ba|\bj'ai|\bj ai|\bai|\bage de|\bavoir|\bvers|\bde)\s*$")
AGE_MIN = 14   # « à 25 ans », « j'ai 17 ans »: from this many years, after « à » or « j'ai », an age
# « et sur un an c'est combien ? », « par an »: a period of pay, not a year of experience (« pour 1 an d'expérience » is one)
_PERIOD_BEFORE = re.compile(r"\b(?:sur|par|chaque)\s*$")
_IN_ALL = re.compile(r"\b(?:en tout|au total|total|cumul\w*)\b")


def years_in(folded: str) -> Optional[int]:
    """Number of years of experience a message (folded) mentions ("apres 5 ans" -> 5), if any: not years of
    study (« 3 ans d'etudes ») nor an age (« a 25 ans je gagnerai combien ? »)."""
    for match in _YEAR_RANGE.finditer(folded):
        low, high = (int(w) if w.isdigit() else NUMBER_WORDS[w] for w in match.groups())
        if low < high < AGE_MIN and not _NOT_EXPERIENCE_AFTER.match(folded, match.end()) \
                and not _AGE_BEFORE.search(folded[:match.start()]):
            return low
    for match in _YEARS.finditer(folded):
        word = match.group(1)
        years = int(word) if word.isdigit() else NUMBER_WORDS[word]
        if _NOT_EXPERIENCE_AFTER.match(folded, match.end()):
            continue
        if years >= AGE_MIN and _AGE_BEFORE.search(folded[:match.start()]):
            continue
        if _PERIOD_BEFORE.search(folded[:match.start()]) and (years == 1 or _IN_ALL.search(folded)):
            continue  # « sur un an », « sur 3 ans ça fait combien au total ? »: a period of pay
        return years
    return None


def words(text: str):
    """Folded words of at least two letters."""
    return folded_words(fold(text))


def folded_words(folded: str):
    """The words of at least two letters of a text already folded."""
    return re.findall(r"[a-z0-9]{2,}", folded)


def listed(words) -> str:
    """« A », « A et B », « A, B et C »."""
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " et " + words[-1]
